import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { fixturePath, writeTemp } from './helpers/directoryFiles.ts';
import { newOpenStore, tempDir, TEST_PASSPHRASE } from './helpers/tempStore.ts';

async function cliStore(): Promise<string> {
  const dir = tempDir();
  const store = await newOpenStore(dir);
  store.close();
  return dir;
}

async function run(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--data-dir', dir], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, { RELAIS_PASSPHRASE: TEST_PASSPHRASE });
  return { code, out, err };
}

async function listing(dir: string): Promise<unknown> {
  const s = new StoreSession({ dataDir: dir });
  await s.unlock(TEST_PASSPHRASE);
  try {
    return directoryRepository(s.database()).listServices();
  } finally {
    s.close();
  }
}

test('directory import: exit 0 when every row applies, JSON diff on stdout', async () => {
  const dir = await cliStore();
  const r = await run(dir, 'directory', 'import', fixturePath('semicolon-bom.csv'), '--json');
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.equal(json.ok, true);
  assert.deepEqual(json.counts, { added: 2, changed: 0, unchanged: 0, rejected: 0 });
  assert.equal(json.applied, true);
  assert.equal((await listing(dir) as unknown[]).length, 2);
});

test('directory import: exit 2 when some rows are rejected, each with row and field; --dry-run writes nothing', async () => {
  const dir = await cliStore();
  const dry = await run(dir, 'directory', 'import', fixturePath('row-faults.csv'), '--dry-run', '--json');
  assert.equal(dry.code, 2);
  const json = JSON.parse(dry.out);
  assert.equal(json.dryRun, true);
  assert.equal(json.applied, false);
  assert.ok(json.rejected.every((r: { row: number; problems: Array<{ row: number; field: string }> }) => r.row > 1 && r.problems.every((p) => p.row === r.row && p.field)));
  assert.deepEqual(await listing(dir), []);
  const real = await run(dir, 'directory', 'import', fixturePath('row-faults.csv'));
  assert.equal(real.code, 2);
  assert.match(real.out, /rejected row 6 \[bad-email\]: email: invalid e-mail address/);
  assert.equal((await listing(dir) as unknown[]).length, 2);
});

test('directory import: exit 1 on a file-level fault, JSON error, nothing changed', async () => {
  const dir = await cliStore();
  await run(dir, 'directory', 'import', fixturePath('semicolon-bom.csv'));
  const before = await listing(dir);
  for (const file of [fixturePath('broken-quoting.csv'), writeTemp('empty.csv', ''), fixturePath('header-only.csv'), path.join(tempDir(), 'missing.csv')]) {
    const r = await run(dir, 'directory', 'import', file, '--json');
    assert.equal(r.code, 1, file);
    const json = JSON.parse(r.out);
    assert.equal(json.ok, false);
    assert.equal(json.error.code, 'FileRejected');
    assert.match(r.err, /FileRejected/);
  }
  assert.deepEqual(await listing(dir), before);
});

test('directory export: csv ; / , , xlsx, hsds and --public, re-importable', async () => {
  const dir = await cliStore();
  await run(dir, 'directory', 'import', fixturePath('semicolon-bom.csv'));
  const out = tempDir();
  for (const [args, name] of [
    [['--format', 'csv'], 'a.csv'],
    [['--format', 'csv', '--delimiter', ','], 'b.csv'],
    [['--format', 'xlsx'], 'c.xlsx'],
    [['--format', 'hsds', '--public'], 'd.json'],
  ] as const) {
    const file = path.join(out, name);
    const r = await run(dir, 'directory', 'export', ...args, '--out', file, '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).services, 2);
    const again = await run(dir, 'directory', 'import', file, '--dry-run', '--json');
    const counts = JSON.parse(again.out).counts;
    // The public file has no professional line: importing it keeps the stored one.
    assert.deepEqual(counts, { added: 0, changed: 0, unchanged: 2, rejected: 0 }, name);
  }
  assert.ok(fs.readFileSync(path.join(out, 'a.csv')).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  assert.doesNotMatch(fs.readFileSync(path.join(out, 'd.json'), 'utf8'), /professional_contact|Ligne pro/);
  const bad = await run(dir, 'directory', 'export', '--format', 'pdf', '--out', path.join(out, 'x'));
  assert.equal(bad.code, 1);
});
