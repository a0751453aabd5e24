import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { HubLocation } from '../../src/hub/db/hubDb.ts';
import { ENGINES, tempHubLocation } from './helpers/hubDatabases.ts';
import { tempDir } from './helpers/tempStore.ts';

// `relais-hub serve` runs for months: it must not hold the report, PDF, XLSX or import code it
// does not use, nor libphonenumber-js and the anonymity guard's name lists, which the PC's
// contract needs and the hub's wire does not (hub idle memory, docs/benchmarks.md). A real
// `relais-hub serve` process on each engine with a resolve hook that records every module it
// loads; as controls that the check can fail, `relais-hub report --format xlsx` in the same way
// does load the report's writers, the PC's contract libphonenumber-js and the guard its name lists.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(root, 'bin', 'relais-hub.mjs');
const HOOK = `import { registerHooks } from 'node:module'; import fs from 'node:fs'; const seen = new Set();
registerHooks({ resolve(s, c, next) { const r = next(s, c); seen.add(r.url); return r; } });
process.on('exit', () => fs.writeFileSync(process.env.RELAIS_LOADED_OUT, [...seen].join('\\n')));`;
const hookArgs = ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`];

/** What serve must not load: the report and its writers, the import's readers, the phone library and the guard. */
const NOT_AT_IDLE = /\/node_modules\/(exceljs|pdfkit|fontkit|jszip|csv-parse|libphonenumber-js)\/|\/src\/reports\/(?!reportJson\.ts)|\/src\/hub\/(lineReport|hubDirectory)\.ts|\/src\/directory\/import\/|\/src\/domain\/(identifyingData\.ts|guard\/)/;
const heavy = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter((u) => NOT_AT_IDLE.test(u));

/** Starts a real `relais-hub serve` on `location`, checks it answers, stops it; the file of the modules it loaded. */
async function serveLoaded(location: HubLocation, dir: string): Promise<string> {
  const served = path.join(dir, `serve-${location.kind}.txt`);
  const where = location.kind === 'postgres' ? ['--database-url', location.url] : ['--data-dir', location.dataDir];
  const child = spawn(process.execPath, [...hookArgs, BIN, ...where, 'serve', '--port', '0'], { cwd: root, env: { ...process.env, RELAIS_LOADED_OUT: served }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve();
    });
    void exited.then(() => reject(new Error(`serve exited before listening: ${err}`)));
  });
  const listening = out.match(/listening on (\S+)/)?.[1];
  assert.equal((await fetch(`${listening}/v1/pull?after=0`)).status, 401, 'the server answers (a request without a device token is refused)');
  child.kill('SIGTERM');
  assert.equal(await exited, 0, err);
  const loaded = fs.readFileSync(served, 'utf8').split('\n');
  assert.ok(loaded.some((u) => u.includes('/node_modules/fastify/')), 'control: the hook saw the server load');
  return served;
}

for (const engine of ENGINES) {
  test(`relais-hub serve on ${engine} loads no report, PDF, XLSX or import code, nor libphonenumber-js or the guard's name lists`, async () => {
    const temp = await tempHubLocation(engine);
    const dir = tempDir('relais-hub-lazy-');
    try {
      assert.deepEqual(heavy(await serveLoaded(temp.location, dir)), [], 'serve loaded none of them');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await temp.drop();
    }
  });
}

test('control: relais-hub report does load the report and its writers', async () => {
  const temp = await tempHubLocation('postgres');
  const url = temp.location.kind === 'postgres' ? temp.location.url : '';
  const dir = tempDir('relais-hub-lazy-');
  try {
    const reported = path.join(dir, 'report.txt');
    const r = spawnSync(process.execPath, [...hookArgs, BIN, '--database-url', url, 'report', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'xlsx', '--out', path.join(dir, 'bilan.xlsx')], { cwd: root, env: { ...process.env, RELAIS_LOADED_OUT: reported }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(heavy(reported).some((u) => u.includes('/node_modules/exceljs/')), 'the report command loads exceljs');
    assert.ok(heavy(reported).some((u) => u.includes('/src/hub/lineReport.ts')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await temp.drop();
  }
});

/** The modules one `import` of `file` loads (a fresh process, the same hook). */
function importLoaded(file: string, dir: string): string[] {
  const out = path.join(dir, `${path.basename(file)}.txt`);
  const r = spawnSync(process.execPath, [...hookArgs, '--input-type=module', '-e', `await import(${JSON.stringify(file)})`], { cwd: root, env: { ...process.env, RELAIS_LOADED_OUT: out }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return heavy(out);
}

test('control: the PC\'s contract loads libphonenumber-js (its phone schema) but not the guard\'s name lists; the guard does load them', () => {
  const dir = tempDir('relais-hub-lazy-');
  try {
    const contract = importLoaded(path.join(root, 'src', 'contract', 'index.ts'), dir);
    assert.ok(contract.some((u) => u.includes('/node_modules/libphonenumber-js/')), 'the phone schema loads libphonenumber-js');
    // The findings' kinds are a leaf (domain/identifyingKinds.ts): the contract, bundled into the
    // preload, names them without the word lists.
    assert.deepEqual(contract.filter((u) => /\/src\/domain\/guard\//.test(u)), [], 'the contract loads none of the guard');
    const guard = importLoaded(path.join(root, 'src', 'domain', 'identifyingData.ts'), dir);
    assert.ok(guard.some((u) => u.endsWith('/src/domain/guard/givenNames.ts')), 'the guard loads its name lists');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
