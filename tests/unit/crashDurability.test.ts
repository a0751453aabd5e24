import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { StoreSession } from '../../src/store/storeSession.ts';
import { newOpenStore, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'helpers', 'crashWriter.ts');
const ROUNDS = 24;

/** Runs the writer, SIGKILLs it `afterMs` after it is ready, and returns the ids it acknowledged. */
function killedRun(dataDir: string, afterMs: number): Promise<{ acked: number[]; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.stderr.on('data', (c) => (stderr += String(c)));
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      // Only complete lines count: a line cut by the kill was never acknowledged.
      const lines = out.split('\n').slice(0, -1).filter((l) => l !== 'ready');
      resolve({ acked: lines.map(Number), signal, stderr });
    });
  });
}

test(`every acknowledged save survives SIGKILL (${ROUNDS} rounds) and the store stays intact`, { timeout: 180_000 }, async (t) => {
  const first = await newOpenStore();
  first.close();
  const dataDir = first.files.dataDir;
  const allAcked: number[] = [];
  let killedMidWrite = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const { acked, signal, stderr } = await killedRun(dataDir, 5 + Math.floor(Math.random() * 150));
    assert.equal(signal, 'SIGKILL', `round ${round} was killed (stderr: ${stderr.slice(0, 300)})`);
    if (acked.length > 0) killedMidWrite++;
    allAcked.push(...acked);
    // Reopen after every kill, as the app would after a crash: the killed writer left a hot WAL.
    const s = new StoreSession({ dataDir, scrypt: TEST_SCRYPT });
    await s.unlock(TEST_PASSPHRASE);
    const db = s.database();
    const present = new Set(db.prepare('SELECT id FROM crash_notes').pluck().all() as number[]);
    const missing = allAcked.filter((id) => !present.has(id));
    assert.deepEqual(missing, [], `round ${round}: acknowledged ids lost`);
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }], `round ${round}: integrity`);
    s.close();
  }
  t.diagnostic(`${allAcked.length} acknowledged saves over ${ROUNDS} kills, ${killedMidWrite} kills while saving`);
  assert.ok(allAcked.length > ROUNDS, `enough saves were acknowledged (${allAcked.length})`);
  assert.ok(killedMidWrite >= ROUNDS / 2, 'most kills landed while saving');
});
