import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { exportDirectory, type ExportOptions } from '../../src/directory/export/exportDirectory.ts';
import { notesCell } from '../../src/directory/export/flatRows.ts';
import { serviceSchema, type Service } from '../../src/directory/serviceSchema.ts';
import { importPath, snapshot, writeTemp } from './helpers/directoryFiles.ts';
import { newOpenStore } from './helpers/tempStore.ts';

// Awkward but valid services: formula-looking text everywhere, quotes, separators, line
// breaks, accents, an already-escaped value, empty optional fields and long lists.
const AWKWARD: Service[] = [
  serviceSchema.parse({
    id: 'a-1',
    name: '=HYPERLINK("http://evil.example","Cliquez")',
    alternate_name: "'=déjà échappé",
    organization: '@Org; "quoted", comma',
    description: 'Ligne 1\nLigne 2\r\nLigne 3 ; , " \' | fin',
    themes: ['food', 'housing', 'mental_health'],
    keywords: ['-moins', '+plus', '@at', '=egal', 'colis alimentaire', 'Cœur'],
    communes_served: ['*'],
    address: 'Rue de l\'Œillet 3',
    postcode: '1050',
    commune: 'Ixelles',
    phone: '+32 2 000 00 30',
    email: 'contact@org.example',
    website: 'https://org.example/a?b=c&d=e',
    hours: 'lun 9h-12h\nmar 14h-16h',
    languages: ['fr', 'nl', 'ar', 'tr'],
    audience: '-18 ans',
    access_conditions: '+ sur rendez-vous',
    professional_contact: 'Ligne pro : 02 000 00 31 (ne pas diffuser)',
    last_verified: '2025-04-30',
    status: 'inactive',
  }),
  serviceSchema.parse({ id: 'b-2', name: 'Service minimal' }),
  serviceSchema.parse({ id: 'c-3', name: 'Épicerie sociale « Le Panier »', themes: ['food'], communes_served: ['Schaerbeek', 'Evere'], postcode: '1030', professional_contact: 'pro c3' }),
];

async function storeWith(services: Service[]) {
  const store = await newOpenStore();
  directoryRepository(store.database()).upsertServices(services, new Date('2025-05-01T00:00:00Z'));
  return store;
}

const FLAVOURS: ExportOptions[] = [
  { format: 'csv', delimiter: ';' },
  { format: 'csv', delimiter: ',' },
  { format: 'xlsx' },
  { format: 'hsds' },
];

for (const opts of FLAVOURS) {
  test(`round trip ${opts.format}${opts.delimiter ? ` "${opts.delimiter}"` : ''}: import(export(x)) == x, field by field`, async () => {
    const source = await storeWith(AWKWARD);
    const file = await exportDirectory(source.database(), opts, new Date('2026-01-10T00:00:00Z'));
    const onDisk = writeTemp(file.fileName, file.bytes);
    const target = await newOpenStore();
    const diff = await importPath(target, onDisk);
    assert.deepEqual(diff.rejected, []);
    assert.deepEqual(diff.warnings, []);
    assert.equal(diff.counts.added, AWKWARD.length);
    assert.deepEqual(directoryRepository(target.database()).listServices(), directoryRepository(source.database()).listServices());
    // Re-importing into the source finds nothing to change.
    const before = snapshot(source);
    const again = await importPath(source, onDisk);
    assert.deepEqual(again.counts, { added: 0, changed: 0, unchanged: AWKWARD.length, rejected: 0 });
    assert.deepEqual(snapshot(source), before);
    source.close();
    target.close();
  });
}

test('CSV ";" starts with a UTF-8 BOM and uses CRLF; "," has no BOM', async () => {
  const store = await storeWith(AWKWARD);
  const semi = await exportDirectory(store.database(), { format: 'csv', delimiter: ';' }, new Date());
  assert.deepEqual([...semi.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(semi.bytes.toString('utf8').startsWith('\ufeffid;name;alternate_name;'));
  assert.ok(semi.bytes.toString('utf8').includes('\r\n'));
  const comma = await exportDirectory(store.database(), { format: 'csv', delimiter: ',' }, new Date());
  assert.ok(comma.bytes.toString('utf8').startsWith('id,name,alternate_name,'));
  store.close();
});

test('CSV export neutralises formula-looking cells with a leading apostrophe', async () => {
  const store = await storeWith([
    ...AWKWARD,
    serviceSchema.parse({ id: 'tab', name: 'Tab', description: 'x', hours: '@9h', phone: '-' }),
  ]);
  const file = await exportDirectory(store.database(), { format: 'csv', delimiter: ',' }, new Date());
  const text = file.bytes.toString('utf8');
  assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""Cliquez"")"`));
  assert.ok(text.includes("''=déjà échappé"));
  assert.ok(text.includes("'+32 2 000 00 30"));
  assert.ok(text.includes("'-moins|+plus|@at|=egal"));
  assert.ok(text.includes(",'@9h,"));
  // No cell of the file starts with a formula character.
  const { parse } = await import('csv-parse/sync');
  for (const row of parse(text) as string[][]) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
  store.close();
});

test('XLSX export: text cells only, formula-looking text neutralised, no formula cells', async () => {
  const store = await storeWith(AWKWARD);
  const file = await exportDirectory(store.database(), { format: 'xlsx' }, new Date());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  assert.ok(sheet);
  assert.equal(sheet.getRow(1).getCell(1).value, 'id');
  let cells = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      cells++;
      assert.equal(typeof cell.value, 'string', `cell ${cell.address} is text`);
      assert.doesNotMatch(String(cell.value), /^[=+\-@\t\r]/);
    }),
  );
  assert.ok(cells > 30);
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const name = sheet.getRow(2).getCell(header.indexOf('name') + 1).value;
  assert.equal(name, `'=HYPERLINK("http://evil.example","Cliquez")`);
  store.close();
});

for (const opts of FLAVOURS) {
  test(`public ${opts.format}${opts.delimiter ? ` "${opts.delimiter}"` : ''} export never carries professional_contact`, async () => {
    const store = await storeWith(AWKWARD);
    const file = await exportDirectory(store.database(), { ...opts, public: true }, new Date());
    assert.match(file.fileName, /public/);
    let text: string;
    if (opts.format === 'xlsx') {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
      const parts: string[] = [];
      wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => parts.push(String(c.value))));
      text = parts.join('\n');
    } else text = file.bytes.toString('utf8');
    assert.doesNotMatch(text, /professional_contact/);
    assert.doesNotMatch(text, /Ligne pro|pro c3/);
    // The default (IT) export keeps it.
    const full = await exportDirectory(store.database(), opts, new Date());
    if (opts.format !== 'xlsx') assert.match(full.bytes.toString('utf8'), /Ligne pro/);
    // A public file still imports (professional_contact simply absent).
    const target = await newOpenStore();
    const diff = await importPath(target, writeTemp(file.fileName, file.bytes));
    assert.equal(diff.counts.added, AWKWARD.length);
    assert.equal(directoryRepository(target.database()).getService('a-1')?.professional_contact, null);
    store.close();
    target.close();
  });
}

test('HSDS export shape: organization, phones, schedules, languages, service areas, locations, themes', async () => {
  const store = await storeWith(AWKWARD);
  const file = await exportDirectory(store.database(), { format: 'hsds' }, new Date());
  const json = JSON.parse(file.bytes.toString('utf8')) as Array<Record<string, unknown>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
  const a = json.find((s) => s.id === 'a-1') as Record<string, any>;
  assert.equal(a.organization.name, '@Org; "quoted", comma');
  assert.equal(a.phones[0].number, '+32 2 000 00 30');
  assert.equal(a.schedules[0].description, 'lun 9h-12h\nmar 14h-16h');
  assert.deepEqual(a.languages.map((l: { code: string }) => l.code), ['fr', 'nl', 'ar', 'tr']);
  assert.equal(a.service_areas[0].name, '*');
  assert.equal(a.service_at_locations[0].location.addresses[0].postal_code, '1050');
  assert.deepEqual(a.attributes.map((t: { taxonomy_term: { code: string } }) => t.taxonomy_term.code), ['food', 'housing', 'mental_health']);
  assert.equal(a.status, 'inactive');
  assert.equal(a.assured_date, '2025-04-30');
  assert.equal(path.extname(file.fileName), '.json');
  assert.ok(!fs.existsSync(file.fileName));
  store.close();
});

test('a reachability note is dated by the Brussels day it was written, not the UTC one', () => {
  // 23:30 UTC on 20 November is 00:30 on the 21st in Brussels (winter, UTC+1); in July 22:30 UTC is already the next day (UTC+2).
  const cell = notesCell([
    { created_at: '2025-11-20T23:30:00.000Z', kind: 'unreachable', text: 'no answer', responder: 'Marie' },
    { created_at: '2025-07-14T22:30:00.000Z', kind: 'info', text: 'moved', responder: 'Samir' },
    { created_at: '2025-07-14T21:30:00.000Z', kind: 'info', text: 'late', responder: 'Samir' },
  ]);
  assert.equal(cell, '2025-11-21 · unreachable · Marie: no answer\n2025-07-15 · info · Samir: moved\n2025-07-14 · info · Samir: late');
});
