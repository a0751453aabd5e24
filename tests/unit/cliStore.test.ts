import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { filesContaining, hashTree, SQLITE_HEADER } from './helpers/storeFilesScan.ts';
import { tempDir } from './helpers/tempStore.ts';

// The CLI as IT uses it, on real stores with the production scrypt cost (so a few seconds).
const PASS = 'centre recovery passphrase 2025';
const SECRET = 'KNOWN-STRING appelant anonyme 0470/99.88.77';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await runCli(args, io, { RELAIS_PASSPHRASE: PASS, ...env });
  return { code, out, err };
}

async function writeSecret(dataDir: string, value = SECRET): Promise<void> {
  const s = new StoreSession({ dataDir });
  await s.unlock(PASS);
  s.database().prepare('INSERT OR REPLACE INTO settings(key, value, updated_at) VALUES (?, ?, ?)').run('probe', value, 'now');
  s.close();
}

async function readSecret(dataDir: string, passphrase = PASS): Promise<unknown> {
  const s = new StoreSession({ dataDir });
  await s.unlock(passphrase);
  try {
    return s.database().prepare(`SELECT value FROM settings WHERE key = 'probe'`).pluck().get();
  } finally {
    s.close();
  }
}

test('init, backup, restore into a new data folder, verify — and no plaintext anywhere', async () => {
  const dir = path.join(tempDir(), 'data');
  const init = await cli(['init', '--data-dir', dir, '--json']);
  assert.equal(init.code, 0, init.err);
  assert.match(JSON.parse(init.out).storeId, /^[0-9a-f-]{36}$/);
  const again = await cli(['init', '--data-dir', dir]);
  assert.equal(again.code, 1);
  assert.match(again.err, /StoreExists/);

  await writeSecret(dir);
  const out = path.join(tempDir(), 'centre.relaisbak');
  const b = await cli(['backup', '--data-dir', dir, '--out', out, '--json']);
  assert.equal(b.code, 0, b.err);
  assert.equal(JSON.parse(b.out).verified, true);
  const auto = await cli(['backup', '--data-dir', dir]);
  assert.equal(auto.code, 0, auto.err);
  assert.equal(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.relaisbak')).length, 1);

  assert.deepEqual(filesContaining(dir, [SECRET, SQLITE_HEADER]), [], 'no store file holds the known string or a plain header');
  assert.deepEqual(filesContaining(path.dirname(out), [SECRET, SQLITE_HEADER]), []);

  const other = path.join(tempDir(), 'new-pc');
  const r = await cli(['restore', '--data-dir', other, '--from', out]);
  assert.equal(r.code, 0, r.err);
  assert.equal(await readSecret(other), SECRET);
  const refused = await cli(['restore', '--data-dir', other, '--from', out]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /StoreExists/);
  const forced = await cli(['restore', '--data-dir', other, '--from', out, '--force', '--json']);
  assert.equal(forced.code, 0, forced.err);
  assert.ok(JSON.parse(forced.out).replacedDir);

  const v = await cli(['verify', '--data-dir', other, '--json']);
  assert.equal(v.code, 0, v.err);
  assert.equal(JSON.parse(v.out).integrity, 'ok');
  const vb = await cli(['verify', '--backup', out]);
  assert.equal(vb.code, 0, vb.err);
});

test('a wrong passphrase exits 1 with a passphrase message and changes no byte of the data folder', async () => {
  const dir = path.join(tempDir(), 'data');
  assert.equal((await cli(['init', '--data-dir', dir])).code, 0);
  await writeSecret(dir);
  const out = path.join(tempDir(), 'b.relaisbak');
  assert.equal((await cli(['backup', '--data-dir', dir, '--out', out])).code, 0);
  // The support log (logs/relais.log) records failed commands too (issue 19); the store's own files are what must not change.
  const storeBytes = () => Object.fromEntries(Object.entries(hashTree(dir)).filter(([f]) => !f.startsWith('logs')));
  const before = storeBytes();
  const wrong = { RELAIS_PASSPHRASE: 'not the right passphrase', RELAIS_NEW_PASSPHRASE: 'another new passphrase' };
  for (const args of [['doctor'], ['verify'], ['backup', '--out', path.join(tempDir(), 'x.relaisbak')], ['change-passphrase'], ['restore', '--from', out, '--force']]) {
    const r = await cli([...args, '--data-dir', dir], wrong);
    assert.equal(r.code, 1, `${args[0]} exits 1`);
    assert.match(r.err, /passphrase/i, `${args[0]} names the passphrase`);
    assert.deepEqual(storeBytes(), before, `${args[0]} changed no byte`);
  }
  const logged = fs.readFileSync(path.join(dir, 'logs', 'relais.log'), 'utf8');
  assert.match(logged, /"command":"restore","exit":1,"code":"WrongKey"/);
  assert.ok(!logged.includes('not the right passphrase'));
  const vb = await cli(['verify', '--backup', out], wrong);
  assert.equal(vb.code, 1);
  assert.match(vb.err, /passphrase/i);
});

test('change-passphrase re-wraps the key: the old passphrase stops working, the data stays', async () => {
  const dir = path.join(tempDir(), 'data');
  assert.equal((await cli(['init', '--data-dir', dir])).code, 0);
  await writeSecret(dir);
  const next = 'a brand new recovery passphrase';
  const r = await cli(['change-passphrase', '--data-dir', dir], { RELAIS_NEW_PASSPHRASE: next });
  assert.equal(r.code, 0, r.err);
  assert.equal(await readSecret(dir, next), SECRET);
  await assert.rejects(readSecret(dir, PASS), { name: 'WrongKey' });
  const short = await cli(['change-passphrase', '--data-dir', dir], { RELAIS_PASSPHRASE: next, RELAIS_NEW_PASSPHRASE: 'short' });
  assert.equal(short.code, 1);
  assert.match(short.err, /InvalidInput/);
});

test('verify exits 1 on a damaged store', async () => {
  const dir = path.join(tempDir(), 'data');
  assert.equal((await cli(['init', '--data-dir', dir])).code, 0);
  const s = new StoreSession({ dataDir: dir });
  await s.unlock(PASS);
  const db = s.database();
  db.exec('CREATE TABLE filler(x TEXT)');
  const ins = db.prepare('INSERT INTO filler VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) ins.run(`row ${i} ${'y'.repeat(200)}`);
  })();
  s.close();
  // Damage a page in the middle of the file (not page 1): the store still opens, its check fails.
  const fd = fs.openSync(path.join(dir, 'relais.db'), 'r+');
  const size = fs.fstatSync(fd).size;
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
  fs.closeSync(fd);
  const v = await cli(['verify', '--data-dir', dir]);
  assert.equal(v.code, 1);
  assert.match(v.err, /CorruptStore/);
});
