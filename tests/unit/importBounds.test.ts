import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { capWarnings, MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../src/directory/import/importLimits.ts';
import { applyImport, parseImport, previewImport } from '../../src/directory/import/importFile.ts';
import { VALID_BATCH_ROWS } from '../../src/directory/import/validRows.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { parseImportOffThread } from '../../src/directory/import/parseOffThread.ts';
import { newOpenCore, signInResponder, signInSupervisor } from './helpers/tempStore.ts';

// Issue 12, top list 5 and 6: imports are parsed in a worker thread and bounded, each limit
// with its own error naming it; warnings are capped.

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}
const csv = (text: string) => new TextEncoder().encode(text);

/** A CSV just under the app's 20 MB limit: as many ~200-byte service rows as fit (and the row limit allows). */
function largestCsv(): Uint8Array {
  const lines = ['id;name;themes;phone;description'];
  let size = lines[0]!.length + 1;
  for (let i = 0; size < MAX_IMPORT_BYTES - 400 && i < MAX_IMPORT_ROWS; i++) {
    const line = `svc-${i};Service social numéro ${i};housing;02 ${100 + (i % 900)} ${10 + (i % 90)} ${10 + (i % 89)};${'Accueil et orientation sociale, permanence du lundi au vendredi. '.repeat(2)}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return csv(`${lines.join('\n')}\n`);
}

test('top list 5: a note save commits while the largest allowed file is being imported (parsed off the store\'s thread)', { timeout: 300_000 }, async () => {
  const core = await newOpenCore({ shell: 'harness' });
  await signInResponder(core);
  const call = await op(core, 'calls.start', {});
  const file = largestCsv();
  // At the limits: 20 MB or 100,000 rows, whichever comes first.
  assert.ok(file.length > MAX_IMPORT_BYTES * 0.9 && file.length <= MAX_IMPORT_BYTES, `${file.length} bytes`);
  let importDone = false;
  const importing = core.router.dispatch('directory.importPreview', { fileName: 'repertoire.csv', content: Buffer.from(file).toString('base64') }).then((r) => {
    importDone = true;
    return r;
  });
  // Give the worker a moment to start, then save notes as a responder would.
  await new Promise((r) => setTimeout(r, 300));
  const saved: number[] = [];
  for (let i = 0; i < 5 && !importDone; i++) {
    const t0 = performance.now();
    const note = await op(core, 'calls.addNote', { callId: call.id, text: `note ${i} pendant l'import` });
    saved.push(performance.now() - t0);
    const stored = core.services.store.database().prepare('SELECT text FROM call_notes WHERE id = ?').pluck().get(note.id);
    assert.equal(stored, `note ${i} pendant l'import`, 'committed');
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(saved.length >= 1, 'notes were saved during the import');
  assert.equal(importDone, false, 'the import was still running while the notes committed');
  const r = await importing;
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  assert.ok((r.value as { rows: number }).rows > 50_000);
  assert.ok(Math.max(...saved) < 2000, `note saves answered during the import (max ${Math.max(...saved).toFixed(0)} ms)`);
  core.shutdown();
});

test('top list 5: each limit has its own error naming it — file size, rows, columns, cell length (not "broken quoting"), in the worker too', async () => {
  const themes: never[] = [];
  const reason = async (bytes: Uint8Array, name = 'f.csv', maxBytes?: number) => {
    try {
      await parseImportOffThread(bytes, name, themes, undefined, maxBytes);
      return 'ok';
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
  };
  assert.match(await reason(csv('id;name\na;b\n'), 'f.csv', 10), /^FileRejected: .*too large .*the limit is 0 MB per file/);
  const rows = ['id;name', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `s${i};n`)].join('\n');
  assert.match(await reason(csv(rows)), /^FileRejected: .*100,001 service rows; the limit is 100,000 rows/);
  const wide = Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, i) => `c${i}`).join(';');
  assert.match(await reason(csv(`${wide}\n`)), /^FileRejected: .*201 columns; the limit is 200 columns/);
  const long = `id;name;description\na;b;${'x'.repeat(MAX_IMPORT_CELL_CHARS + 10)}\n`;
  const cell = await reason(csv(long));
  assert.match(cell, /^FileRejected: .*longer than 32,000 characters.*the limit per cell/);
  assert.doesNotMatch(cell, /broken quoting/);
  // Under the limit: the same file with a cell of 30,000 characters reads (the row is then checked as usual).
  assert.match(await reason(csv(`id;name;description\na;b;${'x'.repeat(30_000)}\n`)), /^ok$|^FileRejected: .*no service rows|^ok/);
});

test('top list 5: warnings are capped — the first 100 in full, then a count per kind (50,000 unknown columns do not cross IPC)', async () => {
  const warnings = [...Array.from({ length: 50_000 }, (_, i) => ({ field: `x${i}`, message: `Unknown column "x${i}" (column ${i + 3}) ignored.` })), { field: null, message: 'Another kind of warning.' }];
  const capped = capWarnings(warnings);
  assert.equal(capped.length, 102);
  assert.deepEqual(capped.slice(0, 100), warnings.slice(0, 100));
  assert.match(capped[100]!.message, /^…and 49,900 more warnings like: Unknown column "x100"/);
  assert.match(capped[101]!.message, /^…and 1 more warning like: Another kind/);
  // Through the reader: a header of 190 unknown columns gives 100 + 1 lines.
  const header = ['id', 'name', ...Array.from({ length: 190 }, (_, i) => `inconnu${i}`)].join(';');
  const parsed = await parseImport(csv(`${header}\na;b\n`), 'f.csv', []);
  assert.equal(parsed.warnings.length, 101);
});

test('top list 5: valid rows come back from the worker in encoded batches, and preview and apply read them batch by batch (added, changed, unchanged across batch edges)', async () => {
  const core = await newOpenCore({ shell: 'harness' });
  await signInSupervisor(core);
  const db = core.services.store.database();
  const n = VALID_BATCH_ROWS * 3 + 7;
  const lines = (changedName: (i: number) => string) => ['id;name;themes', ...Array.from({ length: n }, (_, i) => `s${i};${changedName(i)};food`)].join('\n');
  const first = await parseImportOffThread(csv(lines((i) => `Service ${i}`)), 'a.csv', directoryRepository(db).listThemes());
  assert.equal(first.valid.count, n);
  assert.equal([...first.valid.batches()].length, 4, 'four batches');
  assert.ok(first.valid.bytes > 0);
  assert.equal(applyImport(db, first, new Date()).counts.added, n);
  // Second file: every 400th row renamed — changes fall in every batch, the rest unchanged.
  const second = await parseImportOffThread(csv(lines((i) => (i % 400 === 0 ? `Renamed ${i}` : `Service ${i}`))), 'b.csv', directoryRepository(db).listThemes());
  const preview = await previewImport(db, second);
  const renamed = Math.ceil(n / 400);
  assert.deepEqual(preview.counts, { added: 0, changed: renamed, unchanged: n - renamed, rejected: 0 });
  assert.deepEqual(preview.changed.map((c) => c.id).slice(0, 3), ['s0', 's400', 's800']);
  assert.equal(applyImport(db, second, new Date()).counts.changed, renamed);
  assert.equal(directoryRepository(db).getService('s1200')?.name, 'Renamed 1200');
  core.shutdown();
});

test('top list 5: a file that needs more memory than the worker may use is refused by name and limit; the same file reads whole within the shipped cap', async () => {
  // 20,000 rows of distinct text: a few MB of heap, far above a 4 MB cap (the shipped cap is 128 MB).
  const lines = ['id;name;themes;description'];
  for (let i = 0; i < 20_000; i++) lines.push(`svc-${i};Service ${i} ${'x'.repeat(i % 50)};housing;${`Description distincte numéro ${i}. `.repeat(4)}`);
  const core = await newOpenCore();
  await signInSupervisor(core);
  const themes = directoryRepository(core.services.store.database()).listThemes();
  await assert.rejects(
    parseImportOffThread(csv(lines.join('\n')), 'lourd.csv', themes, undefined, MAX_IMPORT_BYTES, 4),
    (e: unknown) => {
      const err = e as { code?: string; reason?: string; params?: Record<string, unknown> };
      assert.equal(err.code, 'FileRejected');
      assert.equal(err.reason, 'import.needsMoreMemory');
      assert.deepEqual([err.params?.file, err.params?.mb], ['lourd.csv', 4]);
      return true;
    },
  );
  // Nothing of the refused worker stays in the way: the same file within the shipped cap reads whole.
  const parsed = await parseImportOffThread(csv(lines.join('\n')), 'lourd.csv', themes);
  assert.equal(parsed.valid.count, 20_000);
});
