import { writeAudit } from '../store/auditLog.ts';
import type { hubContract } from '../contract/hubContract.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';
import type { Services } from '../services/services.ts';
import { hubDevices, inviteWorkstation, joinHub, leaveHub, revokeHubDevice } from '../sync/hubEnrolment.ts';
import { readHubStatus } from '../sync/hubStatus.ts';

function signedIn(s: Services): { id: string; displayName: string; centre: string; role: 'responder' | 'supervisor' | null } {
  const id = s.session.profileId;
  const row = id ? (s.store.database().prepare('SELECT display_name, centre FROM profiles WHERE id = ?').get(id) as { display_name: string; centre: string } | undefined) : undefined;
  if (!id || !row) throw new AppError('Forbidden', 'Sign in first.');
  return { id, displayName: row.display_name, centre: row.centre, role: s.session.role };
}

const actor = (s: Services) => {
  const me = signedIn(s);
  return { profileId: me.id, actor: me.displayName, role: me.role };
};

export const hubHandlers: HandlerMap<typeof hubContract> = {
  'hub.status': (_i, s) => readHubStatus(s.store.database()),
  'hub.syncNow': async (_i, s) => {
    if (s.hubSync) return s.hubSync.syncNow();
    const { syncRound } = await import('../sync/syncRound.ts');
    return syncRound(s.store.database(), () => s.clock.now());
  },
  'hub.join': async ({ url, code, deviceName }, s) => {
    const me = signedIn(s);
    const db = s.store.database();
    const res = await joinHub(db, s.clock.now(), { url, code, centre: me.centre, deviceName, profileId: me.id });
    writeAudit(db, s.clock.now(), actor(s), 'hub.join', { role: res.role, source: new URL(url).host });
    s.emit('hub.status', readHubStatus(db));
    return res;
  },
  'hub.invite': async ({ centre }, s) => {
    const db = s.store.database();
    const res = await inviteWorkstation(db, centre);
    writeAudit(db, s.clock.now(), actor(s), 'hub.invite', { kind: 'invitation' });
    return res;
  },
  'hub.devices': async (_i, s) => {
    const { devices, thisDeviceId } = await hubDevices(s.store.database());
    return { devices: devices.map((d) => ({ ...d, thisDevice: d.id === thisDeviceId })) };
  },
  'hub.revokeDevice': async ({ deviceId }, s) => {
    const db = s.store.database();
    await revokeHubDevice(db, deviceId);
    writeAudit(db, s.clock.now(), actor(s), 'hub.revoke_device', { kind: 'device' });
    return { revoked: true as const };
  },
  'hub.leave': async (_i, s) => {
    const db = s.store.database();
    const res = await leaveHub(db);
    writeAudit(db, s.clock.now(), actor(s), 'hub.leave', { count: res.droppedChanges });
    s.emit('hub.status', readHubStatus(db));
    return res;
  },
};
