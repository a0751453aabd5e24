import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { CSP } from '../../main/csp.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const violations: Array<[string, string, string]> = [
  ['src/store/bad.ts', `import { app } from 'electron';`, 'electron in src'],
  ['src/calls/bad.ts', `import { useState } from 'react';`, 'react in src'],
  ['src/calls/bad.ts', `import { x } from '../../main/ipc.ts';`, 'main in src'],
  ['src/calls/bad.ts', `import { x } from '../../renderer/App.tsx';`, 'renderer in src'],
  ['src/contract/bad.ts', `import fs from 'node:fs';`, 'node built-in in the shared contract'],
  ['src/domain/bad.ts', `import { openDatabase } from '../store/openDatabase.ts';`, 'store code in a pure helper'],
  ['renderer/bad.ts', `import { ipcRenderer } from 'electron';`, 'electron in renderer'],
  ['renderer/bad.ts', `import { StoreSession } from '../src/store/storeSession.ts';`, 'store code in renderer'],
  ['renderer/screens/bad.ts', `import fs from 'node:fs';`, 'node built-in in renderer'],
  ['renderer/bad.ts', `import Database from 'better-sqlite3-multiple-ciphers';`, 'database in renderer'],
  ['main/bad.ts', `import { App } from '../renderer/App.tsx';`, 'renderer in main'],
  ['src/calls/bad.ts', `import pg from 'pg';`, 'a hub database driver outside src/hub'],
  ['src/sync/bad.ts', `import { PGlite } from '@electric-sql/pglite';`, 'PGlite outside src/hub'],
  ['src/sync/bad.ts', `import { push } from '../hub/push.ts';`, 'the hub\'s domain in the workstation\'s sync client'],
  ['src/hub/bad.ts', `import Fastify from 'fastify';`, 'HTTP serving in src/hub'],
  ['src/hub/bad.ts', `import { StoreSession } from '../store/storeSession.ts';`, 'the workstation store in the hub'],
  ['src/hub/bad.ts', `import { x } from '../../hub/server.ts';`, 'the hub shell in src'],
  ['hub/bad.ts', `import { app } from 'electron';`, 'electron in the hub shell'],
  ['hub/bad.ts', `import pg from 'pg';`, 'a database driver in the hub shell'],
];

for (const [file, code, what] of violations) {
  test(`lint refuses ${what}`, async () => {
    const errors = await restrictedImportErrors(file, `${code}\nexport const y = 1;\n`);
    assert.ok(errors.length > 0, `${file}: "${code}" should be refused`);
  });
}

test('lint allows what each layer may import', async () => {
  assert.deepEqual(await restrictedImportErrors('renderer/ok.ts', `import { contract } from '../src/contract/index.ts';\nimport { COMMUNES } from '../src/domain/communes.ts';\nexport const y = [contract, COMMUNES];\n`), []);
  assert.deepEqual(await restrictedImportErrors('main/ok.ts', `import { createAppCore } from '../src/app/appCore.ts';\nexport const y = createAppCore;\n`), []);
  assert.deepEqual(await restrictedImportErrors('src/store/ok.ts', `import fs from 'node:fs';\nexport const y = fs;\n`), []);
  assert.deepEqual(await restrictedImportErrors('src/hub/db/ok.ts', `import pg from 'pg';\nimport { AppError } from '../../errors.ts';\nexport const y = [pg, AppError];\n`), []);
  assert.deepEqual(await restrictedImportErrors('hub/ok.ts', `import Fastify from 'fastify';\nimport { openHubDb } from '../src/hub/db/hubDb.ts';\nexport const y = [Fastify, openHubDb];\n`), []);
});

test('the renderer page and the protocol handler send the same CSP', () => {
  const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.equal(meta, CSP);
  assert.match(CSP, /default-src 'self'/);
  assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval/);
});
