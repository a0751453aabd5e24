import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempHubLocation } from './helpers/hubDatabases.ts';
import { tempDir } from './helpers/tempStore.ts';

// `relais-hub serve` runs for months: it must not hold the report, PDF, XLSX or import code it
// does not use (hub idle memory, docs/benchmarks.md). A real `relais-hub serve` process on
// PostgreSQL with a resolve hook that records every module it loads; as a control that the
// check can fail, `relais-hub report --format xlsx` in the same way does load them.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(root, 'bin', 'relais-hub.mjs');
const HOOK = `import { registerHooks } from 'node:module'; import fs from 'node:fs'; const seen = new Set();
registerHooks({ resolve(s, c, next) { const r = next(s, c); seen.add(r.url); return r; } });
process.on('exit', () => fs.writeFileSync(process.env.RELAIS_LOADED_OUT, [...seen].join('\\n')));`;
const hookArgs = ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`];

/** What serve must not load: the report and its writers, the import's readers. */
const NOT_AT_IDLE = /\/node_modules\/(exceljs|pdfkit|fontkit|jszip|csv-parse)\/|\/src\/reports\/(?!reportJson\.ts)|\/src\/hub\/(lineReport|hubDirectory)\.ts|\/src\/directory\/import\//;
const heavy = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter((u) => NOT_AT_IDLE.test(u));

test('relais-hub serve loads no report, PDF, XLSX or import code; relais-hub report does', async () => {
  const temp = await tempHubLocation('postgres');
  const url = temp.location.kind === 'postgres' ? temp.location.url : '';
  const dir = tempDir('relais-hub-lazy-');
  try {
    const served = path.join(dir, 'serve.txt');
    const child = spawn(process.execPath, [...hookArgs, BIN, '--database-url', url, 'serve', '--port', '0'], { cwd: root, env: { ...process.env, RELAIS_LOADED_OUT: served }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    assert.deepEqual(heavy(served), [], 'serve loaded none of them');

    const reported = path.join(dir, 'report.txt');
    const r = spawnSync(process.execPath, [...hookArgs, BIN, '--database-url', url, 'report', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'xlsx', '--out', path.join(dir, 'bilan.xlsx')], { cwd: root, env: { ...process.env, RELAIS_LOADED_OUT: reported }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(heavy(reported).some((u) => u.includes('/node_modules/exceljs/')), 'control: the report command loads exceljs');
    assert.ok(heavy(reported).some((u) => u.includes('/src/hub/lineReport.ts')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await temp.drop();
  }
});
