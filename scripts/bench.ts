// `npm run bench`: runs every bench/*.bench.ts in its own process (so memory figures are its
// own), each printing a Markdown section with its baseline measured in the same run, and
// writes docs/benchmarks.md with the machine they ran on. Nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const only = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = [
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `- CPU: ${cpu}, ${os.cpus().length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  `- OS: ${os.type()} ${os.release()} (${process.platform}-${process.arch})`,
  `- Node ${process.versions.node}`,
].join('\n');

const sections: string[] = [];
let failed = 0;
for (const f of files) {
  console.error(`bench: ${f} …`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(benchDir, f)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    failed++;
    sections.push(`## ${f}\n\nFailed to run (exit ${r.status}).`);
  } else {
    sections.push(r.stdout.trim());
  }
  console.error(`bench: ${f} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const doc = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.ts runs each \`bench/*.bench.ts\` in its own process). Every figure is
compared, in the same run, with the obvious baseline named in its section. Targets come from the issues; they are
reported, not asserted by timed tests.

## Machine

${machine}

${sections.join('\n\n')}
`;
if (only.length === 0) fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), doc);
else console.log(doc);
console.error(`bench: ${files.length - failed} of ${files.length} ran${only.length ? ' (partial run: docs/benchmarks.md left as is)' : '; docs/benchmarks.md written'}`);
process.exit(failed ? 1 : 0);
