// Relais Hub at idle: `node bench/hubIdle.bench.ts` prints a Markdown section.
// The resident memory of a real `relais-hub serve` process once it has started and settled,
// as shipped (the report, PDF/XLSX writers and the directory import load on first use; the sync
// wire's leaves keep libphonenumber-js and the anonymity guard's name lists out) against the
// baseline of the same binary with all of them imported up front (RELAIS_HUB_EAGER=1, what the
// hub did before). On PostgreSQL (a throwaway database at 127.0.0.1:5432) and on PGlite (a
// temp folder); each run on a database created by `relais-hub init`; the two modes alternate so
// load on the machine hits both alike. VmRSS from /proc once SETTLE_S seconds have passed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubEngine, HubLocation } from '../src/hub/db/hubDb.ts';
import { tempHubLocation } from '../tests/unit/helpers/hubDatabases.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'bin', 'relais-hub.mjs');
const RUNS = Number(process.env.BENCH_HUB_IDLE_RUNS ?? 3);
const SETTLE_S = Number(process.env.BENCH_HUB_IDLE_SETTLE_S ?? 10);
const ENGINES: HubEngine[] = ['postgres', 'pglite'];

const where = (l: HubLocation) => (l.kind === 'postgres' ? ['--database-url', l.url] : ['--data-dir', l.dataDir]);

/** VmRSS (MB) of one `serve` on a fresh, initialised database, SETTLE_S after it listens. */
async function idleRss(engine: HubEngine, eager: boolean): Promise<number> {
  const temp = await tempHubLocation(engine);
  const env = { ...process.env, RELAIS_HUB_EAGER: eager ? '1' : '0' };
  try {
    const init = spawnSync(process.execPath, [BIN, ...where(temp.location), 'init'], { cwd: root, env, encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`relais-hub init: ${init.stderr}`);
    const child = spawn(process.execPath, [BIN, ...where(temp.location), 'serve', '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('listening on')) resolve();
      });
      void exited.then(() => reject(new Error('relais-hub serve exited before listening')));
    });
    await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    child.kill('SIGTERM');
    await exited;
    return kb / 1024;
  } finally {
    await temp.drop();
  }
}

const figures = new Map<string, number[]>();
for (const engine of ENGINES) {
  for (let i = 0; i < RUNS; i++) {
    for (const eager of [false, true]) {
      const key = `${engine}:${eager}`;
      figures.set(key, [...(figures.get(key) ?? []), await idleRss(engine, eager)]);
    }
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cell = (engine: HubEngine, eager: boolean) => {
  const xs = figures.get(`${engine}:${eager}`) ?? [];
  return `${med(xs).toFixed(0)} MB (${xs.map((x) => x.toFixed(0)).join(', ')})`;
};

console.log(`## hubIdle.bench.ts — Relais Hub memory at idle

A real \`relais-hub serve\` process on a database made by \`relais-hub init\`, its resident memory (VmRSS) ${SETTLE_S} s after it
listens; ${RUNS} runs per cell, alternating; the median, then every run. Load average at the end ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} (1/5/15 min). The idle row of the "Relais Hub" section above is measured after a PC has joined.

| | PostgreSQL | PGlite |
|---|---|---|
| report, PDF/XLSX and directory import loaded on first use, no libphonenumber-js or guard name lists (shipped) | ${cell('postgres', false)} | ${cell('pglite', false)} |
| everything imported up front (baseline, before) | ${cell('postgres', true)} | ${cell('pglite', true)} |
`);
