import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isAppError } from '../../src/errors.ts';
import { createBackup } from '../../src/store/backup.ts';
import { latestVersion, migrate, schemaVersion } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { type Db, openDatabase } from '../../src/store/openDatabase.ts';
import { mapStoreError } from '../../src/store/sqliteErrors.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { filesContaining, hashTree, SQLITE_HEADER } from './helpers/storeFilesScan.ts';
import { newOpenStore, tempDir, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

const KNOWN = 'KNOWN-PLAINTEXT Madame Peeters rue Haute 112 1000 Bruxelles';

function session(dataDir: string): StoreSession {
  return new StoreSession({ dataDir, scrypt: TEST_SCRYPT });
}

async function storeWithFiller(rows = 1500): Promise<StoreSession> {
  const s = await newOpenStore();
  const db = s.database();
  db.exec('CREATE TABLE filler(id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO filler(body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run(`${i} ${crypto.randomBytes(100).toString('hex')}`);
  })();
  return s;
}

/** Copies every file of a data folder while the store is open: a "hot" WAL, as after a crash. */
function snapshotDir(from: string): string {
  const to = tempDir();
  for (const name of fs.readdirSync(from)) {
    const p = path.join(from, name);
    if (fs.statSync(p).isFile()) fs.copyFileSync(p, path.join(to, name));
  }
  return to;
}

test('a wrong passphrase never creates, truncates or rewrites any file (clean and hot-WAL stores)', async () => {
  const s = await newOpenStore();
  s.database().prepare('INSERT INTO settings VALUES (?, ?, ?)').run('probe', KNOWN, 'now');
  const hot = snapshotDir(s.files.dataDir);
  assert.ok(fs.existsSync(path.join(hot, 'relais.db-wal')), 'the snapshot has a WAL');
  s.close();
  for (const dir of [s.files.dataDir, hot]) {
    const before = hashTree(dir);
    const again = session(dir);
    await assert.rejects(again.unlock('definitely not the passphrase'), (e: unknown) => isAppError(e) && e.code === 'WrongKey' && /passphrase/.test(e.message));
    assert.equal(again.status().problem?.code, 'WrongKey');
    assert.deepEqual(hashTree(dir), before, `no byte changed in ${dir === hot ? 'the hot-WAL copy' : 'the clean store'}`);
  }
  // The right passphrase still opens the hot copy and replays its WAL.
  const ok = session(hot);
  await ok.unlock(TEST_PASSPHRASE);
  assert.equal(ok.database().prepare(`SELECT value FROM settings WHERE key = 'probe'`).pluck().get(), KNOWN);
  ok.close();
});

test("another store's key file (right passphrase, wrong key) is refused at the proving read without touching the db", async () => {
  const a = await newOpenStore();
  const b = await newOpenStore();
  a.close();
  b.close();
  fs.copyFileSync(b.files.keyring, a.files.keyring);
  const before = hashTree(a.files.dataDir);
  await assert.rejects(session(a.files.dataDir).unlock(TEST_PASSPHRASE), { name: 'CorruptStore', message: /does not decrypt with its key.*another key file.*Nothing was changed/ });
  assert.deepEqual(hashTree(a.files.dataDir), before);
  assert.ok(!fs.existsSync(`${a.files.db}-wal`) && !fs.existsSync(`${a.files.db}-shm`), 'no -wal/-shm created');
});

test('a missing key file is KeyFileMissing; a damaged one is CorruptStore; a missing db is StoreMissing', async () => {
  const s = await newOpenStore();
  s.close();
  const keyring = fs.readFileSync(s.files.keyring);
  fs.rmSync(s.files.keyring);
  await assert.rejects(session(s.files.dataDir).unlock(TEST_PASSPHRASE), { name: 'KeyFileMissing', message: /key file is missing/ });
  fs.writeFileSync(s.files.keyring, keyring.subarray(0, keyring.length / 2));
  await assert.rejects(session(s.files.dataDir).unlock(TEST_PASSPHRASE), { name: 'CorruptStore', message: /key file is damaged/ });
  fs.writeFileSync(s.files.keyring, keyring);
  const db = fs.readFileSync(s.files.db);
  fs.rmSync(s.files.db);
  await assert.rejects(session(s.files.dataDir).unlock(TEST_PASSPHRASE), { name: 'StoreMissing' });
  assert.ok(!fs.existsSync(s.files.db), 'a missing database is not silently re-created');
  fs.writeFileSync(s.files.db, db);
  const ok = session(s.files.dataDir);
  await ok.unlock(TEST_PASSPHRASE);
  ok.close();
});

test('a damaged header is refused as CorruptStore with a clear message and nothing rewritten', async () => {
  const s = await storeWithFiller();
  s.close();
  const fd = fs.openSync(s.files.db, 'r+');
  fs.writeSync(fd, Buffer.alloc(64, 0xaa), 0, 64, 16);
  fs.closeSync(fd);
  const before = hashTree(s.files.dataDir);
  // SQLCipher cannot tell a damaged page 1 from a wrong key; the passphrase already proved the key.
  await assert.rejects(session(s.files.dataDir).unlock(TEST_PASSPHRASE), { name: 'CorruptStore', message: /database .* does not decrypt with its key: the database is damaged/ });
  assert.deepEqual(hashTree(s.files.dataDir), before);
});

test('a damaged page in the middle is CorruptStore at the integrity check, never Internal', async () => {
  const s = await storeWithFiller();
  // A leaf page of the filler table, in the middle of its pages (dbstat), not merely the middle
  // of the file: the schema's pages grow with each migration (013 moved the file's middle into them).
  const leaves = s.database().prepare(`SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
  const pageSize = s.database().pragma('page_size', { simple: true }) as number;
  s.close();
  const fd = fs.openSync(s.files.db, 'r+');
  fs.writeSync(fd, crypto.randomBytes(4096), 0, 4096, (leaves[Math.floor(leaves.length / 2)]! - 1) * pageSize + 100);
  fs.closeSync(fd);
  const again = session(s.files.dataDir);
  await again.unlock(TEST_PASSPHRASE); // page 1 is intact: the store opens
  const db = again.database();
  const fullCheck = (): string => {
    let result: string;
    try {
      const rows = db.pragma('integrity_check') as Array<Record<string, string>>;
      result = rows.map((r) => Object.values(r)[0]).join('; ');
    } catch (e) {
      throw mapStoreError(e, s.files.db);
    }
    // integrity_check reports most damage as rows rather than failing (which rows, and whether
    // it fails instead, depends on which page the damage hits — the layout moved with migration
    // 012): a result other than "ok" is a damaged store, as relais-admin doctor reads it.
    if (result !== 'ok') throw mapStoreError(Object.assign(new Error(result), { code: 'SQLITE_CORRUPT' }), s.files.db);
    return result;
  };
  assert.throws(fullCheck, { name: 'CorruptStore', message: /damaged.*Restore the latest backup/ });
  assert.throws(() => {
    try {
      db.prepare('SELECT sum(length(body)) FROM filler').get();
    } catch (e) {
      throw mapStoreError(e, s.files.db);
    }
  }, { name: 'CorruptStore' });
  try {
    again.close();
  } catch {
    /* closing a damaged store may fail its checkpoint; the handle is released anyway */
  }
});

test('mapStoreError: read-only, full disk, busy and unknown failures each get their own kind', () => {
  // Tests run as root, for whom chmod does not make a folder read-only and no read-only mount
  // is available, so the mapping is tested directly.
  const f = '/data/relais.db';
  const kinds: Array<[string, string, RegExp]> = [
    ['SQLITE_READONLY', 'ReadOnly', /read-only/],
    ['SQLITE_READONLY_DIRECTORY', 'ReadOnly', /read-only/],
    ['EACCES', 'ReadOnly', /not writable/],
    ['EROFS', 'ReadOnly', /read-only/],
    ['SQLITE_FULL', 'DiskFull', /full/],
    ['ENOSPC', 'DiskFull', /full/],
    ['SQLITE_BUSY', 'AlreadyRunning', /another Relais process/],
    ['SQLITE_NOTADB', 'WrongKey', /passphrase or key file/],
    ['SQLITE_CORRUPT', 'CorruptStore', /damaged/],
    ['SQLITE_CANTOPEN', 'StoreMissing', /cannot be opened/],
    ['SQLITE_IOERR', 'Internal', /SQLITE_IOERR/],
  ];
  for (const [code, kind, message] of kinds) {
    const mapped = mapStoreError(Object.assign(new Error('x'), { code }), f);
    assert.equal(mapped.code, kind, code);
    assert.match(mapped.message, message, code);
  }
});

function schemaOf(db: Db): string[] {
  return (db.prepare(`SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).pluck().all() as string[]).map((s) =>
    s.replace(/\s+/g, ' '),
  );
}

test('migrations run from an empty store and from every earlier version to the same schema', () => {
  const dir = tempDir();
  const key = crypto.randomBytes(32);
  const fresh = openDatabase(path.join(dir, 'fresh.db'), key, { create: true });
  assert.deepEqual(migrate(fresh), { from: 0, to: latestVersion() });
  const target = schemaOf(fresh);
  assert.deepEqual(migrate(fresh), { from: latestVersion(), to: latestVersion() }, 'a second run is a no-op');
  fresh.close();
  const versions = [...new Set(migrations.map((m) => m.version))].sort((a, b) => a - b);
  assert.deepEqual(versions, Array.from({ length: versions.length }, (_, i) => i + 1), 'numbered 1..n without gaps');
  for (let k = 0; k <= latestVersion(); k++) {
    const file = path.join(dir, `from-${k}.db`);
    const db = openDatabase(file, key, { create: true });
    migrate(db, migrations, k);
    assert.equal(schemaVersion(db), k);
    db.close();
    const reopened = openDatabase(file, key);
    assert.deepEqual(migrate(reopened), { from: k, to: latestVersion() }, `from v${k}`);
    assert.deepEqual(schemaOf(reopened), target, `schema from v${k}`);
    assert.deepEqual(reopened.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    reopened.close();
  }
});

test('a failing migration rolls back entirely and leaves the version unchanged', () => {
  const db = openDatabase(path.join(tempDir(), 'x.db'), crypto.randomBytes(32), { create: true });
  migrate(db, migrations, 1);
  const broken = [...migrations.slice(0, 1), { version: 2, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE half(x); SELECT * FROM no_such_table;') }];
  assert.throws(() => migrate(db, broken));
  assert.equal(schemaVersion(db), 1);
  assert.equal(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get(), 0);
  db.close();
});

test('a store newer than this Relais is refused, not downgraded', () => {
  const db = openDatabase(path.join(tempDir(), 'x.db'), crypto.randomBytes(32), { create: true });
  db.pragma(`user_version = ${latestVersion() + 1}`);
  assert.throws(() => migrate(db), { name: 'Conflict', message: /newer/ });
  db.close();
});

test('no plaintext on disk: db, -wal, -shm and backups hold neither the known string nor a plain SQLite header', async () => {
  const s = await newOpenStore();
  const db = s.database();
  const ins = db.prepare('INSERT INTO settings VALUES (?, ?, ?)');
  for (let i = 0; i < 50; i++) ins.run(`probe-${i}`, `${KNOWN} #${i}`, 'now');
  // Sorting and temp b-trees stay in memory: force one.
  db.prepare('SELECT value FROM settings ORDER BY value DESC').all();
  assert.equal(db.pragma('temp_store', { simple: true }), 2);
  assert.equal(db.pragma('mmap_size', { simple: true }), 0);
  const walFiles = fs.readdirSync(s.files.dataDir);
  assert.ok(walFiles.includes('relais.db-wal') && walFiles.includes('relais.db-shm'), 'scanned while the WAL is live');
  assert.deepEqual(filesContaining(s.files.dataDir, [KNOWN, 'probe-1', SQLITE_HEADER]), []);
  createBackup(db, s.files, path.join(s.files.backups, 'x.relaisbak'));
  s.close();
  assert.deepEqual(filesContaining(s.files.dataDir, [KNOWN, 'probe-1', SQLITE_HEADER]), []);
  assert.ok(fs.readdirSync(s.files.backups).length === 1);
});
