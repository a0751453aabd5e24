// Reports benchmark: `node bench/reports.bench.ts` prints a Markdown section on stdout.
// A real encrypted store filled with 100,000 demo calls over a year (through the call console's
// and the callbacks' repositories, as `relais-admin demo seed` does), then:
// 1. the period report computed (facts of the period and of the previous one in one pass per
//    table, the report built, internal and public with disclosure control) — against two
//    baselines measured in the same run: a naive per-call aggregation in JavaScript (each
//    call's record read through the repository) and per-theme × commune SQL queries for the
//    commune × theme table alone;
// 2. the XLSX and the PDF (pdfkit, the CLI's path) of that report;
// 3. memory: heap and RSS after each step, and the process's peak RSS.
// Targets (issue 7): report ≤ 500 ms, XLSX ≤ 3 s, PDF ≤ 10 s. Not a timed test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callbacksRepository } from '../src/callbacks/callbacksRepository.ts';
import { callsRepository } from '../src/calls/callsRepository.ts';
import { seedDemoDirectory } from '../src/directory/demo/seedDemoDirectory.ts';
import { COMMUNE_ORDER } from '../src/domain/reportLabels.ts';
import { collectPeriods } from '../src/reports/collectFacts.ts';
import { seedDemoCalls } from '../src/reports/demoSeed.ts';
import { exportReport } from '../src/reports/exportReport.ts';
import { factsFromCalls, type ReportCall } from '../src/reports/factsFromCalls.ts';
import { canonicalFacts } from '../src/reports/periodFacts.ts';
import { periodInstants, previousPeriod } from '../src/reports/periodTime.ts';
import { bundleFromInput, reportInputFromStore, storeThemes } from '../src/reports/reportService.ts';
import { serviceKind } from '../src/reports/serviceKinds.ts';
import type { Db } from '../src/store/openDatabase.ts';
import { StoreSession } from '../src/store/storeSession.ts';

const CALLS = Number(process.env.BENCH_REPORT_CALLS ?? 100_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const NOW = new Date('2026-06-30T15:00:00.000Z');
const FROM = '2025-07-01';
const TO = '2026-06-30';
const MONTH = ['2026-05-01', '2026-05-31'] as const;

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

function memory(): string {
  gc();
  const m = process.memoryUsage();
  return `heap ${mb(m.heapUsed)}, RSS ${mb(m.rss)}`;
}

/** Baseline 1: every call read back through the repository, then counted call by call. */
function naivePerCall(db: Db, from: string, to: string) {
  const { startIso, endIso } = periodInstants(from, to);
  const repo = callsRepository(db);
  const callbacks = callbacksRepository(db);
  const firstTheme = new Map(db.prepare(`SELECT id, json_extract(themes, '$[0]') FROM services`).raw().all() as Array<[string, string | null]>);
  const ids = db.prepare(`SELECT id, started_at, status, duration_ms FROM calls WHERE started_at >= ? AND started_at < ?`).all(startIso, endIso) as Array<{ id: string; started_at: string; status: ReportCall['status']; duration_ms: number | null }>;
  const calls: ReportCall[] = ids.map((c) => {
    const r = repo.record(c.id);
    return {
      startedAt: c.started_at,
      status: c.status,
      durationMs: c.duration_ms,
      callerType: r.callerType,
      language: r.language,
      interpreter: r.interpreter,
      commune: r.commune,
      callerHistory: r.callerHistory,
      heardFrom: r.heardFrom,
      resolution: r.resolution,
      unmetNeed: r.unmetNeed,
      themes: r.themes,
      interventions: r.interventions,
      referrals: r.referrals.map((x) => ({ kind: serviceKind(x.serviceId, x.serviceName, firstTheme.get(x.serviceId)), contacted: x.contacted, outcome: x.outcome })),
      callbacks: callbacks.listForCall(c.id).map((b) => b.status),
    };
  });
  return factsFromCalls(calls, from, to);
}

/** Baseline 2: the commune × theme table by one COUNT query per theme and commune. */
function perThemeQueries(db: Db, from: string, to: string): number {
  const { startIso, endIso } = periodInstants(from, to);
  const q = db.prepare(
    `SELECT count(*) FROM call_themes t JOIN calls c ON c.id = t.call_id WHERE t.theme_code = ? AND coalesce(c.commune, 'unknown') = ? AND c.started_at >= ? AND c.started_at < ? AND c.status <> 'active'`,
  );
  let total = 0;
  for (const theme of storeThemes(db)) for (const commune of COMMUNE_ORDER) total += q.pluck().get(theme.code, commune, startIso, endIso) as number;
  return total;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-reports-'));
  const session = new StoreSession({ dataDir: dir, scrypt: { N: 2 ** 12, r: 8, p: 1 } });
  await session.init('benchmark recovery passphrase');
  const db = session.database();
  seedDemoDirectory(db, NOW);
  const seeded = time(() => seedDemoCalls(db, { calls: CALLS, days: 365, now: NOW, seed: 7 }));
  const dbBytes = fs.statSync(path.join(dir, 'relais.db')).size + (fs.existsSync(path.join(dir, 'relais.db-wal')) ? fs.statSync(path.join(dir, 'relais.db-wal')).size : 0);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const memSeeded = memory();

  const generator = 'Relais bench';
  // 1. The period report (a year: 100,000 calls; its previous year is empty) and a month.
  const clearCache = () => db.prepare('DELETE FROM report_day_facts').run();
  const publicReport = (from: string, to: string) => {
    const inp = reportInputFromStore(db, { from, to, now: NOW, generator });
    return { inp, bundle: bundleFromInput(inp, 'public', [inp.storeId]) };
  };
  // First report over the year: every day of both periods computed in one pass, kept.
  clearCache();
  const cold = time(() => publicReport(FROM, TO));
  const factsRuns: number[] = [];
  const internalRuns: number[] = [];
  const publicRuns: number[] = [];
  let input = cold.value.inp;
  for (let i = 0; i < RUNS; i++) {
    const f = time(() => reportInputFromStore(db, { from: FROM, to: TO, now: NOW, generator }));
    input = f.value;
    factsRuns.push(f.ms);
    internalRuns.push(f.ms + time(() => bundleFromInput(input, 'internal', [input.storeId])).ms);
    publicRuns.push(f.ms + time(() => bundleFromInput(input, 'public', [input.storeId])).ms);
  }
  // A day's record changes (as during a shift): that day alone is computed again.
  const changedRuns: number[] = [];
  const someCall = db.prepare(`SELECT id FROM calls WHERE started_at >= '2026-06-10' AND started_at < '2026-06-11' LIMIT 1`).pluck().get() as string;
  const repo = callsRepository(db);
  for (let i = 0; i < RUNS; i++) {
    const rec = repo.record(someCall);
    repo.saveRecord(someCall, { ...rec, commune: i % 2 ? 'ixelles' : 'forest' }, NOW);
    changedRuns.push(time(() => publicReport(FROM, TO)).ms);
  }
  const memReport = memory();
  const directRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) directRuns.push(time(() => collectPeriods(db, [{ from: FROM, to: TO }, previousPeriod(FROM, TO)])).ms);
  clearCache();
  const monthCold = time(() => publicReport(MONTH[0], MONTH[1]));
  const monthRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) monthRuns.push(time(() => publicReport(MONTH[0], MONTH[1])).ms);
  const cachedRows = db.prepare('SELECT count(*), coalesce(sum(length(facts)), 0) FROM report_day_facts').raw().get() as [number, number];

  // Baselines, same store, same period.
  const naive = time(() => naivePerCall(db, FROM, TO));
  const prev = previousPeriod(FROM, TO);
  const naivePrev = time(() => naivePerCall(db, prev.from, prev.to));
  const agree = JSON.stringify(canonicalFacts(naive.value)) === JSON.stringify(canonicalFacts(reportInputFromStore(db, { from: FROM, to: TO, now: NOW, generator }).current));
  const perTheme = time(() => perThemeQueries(db, FROM, TO));

  // 2. Files.
  const internal = bundleFromInput(input, 'internal', [input.storeId]);
  const pub = bundleFromInput(input, 'public', [input.storeId]);
  const xlsx = await timeAsync(() => exportReport(pub, { format: 'xlsx', delimiter: ';', lang: 'fr' }));
  const xlsxInternal = await timeAsync(() => exportReport(internal, { format: 'xlsx', delimiter: ';', lang: 'fr' }));
  const pdf = await timeAsync(() => exportReport(pub, { format: 'pdf', delimiter: ';', lang: 'fr' }));
  const pdfInternal = await timeAsync(() => exportReport(internal, { format: 'pdf', delimiter: ';', lang: 'fr' }));
  const csv = await timeAsync(() => exportReport(pub, { format: 'csv', delimiter: ';', lang: 'fr' }));
  const json = await timeAsync(() => exportReport(internal, { format: 'json', delimiter: ';', lang: 'fr' }));
  const pages = pdf.value.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  const pagesInternal = pdfInternal.value.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  const memFiles = memory();
  const peak = process.resourceUsage().maxRSS * 1024;

  const themeCount = storeThemes(db).length;
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const load = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  const f1 = (x: number) => `${x.toFixed(1)} ms`;
  const s2 = (x: number) => `${(x / 1000).toFixed(2)} s`;
  const calls = input.current.calls;
  console.log(`## Reports (issue 7)

Encrypted store with ${CALLS.toLocaleString('en')} demo calls over a year (${input.current.requests.toLocaleString('en')} requests; seeded through the calls and callbacks repositories in ${s2(seeded.ms)}, ${seeded.value.callbacks.toLocaleString('en')} callbacks, database ${mb(dbBytes)}). Period: ${FROM} – ${TO} (${calls.toLocaleString('en')} calls) with the previous year alongside; ${RUNS} warm runs, median. Load average at the end (1/5/15 min): ${load} on ${os.cpus().length} cores — other work on the machine inflates every figure.

| Step | Time | Target | Baseline (same run) |
|---|---|---|---|
| Period report (public), first ever on this store: all ${2 * 365} days of both periods computed in one pass and kept | ${f1(cold.ms)} | | |
| Period report, internal, warm (days kept; median) | ${f1(median(internalRuns))} | ≤ 500 ms | naive per-call aggregation of the same facts: ${s2(naive.ms + naivePrev.ms)} (${naive.value.calls.toLocaleString('en')} records read through the repository; same counts: ${agree ? 'yes' : 'NO'}) |
| Period report, public, warm (+ disclosure control and its recoverability check) | ${f1(median(publicRuns))} | ≤ 500 ms | |
| Period report, public, after a call record of the period changed (its day recomputed) | ${f1(median(changedRuns))} | ≤ 500 ms | |
| Facts of both periods without the day cache (one pass per table) | ${f1(median(directRuns))} | | the commune × theme table alone by one COUNT per theme × commune (${themeCount}×${COMMUNE_ORDER.length} queries): ${s2(perTheme.ms)} |
| Public report of one month (${MONTH[0]} – ${MONTH[1]}), first / warm | ${f1(monthCold.ms)} / ${f1(median(monthRuns))} | | |
| XLSX, public (${pub.report.tables.length} table sheets) | ${s2(xlsx.ms)} (${kb(xlsx.value.bytes.length)}) | ≤ 3 s | internal: ${s2(xlsxInternal.ms)} |
| PDF, public (pdfkit, CLI path; ${pages} A4 pages, vector charts) | ${s2(pdf.ms)} (${kb(pdf.value.bytes.length)}) | ≤ 10 s | internal: ${s2(pdfInternal.ms)}, ${pagesInternal} pages |
| CSV (public, ;) / JSON (internal, with facts) | ${f1(csv.ms)} / ${f1(json.ms)} | | |

Day cache after the runs: ${cachedRows[0]} days kept, ${kb(cachedRows[1])} of facts.
Memory: after seeding ${memSeeded}; after the report runs ${memReport}; after the files ${memFiles}; peak RSS of the process ${mb(peak)} (seeding 100,000 calls and the naive baseline's records dominate it; the report itself keeps its heap near ${mb(process.memoryUsage().heapUsed)}).
How: a period's facts are the sum of its days' facts, each day computed once and kept in report_day_facts, which triggers empty for a day when anything it counts changes (migration 005). Missing days are computed in one pass: the calls from a covering index in id order merge-joined with their themes, interventions, referrals and callbacks, each table read once (the store is encrypted: each page read once is each page decrypted once).`);
}

await main();
