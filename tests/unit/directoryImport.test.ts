import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { importDirectoryFile } from '../../src/directory/import/importFile.ts';
import { AppError } from '../../src/errors.ts';
import { fixturePath, importPath, seed, snapshot, writeTemp } from './helpers/directoryFiles.ts';
import { newOpenStore } from './helpers/tempStore.ts';

async function seeded() {
  const store = await newOpenStore();
  seed(store);
  return store;
}

async function assertFileRejected(file: string, message: RegExp): Promise<void> {
  const store = await seeded();
  const before = snapshot(store);
  await assert.rejects(importPath(store, file), (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, 'FileRejected');
    assert.match(e.message, message);
    return true;
  });
  assert.deepEqual(snapshot(store), before, 'store unchanged after a file-level fault');
  store.close();
}

test('";" with BOM and CRLF (Belgian Excel CSV UTF-8): every row imported, accents intact', async () => {
  const store = await seeded();
  const diff = await importPath(store, fixturePath('semicolon-bom.csv'));
  assert.equal(diff.encoding, 'utf-8-bom');
  assert.equal(diff.delimiter, ';');
  assert.deepEqual(diff.counts, { added: 1, changed: 1, unchanged: 0, rejected: 0 });
  assert.deepEqual(diff.changed[0]?.fields.includes('name'), true);
  const repo = directoryRepository(store.database());
  const resto = repo.getService('resto-coeur-sg');
  assert.equal(resto?.name, 'Restos du Cœur de Saint-Gilles');
  assert.deepEqual(resto?.communes_served, ['Saint-Gilles', 'Forest']);
  assert.deepEqual(resto?.languages, ['fr', 'ar']);
  assert.equal(repo.getService('cpas-ixelles')?.professional_contact, 'Ligne pro 02 000 00 01');
  assert.ok(repo.getService('seed-only'), 'services absent from the file are kept');
  assert.equal(repo.listNotes('seed-only').length, 1, 'notes survive an import');
  // The same file again: nothing to change.
  const again = await importPath(store, fixturePath('semicolon-bom.csv'));
  assert.deepEqual(again.counts, { added: 0, changed: 0, unchanged: 2, rejected: 0 });
  store.close();
});

test('Windows-1252 with é è œ is detected and converted', async () => {
  const store = await seeded();
  const diff = await importPath(store, fixturePath('windows-1252.csv'));
  assert.equal(diff.encoding, 'windows-1252');
  assert.equal(diff.counts.added, 2);
  const repo = directoryRepository(store.database());
  assert.equal(repo.getService('epi-schaerbeek')?.name, 'Épicerie sociale de Schaerbeek');
  assert.match(repo.getService('epi-schaerbeek')?.description ?? '', /réduits, cœur du quartier/);
  assert.match(repo.getService('maison-med')?.description ?? '', /première ligne, œuvre associative, accès après/);
  store.close();
});

test('"," UTF-8 without BOM, quoted cells with commas, doubled quotes and line breaks', async () => {
  const store = await seeded();
  const diff = await importPath(store, fixturePath('comma-utf8.csv'));
  assert.equal(diff.delimiter, ',');
  assert.equal(diff.encoding, 'utf-8');
  const s = directoryRepository(store.database()).getService('samu-social');
  assert.equal(s?.description, 'Hébergement d\'urgence, maraudes "nuit"');
  assert.equal(s?.hours, '24h/24\nnuméro gratuit');
  assert.deepEqual(s?.themes, ['shelter']);
  store.close();
});

test('file-level faults reject the whole file and change nothing', async () => {
  await assertFileRejected(writeTemp('empty.csv', ''), /empty/);
  await assertFileRejected(writeTemp('blank.csv', '  \r\n\r\n'), /empty/);
  await assertFileRejected(fixturePath('broken-quoting.csv'), /broken quoting/);
  await assertFileRejected(writeTemp('closing.csv', 'id;name\r\ns1;"CPAS"x;\r\n'), /broken quoting/);
  await assertFileRejected(writeTemp('stray.csv', 'id;name\r\ns1;Maison "Soleil\r\ns2;B\r\n'), /broken quoting.*line 2/);
  await assertFileRejected(fixturePath('header-only.csv'), /no service rows/);
  await assertFileRejected(fixturePath('no-header.csv'), /no recognisable directory header/);
  await assertFileRejected(writeTemp('names.csv', 'name;email\r\nA;a@b.be\r\n'), /no id/);
  await assertFileRejected(writeTemp('twice.csv', 'id;name;email;email\r\ns;S;a@b.be;c@d.be\r\n'), /appears twice/);
  const garbage = new Uint8Array(4096);
  let x = 12345;
  for (let i = 0; i < garbage.length; i++) garbage[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff;
  await assertFileRejected(writeTemp('garbage.csv', garbage), /not a text file|binary/);
  await assertFileRejected(writeTemp('png.csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), /binary|header/);
  await assertFileRejected(writeTemp('old.xls', Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex')), /old Excel/);
  await assertFileRejected(writeTemp('fake.xlsx', Buffer.from('PK\u0003\u0004not really a zip file at all')), /not a readable Excel/);
  await assertFileRejected(writeTemp('bad.json', '[{"id": "x", "name": '), /not valid JSON/);
  await assertFileRejected(writeTemp('obj.json', '{"hello": 1}'), /not an HSDS service list/);
});

test('unknown columns are ignored with a warning naming them', async () => {
  const store = await seeded();
  const diff = await importPath(store, fixturePath('unknown-columns.csv'));
  assert.equal(diff.counts.added, 1);
  assert.deepEqual(diff.warnings.map((w) => w.field), ['fax', 'Remarques internes']);
  assert.equal(directoryRepository(store.database()).getService('u1')?.email, 'u1@example.org');
  store.close();
});

test('row-level faults: each rejected row names its row number and field; valid rows still apply', async () => {
  const store = await seeded();
  const diff = await importPath(store, fixturePath('row-faults.csv'));
  const byRow = new Map(diff.rejected.map((r) => [r.row, r.problems.map((p) => p.field)]));
  assert.deepEqual([...byRow.keys()], [3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(byRow.get(3), ['id']);
  assert.deepEqual(byRow.get(4), ['name']);
  assert.deepEqual(byRow.get(5), ['id']);
  assert.match(diff.rejected.find((r) => r.row === 5)?.problems[0]?.message ?? '', /duplicate id "ok-1".*row 2/);
  assert.deepEqual(byRow.get(6), ['email']);
  assert.deepEqual(byRow.get(7), ['languages']);
  assert.deepEqual(byRow.get(8), ['last_verified']);
  assert.deepEqual(byRow.get(9), ['postcode']);
  assert.deepEqual(byRow.get(10), ['themes']);
  for (const r of diff.rejected) for (const p of r.problems) assert.equal(p.row, r.row);
  assert.deepEqual(diff.added.map((a) => [a.row, a.id]), [[2, 'ok-1'], [11, 'ok-2']]);
  const repo = directoryRepository(store.database());
  assert.equal(repo.getService('ok-1')?.name, 'Valid one', 'the first row with an id wins');
  assert.deepEqual(repo.getService('ok-2')?.languages, ['en']);
  assert.deepEqual(repo.getService('ok-2')?.themes, ['food'], 'a theme label is read as its code');
  for (const id of ['bad-email', 'bad-lang', 'bad-date', 'bad-postcode', 'bad-theme', 'no-name']) assert.equal(repo.getService(id), null);
  store.close();
});

test('an oversized cell rejects its row, naming the field', async () => {
  const store = await seeded();
  const big = 'x'.repeat(4001);
  const diff = await importPath(store, writeTemp('big.csv', `id;name;description\r\nbig;Big;${big}\r\nsmall;Small;ok\r\n`));
  assert.deepEqual(diff.rejected, [{ row: 2, id: 'big', problems: [{ row: 2, field: 'description', message: 'cell too long (4001 characters, at most 4000).' }] }]);
  assert.equal(diff.counts.added, 1);
  store.close();
});

test('a value beyond the last header column rejects the row instead of losing it', async () => {
  const store = await seeded();
  const diff = await importPath(store, writeTemp('extra.csv', 'id;name\r\na;A;stray\r\nb;B;\r\n'));
  assert.equal(diff.rejected[0]?.row, 2);
  assert.equal(diff.counts.added, 1);
  store.close();
});

test('dry-run reports the diff and writes nothing', async () => {
  const store = await seeded();
  const before = snapshot(store);
  const diff = await importPath(store, fixturePath('row-faults.csv'), true);
  assert.equal(diff.applied, false);
  assert.equal(diff.counts.added, 2);
  assert.deepEqual(snapshot(store), before);
  store.close();
});

test('formula-looking CSV cells stay text, never evaluated', async () => {
  const store = await seeded();
  await importPath(store, fixturePath('formulas.csv'));
  const repo = directoryRepository(store.database());
  assert.equal(repo.getService('f1')?.name, '=HYPERLINK("http://evil.example","Cliquez")');
  assert.equal(repo.getService('f1')?.description, "+cmd|' /C calc'!A0");
  assert.equal(repo.getService('f1')?.phone, '+32 2 000 00 03');
  assert.equal(repo.getService('f1')?.website, '@SUM(1+1)');
  assert.equal(repo.getService('f2')?.name, '-2+3');
  assert.equal(repo.getService('f2')?.description, '=1+1');
  store.close();
});

test('XLSX: first sheet, cells as text, formulas give their cached result or their text', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Répertoire');
  sheet.addRow(['id', 'name', 'postcode', 'description', 'website', 'last_verified', 'phone', 'Commentaire']);
  sheet.addRow(['x1', 'CPAS de Forest', 1190, { formula: 'HYPERLINK("http://evil.example","x")' }, { formula: 'CONCAT("https://","forest.example")', result: 'https://forest.example' }, new Date(Date.UTC(2025, 2, 14)), '+32 2 000 00 20', 'ignored']);
  sheet.addRow([]);
  sheet.addRow(['x2', { richText: [{ text: 'Maison ' }, { text: 'médicale', font: { bold: true } }] }, '1030', '=1+1', null, '2025-13-01']);
  wb.addWorksheet('Second').addRow(['id', 'name']);
  const file = writeTemp('dir.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  const store = await seeded();
  const diff = await importPath(store, file);
  assert.equal(diff.format, 'xlsx');
  assert.deepEqual(diff.warnings.map((w) => w.field), ['Commentaire']);
  assert.deepEqual(diff.added.map((a) => [a.row, a.id]), [[2, 'x1']]);
  assert.deepEqual(diff.rejected.map((r) => [r.row, r.problems.map((p) => p.field)]), [[4, ['last_verified']]]);
  const s = directoryRepository(store.database()).getService('x1');
  assert.equal(s?.postcode, '1190');
  assert.equal(s?.description, '=HYPERLINK("http://evil.example","x")');
  assert.equal(s?.website, 'https://forest.example');
  assert.equal(s?.last_verified, '2025-03-14');
  assert.equal(s?.phone, '+32 2 000 00 20');
  store.close();
});

test('HSDS 3.0 JSON: organization, locations, phones, schedules, languages, service areas mapped', async () => {
  const store = await seeded();
  const diff = await importPath(store, fixturePath('hsds.json'));
  assert.equal(diff.format, 'hsds');
  assert.deepEqual(diff.counts, { added: 2, changed: 0, unchanged: 0, rejected: 2 });
  assert.deepEqual(diff.rejected.map((r) => [r.row, r.problems[0]?.field]), [[3, 'email'], [4, 'row']]);
  assert.ok(diff.warnings.some((w) => /10-45/.test(w.message)), 'foreign taxonomy terms are ignored with a warning');
  const repo = directoryRepository(store.database());
  const a = repo.getService('hsds-cpas-anderlecht');
  assert.deepEqual(
    { org: a?.organization, alt: a?.alternate_name, themes: a?.themes, phone: a?.phone, hours: a?.hours, langs: a?.languages, areas: a?.communes_served, address: a?.address, postcode: a?.postcode, commune: a?.commune, verified: a?.last_verified, access: a?.access_conditions, web: a?.website },
    { org: 'CPAS d\'Anderlecht', alt: 'OCMW Anderlecht', themes: ['general', 'income'], phone: '+32 2 000 00 10', hours: 'MO,TU,WE,TH,FR 08:30–12:00', langs: ['fr', 'nl'], areas: ['Anderlecht'], address: 'Avenue Raymond Vander Bruggen 62', postcode: '1070', commune: 'Anderlecht', verified: '2025-01-15', access: 'Habiter Anderlecht', web: 'https://cpas-anderlecht.example' },
  );
  const b = repo.getService('hsds-infor-drogues');
  assert.equal(b?.status, 'inactive');
  assert.equal(b?.phone, '02 000 00 11 / 02 000 00 12 ext. 3');
  assert.deepEqual(b?.communes_served, ['*']);
  assert.equal(b?.postcode, '1000');
  store.close();
});

test('a theme added by a supervisor is accepted by the next import', async () => {
  const store = await seeded();
  const file = writeTemp('pets.csv', 'id;name;themes\r\npet1;Vétérinaire solidaire;pets\r\n');
  assert.equal((await importPath(store, file, true)).counts.rejected, 1);
  directoryRepository(store.database()).addTheme({ code: 'pets', labels: { fr: 'Animaux', nl: 'Dieren', en: 'Pets' } }, null, new Date());
  assert.equal((await importPath(store, file)).counts.added, 1);
  store.close();
});

test('apply is one transaction: a failure while writing leaves the store as it was', async () => {
  const store = await seeded();
  const before = snapshot(store);
  // A trigger makes the 3rd insert fail mid-way, after two rows were written.
  store.database().exec(`CREATE TEMP TRIGGER boom BEFORE INSERT ON services WHEN NEW.id = 'c' BEGIN SELECT RAISE(ABORT, 'boom'); END;`);
  const file = writeTemp('abc.csv', 'id;name\r\na;A\r\nb;B\r\nc;C\r\nd;D\r\n');
  await assert.rejects(importPath(store, file));
  assert.deepEqual(snapshot(store), before);
  store.close();
});

test('large file: progress is reported and 5,000 rows import in one go', async () => {
  const store = await seeded();
  const lines = ['id;name;themes;languages;postcode;communes_served'];
  for (let i = 0; i < 5000; i++) lines.push(`svc-${i};Service ${i};food|health;fr|nl;${1000 + (i % 200)};Ixelles|Forest`);
  const file = writeTemp('big.csv', `${lines.join('\r\n')}\r\n`);
  const seen: string[] = [];
  const t0 = performance.now();
  const diff = await importDirectoryFile(store.database(), (await import('node:fs')).readFileSync(file), 'big.csv', {
    dryRun: false,
    now: new Date(),
    onProgress: (p) => seen.push(`${p.phase}:${p.processed}/${p.total}`),
  });
  const ms = performance.now() - t0;
  assert.equal(diff.counts.added, 5000);
  assert.ok(seen.includes('checking:5000/5000') && seen.includes('writing:5000/5000'), seen.join(' '));
  assert.ok(ms < 10_000, `5,000 rows took ${ms.toFixed(0)} ms`);
  store.close();
});

test('a file with fewer columns updates only those: other stored fields (e.g. professional_contact) are kept', async () => {
  const store = await seeded();
  const diff = await importPath(store, writeTemp('partial.csv', 'id;name;phone\r\nseed-only;Renamed;02 000 00 99\r\nnew-one;New\r\n'));
  assert.deepEqual(diff.changed.map((c) => [c.id, c.fields]), [['seed-only', ['name', 'phone']]]);
  const s = directoryRepository(store.database()).getService('seed-only');
  assert.deepEqual([s?.name, s?.phone, s?.professional_contact, s?.themes], ['Renamed', '02 000 00 99', 'pro line', ['food']]);
  assert.equal(directoryRepository(store.database()).getService('new-one')?.status, 'active');
  // An empty cell in a present column does clear the field.
  await importPath(store, writeTemp('clear.csv', 'id;name;phone\r\nseed-only;Renamed;\r\n'));
  assert.equal(directoryRepository(store.database()).getService('seed-only')?.phone, null);
  store.close();
});

test('a JSON list in the flat field-name shape (the demo directory) is read field for field, nothing dropped', async () => {
  const session = await newOpenStore();
  const db = session.database();
  const bytes = fs.readFileSync(new URL('../../src/directory/demo/demoDirectory.json', import.meta.url));
  const diff = await importDirectoryFile(db, bytes, 'demoDirectory.json', { dryRun: false, now: new Date('2026-11-27T10:00:00Z') });
  assert.equal(diff.counts.rejected, 0);
  const demo = JSON.parse(bytes.toString('utf8')) as Array<Record<string, unknown>>;
  const stored = directoryRepository(db).getService(String(demo[5]?.id));
  assert.ok(stored);
  for (const f of ['postcode', 'commune', 'phone', 'themes', 'communes_served', 'address']) {
    assert.deepEqual((stored as unknown as Record<string, unknown>)[f], demo[5]?.[f], f);
  }
  session.close();
});
