import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { silentLogger } from '../../src/log/logger.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createBackup, readBackupHeader, restoreBackup, verifyBackupFile } from '../../src/store/backup.ts';
import { type BackupEntry, BackupScheduler, backupsToPrune, isDailyBackupDue, listBackups } from '../../src/store/backupSchedule.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { filesContaining, hashTree, SQLITE_HEADER } from './helpers/storeFilesScan.ts';
import { newOpenStore, tempDir, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

const SECRET = 'Appelante: Zoë Vandenbroeck, 0470 12 34 56, très inquiète';

function putSetting(store: StoreSession, key: string, value: string): void {
  store.database().prepare('INSERT OR REPLACE INTO settings(key, value, updated_at) VALUES (?, ?, ?)').run(key, value, '2025-01-01T00:00:00Z');
}

test('a backup is one encrypted file that restores into a new data folder with the same data', async () => {
  const store = await newOpenStore();
  putSetting(store, 'note', SECRET);
  const out = path.join(tempDir(), 'sub', 'b.relaisbak');
  const info = createBackup(store.database(), store.files, out);
  assert.equal(info.file, out);
  assert.equal(info.storeId, store.status().storeId);
  const bytes = fs.readFileSync(out);
  assert.ok(!bytes.includes(Buffer.from(SECRET)), 'no plaintext in the backup');
  assert.ok(!bytes.includes(SQLITE_HEADER), 'no plain SQLite header in the backup');
  const { header } = readBackupHeader(out);
  assert.equal(header.keyring.wraps.os, undefined);
  assert.throws(() => createBackup(store.database(), store.files, out), { name: 'Conflict' });
  store.close();

  const verified = verifyBackupFile(out, TEST_PASSPHRASE);
  assert.equal(verified.header.storeId, info.storeId);

  const target = tempDir();
  const r = restoreBackup({ file: out, dataDir: target, passphrase: TEST_PASSPHRASE });
  assert.equal(r.replacedDir, null);
  const restored = new StoreSession({ dataDir: target, scrypt: TEST_SCRYPT });
  await restored.unlock(TEST_PASSPHRASE);
  assert.equal(restored.database().prepare(`SELECT value FROM settings WHERE key = 'note'`).pluck().get(), SECRET);
  assert.equal(restored.status().storeId, info.storeId);
  restored.close();
  assert.deepEqual(fs.readdirSync(target).sort(), ['keyring.json', 'relais.db']);
});

test('restore refuses a wrong passphrase, an existing store without force, and a damaged file, changing nothing', async () => {
  const store = await newOpenStore();
  putSetting(store, 'note', 'first');
  const out = path.join(tempDir(), 'b.relaisbak');
  createBackup(store.database(), store.files, out);
  putSetting(store, 'note', 'second');
  store.close();
  const before = hashTree(store.files.dataDir);

  assert.throws(() => restoreBackup({ file: out, dataDir: store.files.dataDir, passphrase: TEST_PASSPHRASE }), { name: 'StoreExists' });
  assert.throws(() => restoreBackup({ file: out, dataDir: store.files.dataDir, passphrase: 'wrong passphrase!!', force: true }), { name: 'WrongKey' });
  const damaged = path.join(tempDir(), 'd.relaisbak');
  const buf = fs.readFileSync(out);
  buf.writeUInt8(buf.readUInt8(buf.length - 100) ^ 0xff, buf.length - 100);
  fs.writeFileSync(damaged, buf);
  assert.throws(() => restoreBackup({ file: damaged, dataDir: store.files.dataDir, passphrase: TEST_PASSPHRASE, force: true }), { name: 'BackupDamaged' });
  const truncated = path.join(tempDir(), 't.relaisbak');
  fs.writeFileSync(truncated, buf.subarray(0, buf.length - 4096));
  assert.throws(() => restoreBackup({ file: truncated, dataDir: store.files.dataDir, passphrase: TEST_PASSPHRASE, force: true }), { name: 'BackupDamaged' });
  const notBackup = path.join(tempDir(), 'n.relaisbak');
  fs.writeFileSync(notBackup, 'hello');
  assert.throws(() => verifyBackupFile(notBackup, TEST_PASSPHRASE), { name: 'FileRejected' });
  assert.deepEqual(hashTree(store.files.dataDir), before, 'no byte of the data folder changed');

  const r = restoreBackup({ file: out, dataDir: store.files.dataDir, passphrase: TEST_PASSPHRASE, force: true });
  assert.ok(r.replacedDir && fs.existsSync(path.join(r.replacedDir, 'relais.db')), 'the replaced store is kept aside');
  const again = new StoreSession({ dataDir: store.files.dataDir, scrypt: TEST_SCRYPT });
  await again.unlock(TEST_PASSPHRASE);
  assert.equal(again.database().prepare(`SELECT value FROM settings WHERE key = 'note'`).pluck().get(), 'first');
  again.close();
});

function entry(createdAt: string, automatic = true, storeId = 's'): BackupEntry {
  return { file: createdAt, name: createdAt, bytes: 1, createdAt, reason: automatic ? 'daily' : 'manual', storeId, schemaVersion: 1, automatic, valid: true, problem: null };
}

test('daily due and pruning are pure decisions of the listing and the clock', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  assert.equal(isDailyBackupDue([], now), true);
  assert.equal(isDailyBackupDue([entry('2025-03-10T01:00:00.000Z')], now), false);
  assert.equal(isDailyBackupDue([entry('2025-03-09T11:59:59.000Z')], now), true);
  assert.equal(isDailyBackupDue([entry('2025-03-10T11:00:00.000Z', false)], now), true, 'manual backups do not count');
  assert.equal(isDailyBackupDue([entry('2025-03-10T11:00:00.000Z', true, 'other')], now, 's'), true, 'another store does not count');
  const many = Array.from({ length: 10 }, (_, i) => entry(new Date(Date.UTC(2025, 2, i + 1)).toISOString()));
  const pruned = backupsToPrune([...many, entry('2025-01-01T00:00:00.000Z', false)], 7);
  assert.equal(pruned.length, 3);
  assert.deepEqual(pruned.map((e) => e.createdAt), many.slice(0, 3).map((e) => e.createdAt).reverse());
});

test('the scheduler makes a daily backup when due, one on quit, and keeps N automatic ones', async () => {
  const store = await newOpenStore();
  const clock = new ManualClock('2025-03-01T08:00:00Z');
  const folder = path.join(tempDir(), 'backups');
  const s = new BackupScheduler({ store, clock, log: silentLogger, policy: { folder, keep: 3 } });
  assert.ok(s.runDailyIfDue());
  clock.advance(60_000);
  assert.equal(s.runDailyIfDue(), null, 'not due again the same day');
  const manual = s.backupNow('manual');
  for (let day = 0; day < 5; day++) {
    clock.advance(24 * 3600_000);
    assert.ok(s.runDailyIfDue());
  }
  clock.advance(1000);
  assert.ok(s.onQuit());
  const list = listBackups(folder);
  assert.equal(list.filter((e) => e.automatic).length, 3);
  assert.ok(list.some((e) => e.file === manual.file), 'manual backups are never pruned');
  assert.ok(list.every((e) => e.valid));
  assert.deepEqual(filesContaining(folder, [SQLITE_HEADER]), []);
  store.close();
  assert.equal(s.onQuit(), null, 'no backup when the store is closed');
});

test('the default backup folder is <dataDir>/backups and settings can move it', async () => {
  const store = await newOpenStore();
  const clock = new ManualClock('2025-03-01T08:00:00Z');
  const s = new BackupScheduler({ store, clock, log: silentLogger });
  const a = s.backupNow();
  assert.equal(path.dirname(a.file), store.files.backups);
  const elsewhere = tempDir();
  putSetting(store, 'backup.folder', elsewhere);
  clock.advance(1000);
  const b = s.backupNow();
  assert.equal(path.dirname(b.file), elsewhere);
  store.close();
});
