import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { mock, test } from 'node:test';
import { type AppCore, createAppCore } from '../../src/app/appCore.ts';
import { noConfigState } from '../../src/config/machineConfig.ts';
import { runCli } from '../../src/cli/main.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { newOpenCore, seedResponder, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

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

function probe(core: AppCore): unknown {
  return core.services.store.database().prepare(`SELECT value FROM settings WHERE key = 'probe'`).pluck().get();
}
function setProbe(core: AppCore, value: string): void {
  core.services.store.database().prepare('INSERT OR REPLACE INTO settings(key, value, updated_at) VALUES (?, ?, ?)').run('probe', value, 'now');
}

test('top list 3: a supervisor restores over the open store; everyone is signed out, the session is rebuilt from the restored store, the restore is audited there with the supervisor\'s name and centre', async () => {
  const { core, sophie } = await world();
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  setProbe(core, 'in the backup');
  const backup = await op(core, 'store.backupNow', {});
  setProbe(core, 'after the backup');
  await op(core, 'profiles.create', { displayName: 'Tom', centre: 'CAW Brussel', pin: '135790' });
  const events: Array<{ name: string; payload: unknown }> = [];
  core.onEvent((name, payload) => events.push({ name, payload }));

  const r = await op(core, 'store.restoreBackup', { file: backup.file, passphrase: TEST_PASSPHRASE, force: true });
  assert.equal(r.status.state, 'open');
  assert.equal(probe(core), 'in the backup');
  assert.deepEqual({ id: core.services.session.profileId, role: core.services.session.role, locked: core.services.session.locked }, { id: null, role: null, locked: false }, 'everyone signed out');
  const st = await op(core, 'access.status', {});
  assert.equal(st.profile, null);
  assert.equal(st.needsFirstSupervisor, false, 'from the restored store (Sophie is in it)');
  assert.ok(events.some((e) => e.name === 'access.changed' && (e.payload as { profile: unknown }).profile === null), 'the window hears it');
  assert.ok(!(await op(core, 'profiles.list', {})).profiles.some((p) => p.displayName === 'Tom'), 'the restored store\'s profiles');
  const rows = core.services.store.database().prepare(`SELECT actor, role, detail FROM audit_log WHERE action = 'backup.restore'`).all() as Array<{ actor: string; role: string | null; detail: string }>;
  assert.equal(rows.length, 1, 'one row, in the restored store');
  assert.equal(rows[0]!.actor, 'Sophie');
  assert.equal(rows[0]!.role, 'supervisor');
  assert.equal(JSON.parse(rows[0]!.detail).centre, 'CASG Nord');
  // Anything past sign-in is refused until someone signs in again.
  assert.equal(await code(core, 'calls.start', {}), 'Forbidden');
  core.shutdown();
});

test('top list 3: while the store is locked, the recovery screen restores without sign-in; audited as not signed in, with the machine\'s centre', async () => {
  const { core, sophie } = await world();
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  const backup = await op(core, 'store.backupNow', {});
  const dataDir = core.services.store.files.dataDir;
  core.shutdown();
  const config = { ...noConfigState(), values: { ...noConfigState().values, centreName: 'CASG Nord (poste 3)' } };
  const locked = createAppCore({ dataDir, shell: 'harness', scrypt: TEST_SCRYPT, config });
  await locked.start();
  assert.equal(locked.services.store.isOpen(), false);
  assert.equal((await op(locked, 'store.listBackups', {})).backups.length, 1);
  await op(locked, 'store.verifyBackup', { file: backup.file, passphrase: TEST_PASSPHRASE });
  const r = await op(locked, 'store.restoreBackup', { file: backup.file, passphrase: TEST_PASSPHRASE, force: true });
  assert.equal(r.status.state, 'open');
  assert.equal(locked.services.session.profileId, null);
  const row = locked.services.store.database().prepare(`SELECT actor, role, detail FROM audit_log WHERE action = 'backup.restore'`).get() as { actor: string; role: string | null; detail: string };
  assert.match(row.actor, /not signed in/);
  assert.equal(row.role, null);
  assert.equal(JSON.parse(row.detail).centre, 'CASG Nord (poste 3)');
  // Now that it is open, another restore is a supervisor's.
  assert.equal(await code(locked, 'store.restoreBackup', { file: backup.file, passphrase: TEST_PASSPHRASE, force: true }), 'Forbidden');
  locked.shutdown();
});

test('top list 3: a restore that fails after the live store was closed reopens the live store as it was (failure injected in the swap)', async () => {
  const { core, sophie } = await world();
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  const backup = await op(core, 'store.backupNow', {});
  setProbe(core, 'live');
  const files = core.services.store.files;
  const listing = () => fs.readdirSync(files.dataDir).filter((f) => !f.startsWith('backups')).sort();
  // Injected after the close: the database's rename into place fails (as a full disk or an antivirus would).
  let closedWhenInjected: boolean | null = null;
  const real = fs.renameSync;
  const m = mock.method(fs, 'renameSync', (from: fs.PathLike, to: fs.PathLike) => {
    if (String(to) === files.db && String(from).includes('.restore-')) {
      closedWhenInjected = !core.services.store.isOpen();
      throw Object.assign(new Error('injected: EIO'), { code: 'EIO' });
    }
    return real(from, to);
  });
  let r: Awaited<ReturnType<typeof core.router.dispatch>>;
  try {
    r = await core.router.dispatch('store.restoreBackup', { file: backup.file, passphrase: TEST_PASSPHRASE, force: true });
  } finally {
    m.mock.restore();
  }
  assert.equal(closedWhenInjected, true, 'the failure came after the live store was closed');
  assert.equal(r.ok, false);
  assert.equal(core.services.store.isOpen(), true, 'the live store is open again');
  assert.equal(probe(core), 'live', 'as it was');
  assert.equal(core.services.session.profileId, sophie, 'the session goes on');
  assert.ok(!listing().some((f) => f.startsWith('replaced-') && fs.readdirSync(path.join(files.dataDir, f)).length > 0), 'nothing left moved aside');
  assert.equal(await code(core, 'calls.start', {}), 'ok', 'the store answers');
  core.shutdown();
});

test('top list 3: relais-admin restore refuses while the app holds the store ("quit Relais first"), nothing changed', async () => {
  const { core, sophie } = await world();
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  const backup = await op(core, 'store.backupNow', {});
  const dataDir = core.services.store.files.dataDir;
  core.shutdown();
  // The app (its core, shell harness or electron) holds the data folder while it runs.
  const app = createAppCore({ dataDir, shell: 'harness', scrypt: TEST_SCRYPT });
  await app.start();
  const before = fs.readFileSync(path.join(dataDir, 'keyring.json'), 'utf8');
  let err = '';
  const io = { out: () => {}, err: (t: string) => void (err += `${t}\n`) };
  assert.equal(await runCli(['restore', '--from', backup.file, '--force', '--data-dir', dataDir], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE }), 1);
  assert.match(err, /quit Relais first/i);
  assert.equal(fs.readFileSync(path.join(dataDir, 'keyring.json'), 'utf8'), before);
  assert.ok(!fs.readdirSync(dataDir).some((f) => f.startsWith('replaced-')), 'nothing moved aside');
  app.shutdown();
  assert.equal(await runCli(['restore', '--from', backup.file, '--force', '--data-dir', dataDir], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE }), 0, err);
});

test('top list 6: a damaged backup is BackupDamaged naming the backup (router verify/restore, relais-admin verify --backup and restore), never Internal nor the live store', async () => {
  const { core, sophie } = await world();
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  const backup = await op(core, 'store.backupNow', {});
  const damaged = backup.file.replace(/\.relaisbak$/, '-damaged.relaisbak');
  const bytes = fs.readFileSync(backup.file);
  bytes[bytes.length - 5000] = bytes[bytes.length - 5000]! ^ 0xff;
  fs.writeFileSync(damaged, bytes);
  const truncated = backup.file.replace(/\.relaisbak$/, '-cut.relaisbak');
  fs.writeFileSync(truncated, fs.readFileSync(backup.file).subarray(0, 3000));
  for (const file of [damaged, truncated]) {
    for (const name of ['store.verifyBackup', 'store.restoreBackup'] as const) {
      const r = await core.router.dispatch(name, { file, passphrase: TEST_PASSPHRASE, ...(name === 'store.restoreBackup' ? { force: true } : {}) });
      assert.equal(!r.ok && r.error.code, 'BackupDamaged', `${name} ${path.basename(file)}`);
      assert.ok(!r.ok && r.error.message.includes(path.basename(file)), 'names the backup');
      assert.ok(!r.ok && /backup/i.test(r.error.message));
    }
  }
  assert.equal(core.services.store.isOpen(), true, 'the live store untouched');
  const dataDir = core.services.store.files.dataDir;
  core.shutdown();
  let err = '';
  const io = { out: () => {}, err: (t: string) => void (err += `${t}\n`) };
  const env = { RELAIS_PASSPHRASE: TEST_PASSPHRASE };
  assert.equal(await runCli(['verify', '--backup', damaged], io, env), 1);
  assert.match(err, /BackupDamaged/);
  assert.ok(err.includes(path.basename(damaged)));
  err = '';
  assert.equal(await runCli(['restore', '--from', damaged, '--force', '--data-dir', dataDir], io, env), 1);
  assert.match(err, /BackupDamaged/);
});

test('top list 7: opening another responder\'s call record writes an audit row (call id, actor; no content), visible to supervisors; one\'s own does not', async () => {
  const { core, sophie, marie } = await world();
  const tom = await seedResponder(core, { displayName: 'Tom', centre: 'CAW Brussel', pin: '135790' });
  await op(core, 'profiles.signIn', { profileId: marie, secret: '246810' });
  const call = await op(core, 'calls.start', {});
  await op(core, 'calls.addNote', { callId: call.id, text: 'Madame parle de ses dettes de loyer.' });
  await op(core, 'calls.get', { callId: call.id });
  await op(core, 'calls.end', { callId: call.id });
  const reads = () => core.services.store.database().prepare(`SELECT actor, profile_id AS profileId, detail FROM audit_log WHERE action = 'call.read_other'`).all() as Array<{ actor: string; profileId: string; detail: string }>;
  assert.equal(reads().length, 0, 'reading one\'s own call is not audited');
  await op(core, 'profiles.signIn', { profileId: tom.id, secret: '135790' });
  const seen = await op(core, 'calls.get', { callId: call.id });
  assert.equal(seen.editable, false);
  assert.equal(reads().length, 1);
  assert.equal(reads()[0]!.actor, 'Tom');
  assert.equal(reads()[0]!.profileId, tom.id);
  assert.deepEqual(JSON.parse(reads()[0]!.detail), { callId: call.id });
  assert.ok(!reads()[0]!.detail.includes('dettes'), 'no content');
  await op(core, 'profiles.signOut', {});
  await op(core, 'profiles.signIn', { profileId: sophie, secret: SUPERVISOR_PASS });
  const audit = await op(core, 'audit.list', {});
  assert.ok(audit.entries.some((e) => e.action === 'call.read_other' && e.actor === 'Tom' && e.detail.callId === call.id));
  core.shutdown();
});
