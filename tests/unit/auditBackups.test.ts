import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAudit } from '../../src/store/auditLog.ts';
import { runCli } from '../../src/cli/main.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { BackupScheduler } from '../../src/store/backupSchedule.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { newOpenStore, TEST_PASSPHRASE, TEST_SCRYPT, tempDir } from './helpers/tempStore.ts';

// Backups and restores are audited wherever they happen: in the app (router), by the app on
// its own (daily, on quit) and from relais-admin — with counts and reasons, never content.
test('automatic backups (daily, on quit) write an audit row as "system"', async () => {
  const session = await newOpenStore();
  const clock = new ManualClock('2026-11-27T08:00:00Z');
  const scheduler = new BackupScheduler({ store: session, clock, log: silentLogger, policy: { folder: tempDir() } });
  assert.ok(scheduler.runDailyIfDue());
  assert.ok(scheduler.onQuit());
  const rows = listAudit(session.database(), { limit: 10 }).entries.filter((e) => e.action === 'backup.create');
  assert.deepEqual(rows.map((r) => [r.actor, r.detail.reason]).sort(), [['system', 'daily'], ['system', 'quit']]);
  session.close();
});

test('relais-admin backup and restore are audited in the store as "relais-admin"', async () => {
  const dir = tempDir();
  const s = new StoreSession({ dataDir: dir, scrypt: TEST_SCRYPT });
  await s.init(TEST_PASSPHRASE);
  s.close();
  const io = { out: () => {}, err: () => {} };
  const env = { RELAIS_PASSPHRASE: TEST_PASSPHRASE };
  const file = `${tempDir()}/b.relaisbak`;
  assert.equal(await runCli(['backup', '--out', file, '--data-dir', dir], io, env), 0);
  const target = tempDir();
  assert.equal(await runCli(['restore', '--from', file, '--data-dir', `${target}/restored`], io, env), 0);
  for (const [d, action] of [[dir, 'backup.create'], [`${target}/restored`, 'backup.restore']] as const) {
    const session = new StoreSession({ dataDir: d, scrypt: TEST_SCRYPT });
    await session.unlock(TEST_PASSPHRASE);
    const rows = listAudit(session.database(), { limit: 10 }).entries.filter((e) => e.action === action);
    assert.equal(rows.length, 1, `${action} in ${d}`);
    assert.equal(rows[0]?.actor, 'relais-admin');
    session.close();
  }
});
