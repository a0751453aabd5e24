// Directory import at the limits (issue 12): peak memory and how long the store's thread is
// blocked, parsed in the worker thread (what the app does) against the obvious baseline, the
// same parse on the main thread. Target: peak memory of an import at the limits ≤ 400 MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { parseImport } from '../src/directory/import/importFile.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../src/directory/import/importLimits.ts';
import { parseImportOffThread } from '../src/directory/import/parseOffThread.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-import-bench-'));

function csvAtLimits(): Buffer {
  const lines = ['id;name;themes;phone;description'];
  let size = lines[0]!.length + 1;
  for (let i = 0; size < MAX_IMPORT_BYTES - 400 && i < MAX_IMPORT_ROWS; i++) {
    const line = `svc-${i};Service social numéro ${i};general;02 ${100 + (i % 900)} ${10 + (i % 90)} ${10 + (i % 89)};${'Accueil et orientation sociale, permanence du lundi au vendredi. '.repeat(2)}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function xlsxAtLimits(): Promise<Buffer> {
  const file = path.join(dir, 'limits.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Services');
  ws.addRow(['id', 'name', 'themes', 'phone', 'email', 'website', 'address', 'postcode', 'commune', 'hours', 'description', 'languages']).commit();
  for (let i = 0; i < MAX_IMPORT_ROWS; i++) {
    ws.addRow([`svc-${i}`, `Service social numéro ${i}`, 'general', `02 ${100 + (i % 900)} ${10 + (i % 90)} ${10 + (i % 89)}`, `info${i}@example.be`, `https://example.be/s/${i}`, `Rue de la Loi ${i % 200}`, String(1000 + (i % 210)), 'Bruxelles', 'lun-ven 9-17', `Accueil et orientation, service ${i}.`, 'fr|nl']).commit();
  }
  ws.commit();
  await wb.commit();
  return fs.readFileSync(file);
}

async function measure(run: () => Promise<unknown>): Promise<{ peakMb: number; seconds: number; maxBlockMs: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = performance.now();
  await run();
  const seconds = (performance.now() - t0) / 1000;
  h.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { peakMb: peak / 1048576, seconds, maxBlockMs: h.max / 1e6 };
}

const csv = csvAtLimits();
const xlsx = await xlsxAtLimits();
const rows: string[] = [];
for (const [label, bytes, name] of [
  [`CSV ${(csv.length / 1048576).toFixed(1)} MB`, csv, 'limits.csv'],
  [`XLSX ${(xlsx.length / 1048576).toFixed(1)} MB, ${MAX_IMPORT_ROWS.toLocaleString('en')} rows × 12 columns`, xlsx, 'limits.xlsx'],
] as const) {
  const worker = await measure(() => parseImportOffThread(bytes, name, []));
  const inline = await measure(() => parseImport(bytes, name, []));
  rows.push(`| ${label} | worker thread (the app) | ${worker.peakMb.toFixed(0)} | ${worker.seconds.toFixed(1)} | ${worker.maxBlockMs.toFixed(0)} |`);
  rows.push(`| ${label} | main thread (baseline) | ${inline.peakMb.toFixed(0)} | ${inline.seconds.toFixed(1)} | ${inline.maxBlockMs.toFixed(0)} |`);
}
fs.rmSync(dir, { recursive: true, force: true });

console.log(`## Directory import at the limits (bench/import.bench.ts)

Files at the import limits (issue 12): ${MAX_IMPORT_ROWS.toLocaleString('en')} rows or ${MAX_IMPORT_BYTES / 1048576} MB. Peak memory is the whole process's RSS
(the worker thread lives in it), sampled every 10 ms; "longest block" is the longest the thread that holds the store could
not answer (event-loop delay). Baseline: the same parse on that thread. Target: peak ≤ 400 MB.

| File | Parsed on | Peak RSS (MB) | Time (s) | Longest block of the store's thread (ms) |
|---|---|---|---|---|
${rows.join('\n')}`);
