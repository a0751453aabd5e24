import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main.ts';
import { seedDemoDirectory } from '../../src/directory/demo/seedDemoDirectory.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { canonicalFacts } from '../../src/reports/periodFacts.ts';
import { seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { readReportDocument } from '../../src/reports/reportJson.ts';
import { newOpenStore, tempDir, TEST_PASSPHRASE } from './helpers/tempStore.ts';

// relais-admin report, report merge, demo seed and supervisor: exit codes, files, and the
// regional merge checked against the report of one store holding the union of the calls.

const NOW = new Date('2026-03-18T15:30:00.000Z');
const PERIOD = ['--from', '2026-02-01', '--to', '2026-02-28'];

async function run(dir: string | null, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, ...(dir ? ['--data-dir', dir] : [])], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, { RELAIS_PASSPHRASE: TEST_PASSPHRASE });
  return { code, out, err };
}

/** A store holding the demo calls of the given (centre, seed) pairs. */
async function store(parts: ReadonlyArray<readonly [string, number]>, extraTheme = false): Promise<string> {
  const dir = tempDir();
  const s = await newOpenStore(dir);
  const db = s.database();
  seedDemoDirectory(db, NOW);
  for (const [centre, seed] of parts) seedDemoCalls(db, { calls: 700, days: 75, now: NOW, seed, centre });
  if (extraTheme) directoryRepository(db).addTheme({ code: 'covid', labels: { fr: 'Mesures Covid', nl: 'Covidmaatregelen', en: 'Covid rules' } }, null, NOW);
  s.close();
  return dir;
}

let worlds: Promise<{ a: string; b: string; union: string; out: string }> | null = null;
function world() {
  worlds ??= (async () => ({
    a: await store([['Centre A', 1]]),
    b: await store([['Centre B', 2]]),
    union: await store([
      ['Centre A', 1],
      ['Centre B', 2],
    ]),
    out: tempDir('relais-report-out-'),
  }))();
  return worlds;
}

test('report: internal JSON, XLSX, PDF and CSV are written; exit 0; a public one needs a supervisor (exit 1 otherwise)', async () => {
  const { a, out } = await world();
  for (const ext of ['json', 'xlsx', 'pdf', 'csv']) {
    const file = path.join(out, `a.${ext}`);
    const r = await run(a, 'report', ...PERIOD, '--out', file, '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).flavour, 'internal');
    assert.ok(fs.statSync(file).size > 500);
  }
  assert.equal(fs.readFileSync(path.join(out, 'a.pdf')).subarray(0, 4).toString(), '%PDF');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'a.xlsx'));
  assert.ok(wb.worksheets.length > 10);

  const refused = await run(a, 'report', ...PERIOD, '--public', '--as', 'Amina (démo)', '--out', path.join(out, 'p.pdf'));
  assert.equal(refused.code, 1);
  assert.match(refused.err, /Forbidden/);
  assert.equal(fs.existsSync(path.join(out, 'p.pdf')), false, 'nothing written');
  assert.equal((await run(a, 'report', ...PERIOD, '--public', '--out', path.join(out, 'p.pdf'))).code, 1);

  const granted = await run(a, 'supervisor', 'grant', 'Amina (démo)', '--json');
  assert.equal(granted.code, 0, granted.err);
  const ok = await run(a, 'report', ...PERIOD, '--public', '--as', 'Amina (démo)', '--out', path.join(out, 'p.pdf'));
  assert.equal(ok.code, 0, ok.err);
  assert.equal((await run(a, 'supervisor', 'revoke', 'Amina (démo)')).code, 0);
  assert.equal((await run(a, 'report', ...PERIOD, '--public', '--as', 'Amina (démo)', '--out', path.join(out, 'p2.pdf'))).code, 1);
  assert.equal((await run(a, 'report', '--from', '2026-02-30', '--to', '2026-03-01', '--out', path.join(out, 'bad.json'))).code, 1);
});

test('report merge equals the report of the union; disclosure control applied after the merge', async () => {
  const { a, b, union, out } = await world();
  for (const [dir, name] of [
    [a, 'A'],
    [b, 'B'],
    [union, 'U'],
  ] as const) {
    const r = await run(dir, 'report', ...PERIOD, '--format', 'json', '--out', path.join(out, `${name}.json`));
    assert.equal(r.code, 0, r.err);
  }
  const merged = await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'B.json'), '--internal', '--out', path.join(out, 'M.json'), '--json');
  assert.equal(merged.code, 0, merged.err);
  const m = readReportDocument(fs.readFileSync(path.join(out, 'M.json')), 'M.json');
  const u = readReportDocument(fs.readFileSync(path.join(out, 'U.json')), 'U.json');
  assert.deepEqual(canonicalFacts(m.facts!.current), canonicalFacts(u.facts!.current), 'merged facts = facts of the union');
  assert.deepEqual(canonicalFacts(m.facts!.previous), canonicalFacts(u.facts!.previous));
  assert.deepEqual(m.tables, u.tables, 'merged internal tables = tables of the union');
  assert.deepEqual(m.headline, u.headline);
  assert.deepEqual(m.centres, ['Centre A', 'Centre B']);

  const pub = await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'B.json'), '--out', path.join(out, 'MP.json'));
  assert.equal(pub.code, 0, pub.err);
  const mp = readReportDocument(fs.readFileSync(path.join(out, 'MP.json')), 'MP.json');
  const ua = await run(union, 'supervisor', 'grant', 'Hélène (démo)', '--centre', 'Centre A');
  assert.equal(ua.code, 0, ua.err);
  assert.equal((await run(union, 'report', ...PERIOD, '--format', 'json', '--public', '--as', 'Hélène (démo)', '--centre', 'Centre A', '--out', path.join(out, 'UP.json'))).code, 0);
  const up = readReportDocument(fs.readFileSync(path.join(out, 'UP.json')), 'UP.json');
  assert.equal(mp.flavour, 'public');
  assert.equal(mp.facts, null);
  assert.deepEqual(mp.tables, up.tables, 'the public merge is the public report of the union');
  // Suppressing each centre first would differ: a count of 3 + 4 is 7 once merged, published.
  const a1 = readReportDocument(fs.readFileSync(path.join(out, 'A.json')), 'A.json');
  assert.ok(a1.facts!.current.calls < m.facts!.current.calls);

  for (const ext of ['xlsx', 'pdf', 'csv']) {
    assert.equal((await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'B.json'), '--out', path.join(out, `bilan.${ext}`))).code, 0);
  }
});

test('report merge refuses overlapping duplicates, public files, other periods and other taxonomies unless mapped', async () => {
  const { a, b, out } = await world();
  const same = await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'A.json'), '--out', path.join(out, 'x.json'), '--json');
  assert.equal(same.code, 1);
  assert.equal(JSON.parse(same.out).error.code, 'Conflict');

  fs.copyFileSync(path.join(out, 'A.json'), path.join(out, 'A-copy.json'));
  const doc = JSON.parse(fs.readFileSync(path.join(out, 'A-copy.json'), 'utf8'));
  doc.source.storeIds = ['another-store'];
  fs.writeFileSync(path.join(out, 'A-copy.json'), JSON.stringify(doc));
  const centre = await run(null, 'report', 'merge', path.join(out, 'A-copy.json'), path.join(out, 'A.json'), '--out', path.join(out, 'x.json'), '--json');
  assert.equal(centre.code, 1, 'the same centre twice for the same period');
  assert.match(JSON.parse(centre.out).error.issues[0].message, /Centre A/);

  const pub = await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'MP.json'), '--out', path.join(out, 'x.json'), '--json');
  assert.equal(pub.code, 1);
  assert.equal(JSON.parse(pub.out).error.code, 'FileRejected');

  assert.equal((await run(b, 'report', '--from', '2026-02-01', '--to', '2026-02-27', '--out', path.join(out, 'B27.json'))).code, 0);
  const period = await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'B27.json'), '--out', path.join(out, 'x.json'), '--json');
  assert.equal(period.code, 1);
  assert.equal(JSON.parse(period.out).error.code, 'InvalidInput');

  const c = await store([['Centre C', 3]], true);
  assert.equal((await run(c, 'report', ...PERIOD, '--out', path.join(out, 'C.json'))).code, 0);
  const tax = await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'C.json'), '--out', path.join(out, 'x.json'), '--json');
  assert.equal(tax.code, 1);
  assert.match(JSON.parse(tax.out).error.message, /different theme lists/);
  const mapped = await run(null, 'report', 'merge', path.join(out, 'A.json'), path.join(out, 'C.json'), '--map-themes', 'covid=general', '--out', path.join(out, 'AC.json'), '--json');
  assert.equal(mapped.code, 0, mapped.err);
  assert.equal(fs.existsSync(path.join(out, 'x.json')), false, 'a refused merge writes nothing');
  void a;
});

test('demo seed: exit 0 and calls in the store; bad counts exit 1', async () => {
  const dir = tempDir();
  (await newOpenStore(dir)).close();
  const r = await run(dir, 'demo', 'seed', '--calls', '150', '--days', '10', '--json');
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.equal(json.calls, 150);
  assert.equal(json.directoryServices > 0, true);
  assert.equal((await run(dir, 'demo', 'seed', '--calls', '0')).code, 1);
  assert.equal((await run(dir, 'demo', 'seed', '--calls', 'many')).code, 1);
});
