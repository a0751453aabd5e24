import { writeAudit } from '../store/auditLog.ts';
import type { hubContract } from '../contract/hubContract.ts';
import type { HandlerMap } from './handlerMap.ts';
import { signedIn } from './signedIn.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import { hubDevices, inviteWorkstation, joinHub, leaveHub, revokeHubDevice } from '../sync/hubEnrolment.ts';
import { readHubStatus } from '../sync/hubStatus.ts';

const actor = (c: HandlerContext) => {
  const me = signedIn(c);
  return { profileId: me.profileId, actor: me.displayName, role: me.role };
};

export const hubHandlers: HandlerMap<typeof hubContract> = {
  'hub.status': (_i, s) => readHubStatus(s.store.database()),
  'hub.syncNow': async (_i, s) => {
    // The contract's three counts (what was applied per kind goes out as the hub.pulled event).
    const { pushed, pulled, pending } = s.hubSync ? await s.hubSync.syncNow() : await (await import('../sync/syncRound.ts')).syncRound(s.store.database(), () => s.clock.now());
    return { pushed, pulled, pending };
  },
  'hub.join': async ({ url, code, deviceName }, s, c) => {
    const me = signedIn(c);
    const db = s.store.database();
    const res = await joinHub(db, s.clock.now(), { url, code, centre: me.centre, deviceName, profileId: me.profileId });
    writeAudit(db, s.clock.now(), actor(c), 'hub.join', { role: res.role, source: new URL(url).host });
    s.emit('hub.status', readHubStatus(db));
    return res;
  },
  'hub.invite': async ({ centre }, s, c) => {
    const db = s.store.database();
    const res = await inviteWorkstation(db, centre);
    writeAudit(db, s.clock.now(), actor(c), 'hub.invite', { kind: 'invitation' });
    return res;
  },
  'hub.devices': async (_i, s) => {
    const { devices, thisDeviceId } = await hubDevices(s.store.database());
    return { devices: devices.map((d) => ({ ...d, thisDevice: d.id === thisDeviceId })) };
  },
  'hub.revokeDevice': async ({ deviceId }, s, c) => {
    const db = s.store.database();
    await revokeHubDevice(db, deviceId);
    writeAudit(db, s.clock.now(), actor(c), 'hub.revoke_device', { kind: 'device' });
    return { revoked: true as const };
  },
  'hub.leave': async (_i, s, c) => {
    const db = s.store.database();
    const res = await leaveHub(db);
    writeAudit(db, s.clock.now(), actor(c), 'hub.leave', { count: res.droppedChanges });
    s.emit('hub.status', readHubStatus(db));
    return res;
  },
};
