// CLI start-up benchmark: `node bench/cli.bench.ts` prints a Markdown section.
// `relais-admin --help` as shipped (commands load lazily: only the one being run is imported)
// against the baseline of the same binary with every command imported up front
// (RELAIS_CLI_EAGER=1, what relais-admin did before issue 13). Wall-clock time of a whole
// process, median and worst of RUNS, alternating the two so load on the machine hits both alike.
// Not a timed test: numbers depend on the machine, printed by scripts/bench.ts.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);

function once(eager: boolean): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'relais-admin.mjs'), '--help'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RELAIS_CLI_EAGER: eager ? '1' : '0' },
  });
  if (r.status !== 0) throw new Error(`relais-admin --help exited ${r.status}: ${r.stderr}`);
  return performance.now() - t0;
}

const lazy: number[] = [];
const eager: number[] = [];
once(false); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  lazy.push(once(false));
  eager.push(once(true));
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const max = (xs: number[]) => Math.max(...xs);
const ms = (v: number) => `${Math.round(v)} ms`;

console.log(`## cli.bench.ts — relais-admin start-up

\`relais-admin --help\`, a whole process each time, ${RUNS} runs each, alternating; load average at the end
${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min). Target (issue 13): ≤ 300 ms on an idle machine.

| | median | worst |
|---|---|---|
| lazy commands (shipped) | ${ms(med(lazy))} | ${ms(max(lazy))} |
| every command imported up front (baseline, before issue 13) | ${ms(med(eager))} | ${ms(max(eager))} |
`);
