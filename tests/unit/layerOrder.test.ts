import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// The declared layers of src/ (eslint/layers.js) are a lint rule: each case below is an import
// against the order, or one that closes a cycle, and must be refused; the last ones are allowed.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const y = 1;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/order').map((m) => m.message);
}

const refused: Array<[string, string, string, RegExp]> = [
  ['src/domain/bad.ts', `import { contract } from '../contract/index.ts';`, 'a pure helper importing the contract', /may not import contract/],
  ['src/contract/bad.ts', `import { scheduleCallback } from '../callbacks/callbackActions.ts';`, 'the contract importing a domain module', /may not import callbacks/],
  ['src/store/bad.ts', `import { audit } from '../access/accessSession.ts';`, 'the store importing access', /may not import access/],
  ['src/calls/bad.ts', `import type { Router } from '../router/router.ts';`, 'a domain module importing the router (even a type)', /may not import router/],
  ['src/handlers/bad.ts', `import { createRouter } from '../router/router.ts';`, 'handlers importing the router', /may not import router/],
  ['src/router/bad.ts', `import { createAppCore } from '../app/appCore.ts';`, 'the router importing the app', /may not import app/],
  ['src/app/bad.ts', `import { main } from '../cli/main.ts';`, 'the app importing the CLI', /may not import cli/],
  ['src/errors.ts', `import { contract } from './contract/index.ts';`, 'errors importing the contract', /may not import contract/],
  ['src/calls/bad.ts', `import { collectFacts } from '../reports/collectFacts.ts';`, 'two domain modules importing each other (reports already imports calls)', /cycle between modules: calls → reports → calls/],
  ['src/reports/periodTime.ts', `import { REPORT_SPECS } from './reportSpecs.ts';`, 'a file cycle inside a module', /Import cycle: src\/reports\/periodTime\.ts → src\/reports\/reportSpecs\.ts → src\/reports\/periodTime\.ts/],
];

for (const [file, code, what, message] of refused) {
  test(`the layer rule refuses ${what}`, async () => {
    const errors = await layerErrors(file, code);
    assert.ok(errors.some((e) => message.test(e)), `${file}: "${code}" should be refused; got ${JSON.stringify(errors)}`);
  });
}

test('the layer rule allows imports down the order and type-only back references', async () => {
  assert.deepEqual(await layerErrors('src/handlers/ok.ts', `import { callsRepository } from '../calls/callsRepository.ts';\nimport type { Services } from '../services/services.ts';`), []);
  assert.deepEqual(await layerErrors('src/cli/ok.ts', `import { createAppCore } from '../app/appCore.ts';`), []);
  assert.deepEqual(await layerErrors('src/contract/ok.ts', `import { TAXONOMY } from '../domain/taxonomy.ts';\nimport { AppError } from '../errors.ts';`), []);
  assert.deepEqual(await layerErrors('src/reports/ok.ts', `import { callsRepository } from '../calls/callsRepository.ts';`), []);
  assert.deepEqual(await layerErrors('src/reports/reportSpecs.ts', `import type { Granularity } from './periodTime.ts';`), []);
});

test('src/ as it stands follows the order', async () => {
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'layers/order').map((m) => `${path.relative(root, r.filePath)}: ${m.message}`));
  assert.deepEqual(problems, []);
});

test('npm run lint runs eslint over the whole repository, src/ and its layer rule included', () => {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.match(scripts.lint ?? '', /^eslint \.( |$)/);
});
