import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attemptDelayMs } from '../../src/access/accessSession.ts';
import { hashParams } from '../../src/access/secretHash.ts';
import type { AppCore } from '../../src/app/appCore.ts';
import { contract, guardedRoles, type InputOf, OPERATION_NAMES, type OperationName, type OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { profilesRepository } from '../../src/profiles/profilesRepository.ts';
import { savedBytes } from './helpers/savedFile.ts';
import { newOpenCore, seedResponder, TEST_SCRYPT } from './helpers/tempStore.ts';

// Issue 8: first supervisor, PIN profiles, the idle / OS / manual lock with a call in progress,
// the growing delay after wrong PINs (from the injected clock), the audit trail, and a
// Forbidden answer for every role-restricted operation, generated from the contract.

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}
async function code(core: AppCore, name: string, input: unknown): Promise<string> {
  const r = await core.router.dispatch(name, input);
  return r.ok ? 'ok' : r.error.code;
}

async function world() {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const core = await newOpenCore({ clock, shell: 'harness' });
  assert.equal((await op(core, 'access.status', {})).needsFirstSupervisor, true);
  const st = await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
  assert.equal(st.profile?.role, 'supervisor');
  // Issue 12: refused by the router once a supervisor exists (was the handler's Conflict).
  assert.equal(await code(core, 'access.createFirstSupervisor', { displayName: 'Other', centre: 'X', passphrase: 'another passphrase' }), 'Forbidden');
  const marie = await op(core, 'profiles.admin.create', { displayName: 'Marie', centre: 'CASG Nord', pin: '246810' });
  return { clock, core, supervisor: st.profile!.id, marie: marie.id };
}

test('delay schedule: 5 free wrong PINs, then 30 s doubling up to 15 min', () => {
  assert.deepEqual([0, 4, 5, 6, 7, 20].map(attemptDelayMs), [0, 0, 30_000, 60_000, 120_000, 900_000]);
});

test('first supervisor, responder with PIN, idle lock with a call in progress, unlock with the PIN; call and notes intact; audited', async () => {
  const { clock, core, marie } = await world();
  const db = core.services.store.database();
  assert.deepEqual(hashParams(db.prepare('SELECT pin_hash FROM profiles WHERE id = ?').pluck().get(marie) as string), TEST_SCRYPT);
  assert.equal(await code(core, 'profiles.signIn', { profileId: marie }), 'Forbidden', 'the PIN is required');
  assert.equal(await code(core, 'profiles.signIn', { profileId: marie, secret: '111111' }), 'Forbidden');
  await op(core, 'profiles.signIn', { profileId: marie, secret: '246810' });
  const call = await op(core, 'calls.start', {});
  await op(core, 'calls.addNote', { callId: call.id, text: 'Première note.', offsetMs: 1000 } as never).catch(() => undefined);
  const notesBefore = (await op(core, 'calls.get', { callId: call.id })).notes;

  clock.advance(4 * 60_000);
  core.tick();
  assert.equal((await op(core, 'access.status', {})).locked, false);
  await op(core, 'access.activity', {});
  clock.advance(5 * 60_000);
  core.tick();
  const st = await op(core, 'access.status', {});
  assert.equal(st.locked, true);
  assert.equal(st.lockReason, 'idle');
  assert.equal(await code(core, 'calls.get', { callId: call.id }), 'Locked');
  assert.equal(await code(core, 'profiles.list', {}), 'Locked');

  clock.advance(10 * 60_000);
  const open = await op(core, 'access.unlock', { secret: '246810' });
  assert.equal(open.locked, false);
  const after = await op(core, 'calls.get', { callId: call.id });
  assert.equal(after.status, 'active', 'the call survived the lock');
  assert.ok(after.timer.elapsedMs >= 19 * 60_000, 'its timer kept running in main');
  assert.deepEqual(after.notes, notesBefore);

  core.lockSession('os');
  assert.equal((await op(core, 'access.status', {})).lockReason, 'os');
  await op(core, 'access.unlock', { secret: '246810' });
  const actions = (db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[]);
  for (const a of ['profile.first_supervisor', 'session.sign_in', 'profile.create', 'session.unlock_failed', 'session.lock', 'session.unlock']) assert.ok(actions.includes(a), a);
  const details = db.prepare('SELECT detail FROM audit_log').pluck().all().join('\n');
  assert.ok(!details.includes('Première') && !details.includes('246810'));
  core.shutdown();
});

test('5 wrong PINs: a growing delay from the clock, enforced in main; the right PIN opens after the wait; nothing else lost', async () => {
  const { clock, core, marie } = await world();
  await op(core, 'profiles.signIn', { profileId: marie, secret: '246810' });
  await op(core, 'access.lock', {});
  for (let i = 1; i <= 4; i++) assert.equal(await code(core, 'access.unlock', { secret: '000000' }), 'Forbidden');
  assert.equal(await code(core, 'access.unlock', { secret: '000000' }), 'TooManyAttempts');
  const st = await op(core, 'access.status', {});
  assert.equal(st.failedAttempts, 5);
  assert.equal(st.retryAt, new Date(clock.now().getTime() + 30_000).toISOString());
  assert.equal(await code(core, 'access.unlock', { secret: '246810' }), 'TooManyAttempts', 'even the right PIN waits');
  clock.advance(31_000);
  assert.equal(await code(core, 'access.unlock', { secret: '000000' }), 'TooManyAttempts');
  assert.equal((await op(core, 'access.status', {})).retryAt, new Date(clock.now().getTime() + 60_000).toISOString(), 'the wait doubles');
  clock.advance(61_000);
  assert.equal((await op(core, 'access.unlock', { secret: '246810' })).locked, false);
  assert.equal((await op(core, 'access.status', {})).failedAttempts, 0);
  core.shutdown();
});

test('supervisors disable and reset responder profiles; a disabled profile cannot sign in; responders cannot manage profiles', async () => {
  const { core, marie } = await world();
  await op(core, 'profiles.admin.setActive', { profileId: marie, active: false });
  await op(core, 'profiles.signOut', {});
  assert.equal(await code(core, 'profiles.signIn', { profileId: marie, secret: '246810' }), 'NotFound');
  const sophie = (await op(core, 'profiles.list', {})).profiles.find((p) => p.displayName === 'Sophie')!;
  await op(core, 'profiles.signIn', { profileId: sophie.id, secret: 'supervisor passphrase' });
  await op(core, 'profiles.admin.setActive', { profileId: marie, active: true });
  await op(core, 'profiles.admin.resetPin', { profileId: marie, pin: '13579246' });
  await op(core, 'profiles.signOut', {});
  assert.equal(await code(core, 'profiles.signIn', { profileId: marie, secret: '246810' }), 'Forbidden');
  await op(core, 'profiles.signIn', { profileId: marie, secret: '13579246' });
  assert.equal(await code(core, 'profiles.admin.create', { displayName: 'X', centre: 'Y', pin: '123456' }), 'Forbidden');
  assert.equal(await code(core, 'audit.list', {}), 'Forbidden');
  assert.equal(await code(core, 'reports.exportPublic', { from: '2026-01-01', to: '2026-01-31', format: 'csv' }), 'Forbidden');
  core.shutdown();
});

test('every operation with a role list refuses a caller without the role (Forbidden), generated from the contract; a locked session refuses all but status and unlock', async () => {
  const core = await newOpenCore();
  const db = core.services.store.database();
  // A supervisor exists, so the first-run operation is closed too (issue 12); the store is
  // open, so the recovery operations (open only while it is not) follow their role list.
  await seedResponder(core, { displayName: 'Sophie', centre: 'CASG Nord', pin: '13579246' });
  db.prepare(`UPDATE profiles SET role = 'supervisor'`).run();
  const changes = db.prepare('SELECT total_changes()').pluck();
  let checked = 0;
  for (const name of OPERATION_NAMES) {
    const roles = guardedRoles(contract[name].access);
    if (roles === null) continue;
    for (const role of [null, 'responder', 'supervisor'] as const) {
      if (role && roles.includes(role)) continue;
      core.services.session.role = role;
      core.services.session.profileId = role ? '00000000-0000-4000-8000-000000000000' : null;
      const before = changes.get();
      assert.equal(await code(core, name, {}), 'Forbidden', `${name} as ${role ?? 'nobody'}`);
      assert.equal(changes.get(), before, `${name}: nothing written on refusal`);
      checked++;
    }
  }
  assert.ok(checked > 20, `checked ${checked}`);
  core.services.session.role = 'supervisor';
  core.services.session.locked = true;
  for (const name of OPERATION_NAMES) {
    const before = changes.get();
    const c = await code(core, name, {});
    if ((contract[name] as { whileLocked?: true }).whileLocked) assert.notEqual(c, 'Locked', name);
    else assert.equal(c, 'Locked', `${name} while locked`);
    assert.equal(changes.get(), before, `${name}: nothing written while locked`);
  }
  core.shutdown();
});

test('audit: exports, retention changes and purges are recorded; viewable and exportable as CSV by supervisors only', async () => {
  const { core } = await world();
  await op(core, 'directory.export', { format: 'csv' });
  await op(core, 'retention.update', { notesRetentionMonths: 12 });
  assert.equal(await code(core, 'retention.update', { notesRetentionMonths: 30 }), 'InvalidInput');
  const preview = await op(core, 'retention.preview', {});
  assert.equal(preview.dryRun, true);
  assert.deepEqual(preview.steps.map((s) => s.step), ['callbacks.numbers', 'callbacks.otherCentres', 'callbacks.context', 'calls.notes', 'handover.notes', 'reachability.pendingNotes']);
  const list = await op(core, 'audit.list', {});
  assert.ok(list.entries.some((e) => e.action === 'export.directory' && e.detail.format === 'csv' && e.detail.public === false));
  assert.ok(list.entries.some((e) => e.action === 'retention.update'));
  const csv = await op(core, 'audit.exportCsv', {});
  assert.ok(savedBytes(csv).toString('utf8').includes('export.directory'));
  assert.ok((await op(core, 'audit.list', {})).entries.some((e) => e.action === 'export.audit'));
  core.shutdown();
});

test('responders have a PIN: self-creation needs one; a profile without (legacy, demo) chooses it at its next sign-in, once', async () => {
  const { core } = await world();
  // Sophie (supervisor) is signed in: profiles.create is hers (issue 12).
  assert.equal(await code(core, 'profiles.create', { displayName: 'Tom', centre: 'CAW Brussel' }), 'InvalidInput', 'no PIN');
  assert.equal(await code(core, 'profiles.create', { displayName: 'Tom', centre: 'CAW Brussel', pin: '12345' }), 'InvalidInput', 'too short');
  assert.equal(await code(core, 'profiles.create', { displayName: 'Tom', centre: 'CAW Brussel', pin: '12345a' }), 'InvalidInput', 'digits only');
  const tom = await op(core, 'profiles.create', { displayName: 'Tom', centre: 'CAW Brussel', pin: '975310' });
  assert.equal(tom.hasPin, true);
  await op(core, 'profiles.signOut', {});
  assert.equal(await code(core, 'profiles.signIn', { profileId: tom.id }), 'Forbidden');
  assert.equal(await code(core, 'profiles.signIn', { profileId: tom.id, newPin: '111111' }), 'Conflict', 'a PIN is never replaced at sign-in');
  await op(core, 'profiles.signIn', { profileId: tom.id, secret: '975310' });
  await op(core, 'profiles.signOut', {});

  const db = core.services.store.database();
  const legacy = profilesRepository(db).create({ displayName: 'Ancien', centre: 'CASG Nord' }, new Date('2026-03-02T09:00:00Z'));
  assert.equal(legacy.hasPin, false);
  const noPin = await core.router.dispatch('profiles.signIn', { profileId: legacy.id });
  assert.equal(noPin.ok, false);
  assert.deepEqual(!noPin.ok && [noPin.error.code, noPin.error.issues?.[0]?.path], ['Forbidden', 'newPin'], 'never signed in without a PIN');
  assert.equal(await code(core, 'profiles.signIn', { profileId: legacy.id, secret: 'anything' }), 'Forbidden');
  assert.equal(await code(core, 'profiles.signIn', { profileId: legacy.id, newPin: '12' }), 'InvalidInput');
  assert.equal((await op(core, 'profiles.current', {})).profile, null);
  await op(core, 'profiles.signIn', { profileId: legacy.id, newPin: '864200' });
  assert.equal((await op(core, 'profiles.current', {})).profile?.hasPin, true);
  await op(core, 'profiles.signOut', {});
  assert.equal(await code(core, 'profiles.signIn', { profileId: legacy.id, newPin: '111111' }), 'Conflict');
  assert.equal(await code(core, 'profiles.signIn', { profileId: legacy.id, secret: '111111' }), 'Forbidden');
  await op(core, 'profiles.signIn', { profileId: legacy.id, secret: '864200' });
  const sophie = (await op(core, 'profiles.list', {})).profiles.find((p) => p.displayName === 'Sophie')!;
  await op(core, 'profiles.signOut', {});
  await op(core, 'profiles.signIn', { profileId: sophie.id, secret: 'supervisor passphrase' });
  const actions = (await op(core, 'audit.list', {})).entries.map((e) => e.action);
  assert.ok(actions.includes('profile.set_pin'));
  assert.ok(actions.includes('profile.create'));
  core.shutdown();
});
