// `npm test`: every check and every runner, then one closing line `N passed, N failed`.
// Steps: typecheck (per layer), lint, unit tests (node:test), renderer build, the user
// journeys in the Chromium harness, and the same journeys under Electron where installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_SKIP_REASON, electronBinary } from '../tests/electron/electronApp.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function step(name: string, ok: boolean): void {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
  console.log(`${ok ? '✔' : '✖'} ${name}`);
}

function banner(text: string): void {
  console.log(`\n━━ ${text}`);
}

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`npm test needs Node.js 24 (this is ${process.version}); see README.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

banner('typecheck');
for (const layer of ['src', 'main', 'hub', 'renderer', 'tests']) {
  step(`typecheck ${layer}`, run(bin('tsc'), ['-p', path.join(layer, 'tsconfig.json')]) === 0);
}

banner('lint (layering rules)');
step('lint', run(bin('eslint'), ['.', '--max-warnings', '0']) === 0);

banner('unit and integration tests (node:test)');
// Per-process file names: two runs in one checkout must not read each other's reports.
const tap = path.join(tmp, `unit-${process.pid}.tap`);
fs.rmSync(tap, { force: true });
const unitStatus = run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, 'tests/unit/**/*.test.ts']);
const tapText = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(tapText)?.[1] ?? 0);
const unit = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
// No summary at all means the runner did not finish: that is a failure, never "0 passed".
if (!/^# tests \d+$/m.test(tapText) || (unitStatus !== 0 && unit.failed === 0)) unit.failed = Math.max(unit.failed, 1);
fs.rmSync(tap, { force: true });
totals.passed += unit.passed;
totals.failed += unit.failed;
totals.skipped += unit.skipped;
if (unit.failed) failures.push(`${unit.failed} unit test(s)`);
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);

banner('build (renderer, main, preload)');
const built = run(process.execPath, ['scripts/build.ts']) === 0;
step('build', built);

function playwright(project: string, extraEnv: NodeJS.ProcessEnv = {}, wrap: string[] = []): void {
  const report = path.join(tmp, `playwright-${project}-${process.pid}.json`);
  fs.rmSync(report, { force: true });
  const args = [bin('playwright'), 'test', `--project=${project}`, '--reporter=list,json'];
  const status = wrap.length ? run(wrap[0] as string, [...wrap.slice(1), ...args], { PLAYWRIGHT_JSON_OUTPUT_FILE: report, ...extraEnv }) : run(args[0] as string, args.slice(1), { PLAYWRIGHT_JSON_OUTPUT_FILE: report, ...extraEnv });
  let stats = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
  try {
    stats = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
  } catch {
    // No report: the runner itself failed to start.
  }
  const failed = stats.unexpected + stats.flaky + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  fs.rmSync(report, { force: true });
  totals.passed += stats.expected;
  totals.failed += failed;
  totals.skipped += stats.skipped;
  if (failed) failures.push(`${failed} ${project} journey(s)`);
  console.log(`${project}: ${stats.expected} passed, ${failed} failed, ${stats.skipped} skipped`);
}

banner('user journeys in the Chromium harness');
if (built) playwright('harness');
else step('harness journeys (renderer not built)', false);

banner('the same journeys under Electron');
if (!electronBinary()) {
  console.log(ELECTRON_SKIP_REASON);
} else if (built) {
  const xvfb = process.platform === 'linux' && !process.env.DISPLAY && fs.existsSync('/usr/bin/xvfb-run') ? ['/usr/bin/xvfb-run', '-a'] : [];
  playwright('electron', {}, xvfb);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
