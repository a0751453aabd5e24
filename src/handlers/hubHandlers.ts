import type { hubContract } from '../contract/hubContract.ts';
import type { HandlerMap } from './handlerMap.ts';
import { signedIn } from './signedIn.ts';
import { hubDevices, inviteWorkstation, joinHub, leaveHub, revokeHubDevice } from '../sync/hubEnrolment.ts';
import { readHubStatus } from '../sync/hubStatus.ts';

// Audit (access/auditedOperations.ts): the router writes these four operations' entries. Join and
// leave talk to the hub first, then run their one local write through context.auditedWrite, whose
// transaction holds the entry too; invite and revokeDevice change only the hub, so their entry
// follows the hub's answer alone (none when the hub refused).

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
    const res = await joinHub(db, s.clock.now(), { url, code, centre: me.centre, deviceName, profileId: me.profileId }, { write: (work) => c.auditedWrite(work) });
    s.emit('hub.status', readHubStatus(db));
    return res;
  },
  'hub.invite': async ({ centre }, s, c) => {
    signedIn(c);
    return inviteWorkstation(s.store.database(), centre);
  },
  'hub.devices': async (_i, s) => {
    const { devices, thisDeviceId } = await hubDevices(s.store.database());
    return { devices: devices.map((d) => ({ ...d, thisDevice: d.id === thisDeviceId })) };
  },
  'hub.revokeDevice': async ({ deviceId }, s, c) => {
    signedIn(c);
    await revokeHubDevice(s.store.database(), deviceId);
    return { revoked: true as const };
  },
  'hub.leave': async (_i, s, c) => {
    signedIn(c);
    const db = s.store.database();
    const res = await leaveHub(db, { write: (work) => c.auditedWrite(work) });
    s.emit('hub.status', readHubStatus(db));
    return res;
  },
};
