import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { runCli } from '../../src/cli/main.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { newOpenCore, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

// Issue 12: on a shared centre PC, only a supervisor changes who has a role. Each case below
// is one bullet of the "top list", through the real router on a real encrypted store.

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}
async function code(core: AppCore, name: string, input: unknown): Promise<string> {
  const r = await core.router.dispatch(name, input);
  return r.ok ? 'ok' : r.error.code;
}
function changes(core: AppCore): number {
  return core.services.store.database().prepare('SELECT total_changes()').pluck().get() as number;
}
function profileCount(core: AppCore): number {
  return core.services.store.database().prepare('SELECT count(*) FROM profiles').pluck().get() as number;
}

const SUPERVISOR_PASS = 'supervisor passphrase';

/** A store with its first supervisor (Sophie, signed out) and one responder (Marie). */
async function world(): Promise<{ core: AppCore; sophie: string; marie: string }> {
  const core = await newOpenCore({ clock: new ManualClock('2026-03-02T09:00:00Z'), shell: 'harness' });
  const st = await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: SUPERVISOR_PASS });
  const marie = await op(core, 'profiles.admin.create', { displayName: 'Marie', centre: 'CASG Nord', pin: '246810' });
  await op(core, 'profiles.signOut', {});
  return { core, sophie: st.profile!.id, marie: marie.id };
}

test('top list 1: with a supervisor on the store and nobody signed in, profiles.create is Forbidden and writes nothing', async () => {
  const { core, sophie, marie } = await world();
  const before = changes(core);
  const count = profileCount(core);
  assert.equal(await code(core, 'profiles.create', { displayName: 'Passant', centre: 'Nulle part', pin: '111111' }), 'Forbidden');
  assert.equal(await code(core, 'profiles.admin.create', { displayName: 'Passant', centre: 'Nulle part', pin: '111111' }), 'Forbidden');
  assert.equal(await code(core, 'profiles.admin.setActive', { profileId: marie, active: false }), 'Forbidden');
  assert.equal(await code(core, 'profiles.admin.resetPin', { profileId: marie, pin: '999999' }), 'Forbidden');
  assert.equal(await code(core, 'access.createFirstSupervisor', { displayName: 'Passant', centre: 'X', passphrase: 'a passphrase of mine' }), 'Forbidden');
  assert.equal(changes(core), before, 'nothing written');
  assert.equal(profileCount(core), count);

  // A responder cannot either.
  await op(core, 'profiles.signIn', { profileId: marie, secret: '246810' });
  assert.equal(await code(core, 'profiles.create', { displayName: 'Passant', centre: 'Nulle part', pin: '111111' }), 'Forbidden');
  assert.equal(await code(core, 'access.createFirstSupervisor', { displayName: 'Passant', centre: 'X', passphrase: 'a passphrase of mine' }), 'Forbidden');
  await op(core, 'profiles.signOut', {});

  // The supervisor can, and the audit names them (not "self").
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  const tom = await op(core, 'profiles.create', { displayName: 'Tom', centre: 'CAW Brussel', pin: '135790' });
  const row = core.services.store.database().prepare(`SELECT actor, role, detail FROM audit_log WHERE action = 'profile.create' ORDER BY id DESC LIMIT 1`).get() as { actor: string; role: string; detail: string };
  assert.equal(row.actor, 'Sophie');
  assert.equal(row.role, 'supervisor');
  assert.equal(JSON.parse(row.detail).targetProfileId, tom.id);
  core.shutdown();
});

test('top list 1: without any supervisor, the first-run creation is the only open one', async () => {
  const core = await newOpenCore({ shell: 'harness' });
  assert.equal(await code(core, 'profiles.create', { displayName: 'Passant', centre: 'Nulle part', pin: '111111' }), 'Forbidden');
  assert.equal(profileCount(core), 0);
  const st = await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: SUPERVISOR_PASS });
  assert.equal(st.profile?.role, 'supervisor');
  assert.equal(st.needsFirstSupervisor, false);
  // Even the signed-in supervisor does not get a second "first" supervisor: profiles are made in Administration.
  assert.equal(await code(core, 'access.createFirstSupervisor', { displayName: 'Paul', centre: 'X', passphrase: 'another passphrase' }), 'Forbidden');
  core.shutdown();
});

test('top list 3: store.restoreBackup is refused to nobody and to responders while the store is open; nothing is replaced', async () => {
  const { core, marie } = await world();
  await op(core, 'profiles.signIn', { profileId: marie, secret: '246810' });
  const backup = await op(core, 'store.backupNow', {});
  await op(core, 'profiles.signOut', {});
  const keyringBefore = core.services.store.files.keyring;
  for (const who of ['nobody', 'responder'] as const) {
    if (who === 'responder') await op(core, 'profiles.signIn', { profileId: marie, secret: '246810' });
    assert.equal(await code(core, 'store.restoreBackup', { file: backup.file, passphrase: TEST_PASSPHRASE, force: true }), 'Forbidden', who);
    assert.equal(await code(core, 'store.verifyBackup', { file: backup.file, passphrase: TEST_PASSPHRASE }), 'Forbidden', who);
    assert.equal(await code(core, 'store.listBackups', {}), 'Forbidden', who);
    assert.equal(core.services.store.isOpen(), true, 'the live store stays open');
  }
  assert.equal(core.services.store.files.keyring, keyringBefore);
  assert.equal(core.services.session.profileId, marie, 'the session is untouched');
  core.shutdown();
});

test('top list 2: relais-admin supervisor revoke refuses the last enabled supervisor (exit 1, nothing changed)', async () => {
  const { core, sophie } = await world();
  const dataDir = core.services.store.files.dataDir;
  core.shutdown();
  let err = '';
  const io = { out: () => {}, err: (t: string) => void (err += `${t}\n`) };
  const env = { RELAIS_PASSPHRASE: TEST_PASSPHRASE };
  assert.equal(await runCli(['supervisor', 'revoke', 'Sophie', '--data-dir', dataDir], io, env), 1);
  assert.match(err, /last .*supervisor/i);
  const roleOf = async (id: string) => {
    const s = new StoreSession({ dataDir, scrypt: TEST_SCRYPT });
    await s.unlock(TEST_PASSPHRASE);
    try {
      return s.database().prepare('SELECT role FROM profiles WHERE id = ?').pluck().get(id);
    } finally {
      s.close();
    }
  };
  assert.equal(await roleOf(sophie), 'supervisor', 'nothing changed');
  // With a second enabled supervisor, revoking one is fine.
  assert.equal(await runCli(['supervisor', 'grant', 'Marie', '--data-dir', dataDir], io, env), 0);
  assert.equal(await runCli(['supervisor', 'revoke', 'Sophie', '--data-dir', dataDir], io, env), 0);
  assert.equal(await roleOf(sophie), 'responder');
  // Marie is now the last one.
  err = '';
  assert.equal(await runCli(['supervisor', 'revoke', 'Marie', '--data-dir', dataDir], io, env), 1);
  assert.match(err, /last .*supervisor/i);
});

test('top list 2: in the app, the last enabled supervisor cannot be disabled', async () => {
  const { core, sophie, marie } = await world();
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  // A second supervisor (granted by IT), disabled by Sophie: allowed, Sophie remains.
  core.services.store.database().prepare(`UPDATE profiles SET role = 'supervisor' WHERE id = ?`).run(marie);
  await op(core, 'profiles.admin.setActive', { profileId: marie, active: false });
  // Sophie is now the last enabled supervisor: not even by herself.
  assert.equal(await code(core, 'profiles.admin.setActive', { profileId: sophie, active: false }), 'Conflict');
  const active = core.services.store.database().prepare(`SELECT count(*) FROM profiles WHERE role = 'supervisor' AND active = 1`).pluck().get();
  assert.equal(active, 1);
  core.shutdown();
});
