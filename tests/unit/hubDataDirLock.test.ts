import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from '../../src/hub/db/dataDirLock.ts';
import { openPglite } from '../../src/hub/db/pgliteDb.ts';
import { tempDir } from './helpers/tempStore.ts';

// One process at a time on a PGlite folder (src/hub/db/dataDirLock.ts): a second process opening
// it while the hub runs damaged it (the federation tests saw a hub that no longer started after
// kill -9). Real processes: relais-hub itself is refused while this process holds the folder; a
// lock left by a killed process is taken over; data written before is intact.

const HUB_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/relais-hub.mjs');

test('a PGlite hub folder is opened by one process at a time; a killed holder\'s lock is taken over', { timeout: 180_000 }, async () => {
  const dir = path.join(tempDir(), 'hub-data');
  const db = await openPglite(dir);
  await db.exec('CREATE TABLE kept (v text)');
  await db.query('INSERT INTO kept VALUES ($1)', ['before']);
  assert.equal(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));

  // In this process: a second open is refused too (two PGlite instances on one folder is the same hazard).
  await assert.rejects(openPglite(dir), (e: { code?: string; reason?: string }) => e.code === 'Conflict' && e.reason === 'hub.dataDirInUse');

  // Another process: relais-hub status on the folder is refused with a sentence naming the holder.
  const other = spawnSync(process.execPath, [HUB_BIN, '--data-dir', dir, 'status'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'en_US.UTF-8' } });
  assert.notEqual(other.status, 0, other.stdout);
  assert.match(other.stderr + other.stdout, new RegExp(`\\(pid ${process.pid}\\)`));
  assert.equal((await db.query<{ v: string }>('SELECT v FROM kept'))[0]?.v, 'before', 'the holder still works');

  await db.close();
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false, 'closing releases the lock');

  // A holder killed with -9 leaves its lock behind: the next open takes it over.
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  fs.writeFileSync(path.join(dir, LOCK_FILE), `${child.pid}\n`);
  const alive = await openPglite(dir).then(
    (d) => ({ d, err: null }),
    (err: unknown) => ({ d: null, err }),
  );
  assert.equal(alive.d, null, 'refused while the holder lives');
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const again = await openPglite(dir);
  assert.equal((await again.query<{ v: string }>('SELECT v FROM kept'))[0]?.v, 'before');
  assert.equal(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));
  await again.close();
});
