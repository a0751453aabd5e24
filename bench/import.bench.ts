// Directory import at the limits (issue 12): peak memory and how long the store's thread is
// blocked, parsed in the worker thread (what the app does) against the obvious baseline, the
// same parse on the main thread. Target: peak memory of an import at the limits ≤ 400 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import crypto from 'node:crypto';
import { applyImport, parseImport, previewImport } from '../src/directory/import/importFile.ts';
import { directoryRepository } from '../src/directory/directoryRepository.ts';
import { migrate } from '../src/store/migrate.ts';
import { openDatabase } from '../src/store/openDatabase.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../src/directory/import/importLimits.ts';
import { parseImportOffThread } from '../src/directory/import/parseOffThread.ts';

// The children get their file's path; only the parent makes (and removes) the folder.
const dir = process.argv[2] === '--one' ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'relais-import-bench-'));

function csvAtLimits(): Buffer {
  const lines = ['id;name;themes;phone;description'];
  let size = lines[0]!.length + 1;
  for (let i = 0; size < MAX_IMPORT_BYTES - 400 && i < MAX_IMPORT_ROWS; i++) {
    const line = `svc-${i};Service social numéro ${i};housing;02 ${100 + (i % 900)} ${10 + (i % 90)} ${10 + (i % 89)};${'Accueil et orientation sociale, permanence du lundi au vendredi. '.repeat(2)}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function xlsxAtLimits(): Promise<void> {
  const file = path.join(dir, 'limits.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Services');
  ws.addRow(['id', 'name', 'themes', 'phone', 'email', 'website', 'address', 'postcode', 'commune', 'hours', 'description', 'languages']).commit();
  for (let i = 0; i < MAX_IMPORT_ROWS; i++) {
    ws.addRow([`svc-${i}`, `Service social numéro ${i}`, 'housing', `02 ${100 + (i % 900)} ${10 + (i % 90)} ${10 + (i % 89)}`, `info${i}@example.be`, `https://example.be/s/${i}`, `Rue de la Loi ${i % 200}`, String(1000 + (i % 210)), 'Bruxelles', 'lun-ven 9-17', `Accueil et orientation, service ${i}.`, 'fr|nl']).commit();
  }
  ws.commit();
  await wb.commit();
}

interface Figures {
  /** The process's resident-memory high-water mark (kernel maxRSS): it counts every thread, the worker too. */
  peakMb: number;
  /** The same, sampled every 10 ms from inside (a cross-check of the kernel's figure). */
  sampledPeakMb: number;
  /** RSS before the import began: Node, the modules and the file's bytes. */
  startMb: number;
  readSeconds: number;
  previewSeconds: number;
  applySeconds: number;
  /** Longest event-loop block of the store's thread while the file was read, checked and previewed. */
  maxBlockMs: number;
  encodedMb: number;
}

/**
 * One whole import into a fresh encrypted store, as the app does it: read and check the file,
 * preview (what the responder sees), then apply (one transaction). Runs in a process of its own
 * (see the end of this file), so its peak is this import's and nothing else's.
 */
async function measure(file: string, mode: 'worker' | 'main'): Promise<Figures> {
  const bytes = fs.readFileSync(file);
  const name = path.basename(file);
  const db = openDatabase(path.join(path.dirname(file), `store-${mode}-${crypto.randomUUID()}.db`), crypto.randomBytes(32), { create: true });
  migrate(db);
  const themes = directoryRepository(db).listThemes();
  (globalThis as { gc?: () => void }).gc?.();
  const startMb = process.memoryUsage().rss / 1048576;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  // The histogram records the gap between two ticks of its timer: let it tick once first, or a
  // block that starts at once (a parse on this thread) is never seen.
  await new Promise((r) => setTimeout(r, 50));
  const phases: number[] = [];
  const t0 = performance.now();
  const parsed = mode === 'worker' ? await parseImportOffThread(bytes, name, themes) : await parseImport(bytes, name, themes);
  if (parsed.rejected.length > 0) throw new Error(`expected every row valid: ${JSON.stringify(parsed.rejected[0])}`);
  const t1 = performance.now();
  phases.push(peak);
  await previewImport(db, parsed);
  const t2 = performance.now();
  phases.push(peak);
  h.disable();
  applyImport(db, parsed, new Date());
  const t3 = performance.now();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  phases.push(peak);
  if (process.env.BENCH_IMPORT_PHASES) console.error(mode, path.basename(file), 'peak after read/preview/apply (MB):', phases.map((p) => (p / 1048576).toFixed(0)).join(' / '));
  const stored = directoryRepository(db).countServices();
  if (stored !== parsed.valid.count) throw new Error(`${stored} services stored of ${parsed.valid.count}`);
  db.close();
  return {
    peakMb: (process.resourceUsage().maxRSS * 1024) / 1048576,
    sampledPeakMb: peak / 1048576,
    startMb,
    readSeconds: (t1 - t0) / 1000,
    previewSeconds: (t2 - t1) / 1000,
    applySeconds: (t3 - t2) / 1000,
    maxBlockMs: h.max / 1e6,
    encodedMb: parsed.valid.bytes / 1048576,
  };
}

/** Runs one import in a child process of this script and returns its figures. */
function inChild(file: string, mode: 'worker' | 'main'): Figures {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--one', file, mode], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`import bench child (${mode}, ${path.basename(file)}) exited ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Figures;
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await measure(process.argv[3] as string, process.argv[4] as 'worker' | 'main')));
  process.exit(0);
}

const csvFile = path.join(dir, 'limits.csv');
fs.writeFileSync(csvFile, csvAtLimits());
const xlsxFile = path.join(dir, 'limits.xlsx');
await xlsxAtLimits();
const rows: string[] = [];
const row = (label: string, on: string, f: Figures) =>
  `| ${label} | ${on} | **${f.peakMb.toFixed(0)}** (${f.sampledPeakMb.toFixed(0)}) | ${f.startMb.toFixed(0)} | ${f.readSeconds.toFixed(1)} | ${f.previewSeconds.toFixed(1)} | ${f.applySeconds.toFixed(1)} | ${f.maxBlockMs.toFixed(0)} |`;
let encoded = 0;
const size = (f: string) => (fs.statSync(f).size / 1048576).toFixed(1);
for (const [label, file] of [
  [`CSV ${size(csvFile)} MB, ${MAX_IMPORT_ROWS.toLocaleString('en')} rows × 5 columns`, csvFile],
  [`XLSX ${size(xlsxFile)} MB, ${MAX_IMPORT_ROWS.toLocaleString('en')} rows × 12 columns`, xlsxFile],
] as const) {
  const worker = inChild(file, 'worker');
  const inline = inChild(file, 'main');
  encoded = Math.max(encoded, worker.encodedMb);
  rows.push(row(label, 'worker thread (the app)', worker));
  rows.push(row(label, 'main thread (baseline)', inline));
}
fs.rmSync(dir, { recursive: true, force: true });

console.log(`## Directory import at the limits (bench/import.bench.ts)

Files at the import limits (issue 12): ${MAX_IMPORT_ROWS.toLocaleString('en')} rows or ${MAX_IMPORT_BYTES / 1048576} MB, imported whole into a fresh encrypted
store — read and check, preview, apply (one transaction) — each in a process of its own. Peak memory is that process's
resident high-water mark as the kernel counts it (maxRSS: every thread, the worker's too, and Node itself); in brackets
the same sampled every 10 ms from inside. "Longest block" is the longest the thread that holds the store could not
answer while the file was read, checked and previewed (event-loop delay; applying is one write transaction and blocks
by design). Baseline: the same read and check on the store's thread. Target: peak ≤ 400 MB.
Load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) when the bench ended, on ${os.cpus().length} cores: times are loaded.

| File | Read and checked on | Peak RSS (MB) | RSS at start (MB) | Read + check (s) | Preview (s) | Apply (s) | Longest block, read to preview (ms) |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

The valid rows cross from the worker as JSON batches of 500 (transferred, not copied) and stay encoded
(${encoded.toFixed(0)} MB for the largest file) until preview and apply decode them one batch at a time.`);
