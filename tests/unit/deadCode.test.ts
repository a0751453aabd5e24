import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Dead code stays out (issue 13): `npm run lint` runs knip with the repository's knip.json. This
// proves that configuration bites: in a throwaway project laid out like this one (an entry in
// bin/ importing a module of src/), an export nobody imports fails knip and names the export;
// once it is used, knip passes.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const knip = path.join(root, 'node_modules', 'knip', 'bin', 'knip.js');

function project(moduleText: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-knip-'));
  fs.copyFileSync(path.join(root, 'knip.json'), path.join(dir, 'knip.json'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'knip-probe', private: true, type: 'module' }));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'bin', 'probe.mjs'), "import { used } from '../src/helpers.ts';\nconsole.log(used());\n");
  fs.writeFileSync(path.join(dir, 'src', 'helpers.ts'), moduleText);
  return dir;
}

function runKnip(dir: string) {
  const r = spawnSync(process.execPath, [knip, '--no-progress', '--no-config-hints'], { cwd: dir, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

test('an export nobody imports fails knip, named; a used one passes', () => {
  const unused = runKnip(project("export function used(): number { return 1; }\nexport function forgotten(): number { return 2; }\n"));
  assert.equal(unused.status, 1, unused.stdout + unused.stderr);
  assert.match(unused.stdout, /Unused exports[\s\S]*forgotten/);
  const clean = runKnip(project('export function used(): number { return 1; }\n'));
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
});

test('npm run lint runs knip after eslint, so the check above is part of the lint', () => {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.match(scripts.lint ?? '', /^eslint \. && knip\b/);
});
