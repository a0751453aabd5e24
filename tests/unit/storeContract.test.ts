import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { createAppCore } from '../../src/app/appCore.ts';
import { newOpenCore, signInSupervisor, tempDir, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

function setProbe(core: Awaited<ReturnType<typeof newOpenCore>>, value: string): void {
  core.services.store.database().prepare('INSERT OR REPLACE INTO settings(key, value, updated_at) VALUES (?, ?, ?)').run('probe', value, 'now');
}
function getProbe(core: Awaited<ReturnType<typeof newOpenCore>>): unknown {
  return core.services.store.database().prepare(`SELECT value FROM settings WHERE key = 'probe'`).pluck().get();
}

test('backupNow, listBackups and restoreBackup through the router', async () => {
  const core = await newOpenCore();
  // With the store open, the recovery operations are a supervisor's (issue 12).
  await signInSupervisor(core);
  setProbe(core, 'before');
  const b = await core.router.dispatch('store.backupNow', {});
  assert.ok(b.ok, JSON.stringify(b));
  const file = (b.value as { file: string }).file;
  assert.equal(path.dirname(file), core.services.store.files.backups);
  setProbe(core, 'after');

  const list = await core.router.dispatch('store.listBackups', {});
  assert.ok(list.ok && (list.value as { backups: unknown[] }).backups.length === 1);

  const v = await core.router.dispatch('store.verifyBackup', { file, passphrase: TEST_PASSPHRASE });
  assert.ok(v.ok, JSON.stringify(v));

  const noForce = await core.router.dispatch('store.restoreBackup', { file, passphrase: TEST_PASSPHRASE });
  assert.equal(!noForce.ok && noForce.error.code, 'StoreExists');
  const wrong = await core.router.dispatch('store.restoreBackup', { file, passphrase: 'wrong wrong wrong', force: true });
  assert.equal(!wrong.ok && wrong.error.code, 'WrongKey');
  assert.equal(core.services.store.isOpen(), true, 'a wrong passphrase leaves the open store alone');
  assert.equal(getProbe(core), 'after');

  const r = await core.router.dispatch('store.restoreBackup', { file, passphrase: TEST_PASSPHRASE, force: true });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal((r.value as { status: { state: string } }).status.state, 'open');
  assert.equal(getProbe(core), 'before');
  core.shutdown();
});

test('the recovery operations refuse bad inputs and respect access', async () => {
  const core = createAppCore({ dataDir: tempDir(), shell: 'cli', scrypt: TEST_SCRYPT });
  const locked = await core.router.dispatch('store.backupNow', {});
  assert.equal(!locked.ok && locked.error.code, 'StoreLocked');
  const cp = await core.router.dispatch('store.changePassphrase', { oldPassphrase: 'a', newPassphrase: 'b' });
  assert.equal(!cp.ok && cp.error.code, 'StoreLocked');
  for (const input of [
    { file: 'relative.relaisbak', passphrase: 'x' },
    { file: '/etc/passwd', passphrase: 'x' },
    { file: '/a.relaisbak', passphrase: 'x'.repeat(2000) },
    { file: '/a.relaisbak', passphrase: 'x', extra: true },
    { file: `/${'a'.repeat(5000)}.relaisbak`, passphrase: 'x' },
  ]) {
    const r = await core.router.dispatch('store.restoreBackup', input);
    assert.equal(!r.ok && r.error.code, 'InvalidInput', JSON.stringify(input).slice(0, 80));
  }
  const missing = await core.router.dispatch('store.verifyBackup', { file: '/nonexistent/x.relaisbak', passphrase: 'x' });
  assert.equal(!missing.ok && missing.error.code, 'NotFound');
  const empty = await core.router.dispatch('store.listBackups', {});
  assert.ok(empty.ok && (empty.value as { backups: unknown[] }).backups.length === 0);
});

test('changePassphrase through the router', async () => {
  const core = await newOpenCore();
  assert.equal(await core.router.dispatch('store.changePassphrase', { oldPassphrase: TEST_PASSPHRASE, newPassphrase: 'a fresh passphrase here' }).then((r) => !r.ok && r.error.code), 'Forbidden', 'a supervisor\'s');
  await signInSupervisor(core);
  const same = await core.router.dispatch('store.changePassphrase', { oldPassphrase: TEST_PASSPHRASE, newPassphrase: TEST_PASSPHRASE });
  assert.equal(!same.ok && same.error.code, 'InvalidInput');
  const wrong = await core.router.dispatch('store.changePassphrase', { oldPassphrase: 'not it at all', newPassphrase: 'a fresh passphrase here' });
  assert.equal(!wrong.ok && wrong.error.code, 'WrongKey');
  const ok = await core.router.dispatch('store.changePassphrase', { oldPassphrase: TEST_PASSPHRASE, newPassphrase: 'a fresh passphrase here' });
  assert.ok(ok.ok, JSON.stringify(ok));
  core.shutdown();
});
