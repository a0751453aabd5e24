import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { listAudit } from '../../src/store/auditLog.ts';
import { readHubLink } from '../../src/sync/hubLinkRepository.ts';
import { pendingChanges } from '../../src/sync/syncRound.ts';
import { startTestHub, type TestHub } from './helpers/hubServer.ts';
import { newOpenCore, signInSupervisor } from './helpers/tempStore.ts';

// Issue 13, point 5, for the four hub operations: they talk to the hub first (no SQLite
// transaction can span the network), then joining and leaving write their local change and their
// audit entry in one transaction; an entry the log refuses leaves no local change. Inviting and
// revoking change only the hub: their entry follows its answer, alone. A real hub on PostgreSQL:
// what is proved here is the workstation's transaction, the same on either hub engine.

const entries = (core: AppCore, action: string) => listAudit(core.services.store.database(), { limit: 1000 }).entries.filter((e) => e.action === action);
const refuseEntries = (core: AppCore, action: string) =>
  core.services.store.database().exec(`CREATE TEMP TRIGGER refuse_hub_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
const acceptEntries = (core: AppCore) => core.services.store.database().exec('DROP TRIGGER refuse_hub_audit');

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('the hub operations and their audit entry (hub on postgres)', () => {
  let hub: TestHub;
  let a: AppCore;
  let b: AppCore;
  before(async () => {
    hub = await startTestHub('postgres');
    a = await newOpenCore();
    b = await newOpenCore();
    await signInSupervisor(a);
    await signInSupervisor(b);
    const { code } = await createFoundingCode(hub.ctx);
    await ok(a, 'hub.join', { url: hub.url, code, deviceName: 'Coordination' });
  });
  after(async () => {
    a.shutdown();
    b.shutdown();
    await hub.stop();
  });

  test('hub.join: an entry the log refuses leaves this PC not joined; joined, one entry with the role and the hub', async () => {
    const [founded, ...more] = entries(a, 'hub.join');
    assert.equal(more.length, 0);
    assert.deepEqual(founded?.detail, { role: 'founder', source: new URL(hub.url).host });
    assert.equal(founded?.profileId, a.services.session.profileId);

    refuseEntries(b, 'hub.join');
    const first = await ok<{ code: string }>(a, 'hub.invite', { centre: 'CPAS Anderlecht' });
    const refused = await b.router.dispatch('hub.join', { url: hub.url, code: first.code, deviceName: 'Anderlecht 1' });
    assert.equal(refused.ok, false);
    assert.equal(readHubLink(b.services.store.database()), null, 'no link, token nor line key without its entry');
    assert.deepEqual(entries(b, 'hub.join'), []);
    acceptEntries(b);

    // The hub spent that code on a device this PC does not hold: a new invitation joins it.
    const second = await ok<{ code: string }>(a, 'hub.invite', { centre: 'CPAS Anderlecht' });
    const joined = await ok<{ role: string }>(b, 'hub.join', { url: hub.url, code: second.code, deviceName: 'Anderlecht 1' });
    assert.equal(joined.role, 'member');
    assert.ok(readHubLink(b.services.store.database()));
    const [entry, ...others] = entries(b, 'hub.join');
    assert.equal(others.length, 0, 'one entry, not one in the write and another after');
    assert.deepEqual(entry?.detail, { role: 'member', source: new URL(hub.url).host });
    assert.equal(entry?.role, 'supervisor');
  });

  test('hub.invite: its entry follows the hub\'s answer alone; a refused entry shows no code; a refused invitation records nothing', async () => {
    const before = entries(a, 'hub.invite').length;
    refuseEntries(a, 'hub.invite');
    const refused = await a.router.dispatch('hub.invite', { centre: 'CPAS Ixelles' });
    assert.equal(refused.ok, false, 'no code handed out without its entry');
    acceptEntries(a);
    assert.equal(entries(a, 'hub.invite').length, before);

    const notJoined = await newOpenCore();
    await signInSupervisor(notJoined);
    const r = await notJoined.router.dispatch('hub.invite', { centre: 'CPAS Ixelles' });
    assert.equal(!r.ok && r.error.code, 'Conflict');
    assert.deepEqual(entries(notJoined, 'hub.invite'), []);
    notJoined.shutdown();

    await ok(a, 'hub.invite', { centre: 'CPAS Ixelles' });
    const all = entries(a, 'hub.invite');
    assert.equal(all.length, before + 1);
    assert.deepEqual(all[0]?.detail, { kind: 'invitation' });
    assert.equal(all[0]?.profileId, a.services.session.profileId);
  });

  test('hub.revokeDevice: its entry follows the hub\'s answer alone; the hub\'s revocation stays when the entry is refused', async () => {
    const deviceB = readHubLink(b.services.store.database())?.deviceId as string;
    refuseEntries(a, 'hub.revoke_device');
    const refused = await a.router.dispatch('hub.revokeDevice', { deviceId: deviceB });
    assert.equal(refused.ok, false);
    acceptEntries(a);
    assert.deepEqual(entries(a, 'hub.revoke_device'), []);
    const { devices } = await ok<{ devices: { id: string; revokedAt: string | null }[] }>(a, 'hub.devices', {});
    assert.ok(devices.find((d) => d.id === deviceB)?.revokedAt, 'the hub revoked it: no SQLite transaction holds the network');

    const self = await a.router.dispatch('hub.revokeDevice', { deviceId: readHubLink(a.services.store.database())?.deviceId });
    assert.equal(!self.ok && self.error.code, 'InvalidInput');
    assert.deepEqual(entries(a, 'hub.revoke_device'), [], 'a refused revocation records nothing');

    // Revoking again (the hub keeps the first date) records it.
    await ok(a, 'hub.revokeDevice', { deviceId: deviceB });
    assert.equal(entries(a, 'hub.revoke_device').length, 1);
  });

  test('hub.leave: an entry the log refuses leaves this PC joined with its waiting changes; left, one entry with the dropped count', async () => {
    const db = a.services.store.database();
    const waiting = pendingChanges(db);
    refuseEntries(a, 'hub.leave');
    const refused = await a.router.dispatch('hub.leave', {});
    assert.equal(refused.ok, false);
    assert.ok(readHubLink(db), 'still joined: link, token and line key kept with their entry refused');
    assert.equal(pendingChanges(db), waiting, 'the outbox kept');
    assert.deepEqual(entries(a, 'hub.leave'), []);
    acceptEntries(a);

    // The hub revoked this device the first time: leaving again still works.
    const left = await ok<{ revokedOnHub: boolean; droppedChanges: number }>(a, 'hub.leave', {});
    assert.equal(left.revokedOnHub, false);
    assert.equal(readHubLink(db), null);
    const [entry, ...more] = entries(a, 'hub.leave');
    assert.equal(more.length, 0);
    assert.deepEqual(entry?.detail, { count: left.droppedChanges });
    assert.equal(entry?.profileId, a.services.session.profileId);
  });
});
