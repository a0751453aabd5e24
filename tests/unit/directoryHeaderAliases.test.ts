import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { exportDirectory } from '../../src/directory/export/exportDirectory.ts';
import { readDateCell } from '../../src/directory/import/belgianDate.ts';
import { splitListCell } from '../../src/directory/import/cells.ts';
import { fieldForHeader, HEADER_ALIASES } from '../../src/directory/import/headerAliases.ts';
import { SERVICE_FIELDS } from '../../src/directory/serviceSchema.ts';
import { fixturePath, importPath, seed, writeTemp } from './helpers/directoryFiles.ts';
import { newOpenStore } from './helpers/tempStore.ts';

// Issue 17, point 3: the federation's sheet as it is — French and Dutch headers, Belgian dates,
// list cells with | ; or line breaks.

test('French and Dutch headers name the fields, case- and accent-insensitive', () => {
  const cases: Record<string, string> = {
    nom: 'name', NAAM: 'name', 'Téléphone': 'phone', telephone: 'phone', TELEFOON: 'phone', commune: 'commune', Gemeente: 'commune',
    'Thématiques': 'themes', thematiques: 'themes', "Thema's": 'themes', 'thema’s': 'themes', Horaires: 'hours', openingsuren: 'hours',
    Langues: 'languages', talen: 'languages', Public: 'audience', doelgroep: 'audience', "Conditions d'accès": 'access_conditions',
    'conditions d’acces': 'access_conditions', Toegangsvoorwaarden: 'access_conditions', 'Dernière vérification': 'last_verified',
    'DERNIERE VERIFICATION :': 'last_verified', 'Laatste controle': 'last_verified', 'Mots-clés': 'keywords', 'Code postal': 'postcode',
    'E-mail': 'email', courriel: 'email', 'Site web': 'website', 'Communes desservies': 'communes_served', 'last-verified': 'last_verified',
    ' Professional_Contact ': 'professional_contact',
  };
  for (const [header, field] of Object.entries(cases)) assert.equal(fieldForHeader(header), field, header);
  for (const f of SERVICE_FIELDS) assert.equal(fieldForHeader(f), f, `the canonical name ${f}`);
  assert.equal(fieldForHeader('Fax'), null);
  assert.equal(fieldForHeader('Remarques internes'), null);
});

test('no alias means two different fields', () => {
  const owner = new Map<string, string>();
  for (const [field, aliases] of Object.entries(HEADER_ALIASES)) {
    for (const a of [field, ...aliases]) {
      const got = fieldForHeader(a);
      assert.equal(got, field, `"${a}" is listed for ${field} but read as ${got}`);
      owner.set(a, field);
    }
  }
});

test('Belgian date forms, ISO, date-times and Excel serials become YYYY-MM-DD', () => {
  assert.equal(readDateCell('15/03/2025'), '2025-03-15');
  assert.equal(readDateCell('15-03-2025'), '2025-03-15');
  assert.equal(readDateCell('15.03.2025'), '2025-03-15');
  assert.equal(readDateCell('1/3/2025'), '2025-03-01');
  assert.equal(readDateCell('01/03/25'), '2025-03-01');
  assert.equal(readDateCell('2025-03-15'), '2025-03-15');
  assert.equal(readDateCell('2025-03-15T10:20:00Z'), '2025-03-15');
  assert.equal(readDateCell('29/02/2024'), '2024-02-29', 'a leap day');
  assert.equal(readDateCell('45731'), '2025-03-15', 'Excel serial day number');
  assert.equal(readDateCell('29/02/2025'), '29/02/2025', 'no such day: left for the schema to refuse');
  assert.equal(readDateCell('03/15/2025'), '03/15/2025', 'month-first (US) is not a Belgian date');
  assert.equal(readDateCell('1190'), '1190');
  assert.equal(readDateCell(''), '');
});

test('list cells split on |, ; and line breaks', () => {
  assert.deepEqual(splitListCell('fr|nl'), ['fr', 'nl']);
  assert.deepEqual(splitListCell('fr; nl ;en'), ['fr', 'nl', 'en']);
  assert.deepEqual(splitListCell('fr\nnl\r\nen'), ['fr', 'nl', 'en']);
  assert.deepEqual(splitListCell(' | ; '), []);
  assert.deepEqual(splitListCell(''), []);
});

test('a CSV with French/Dutch headers and Belgian dates imports; the preview lists how each column was read', async () => {
  const store = await newOpenStore();
  seed(store);
  const diff = await importPath(store, fixturePath('federation-fr-nl.csv'));
  assert.deepEqual(
    diff.columns.map((c) => [c.header, c.field]),
    [
      ['Identifiant', 'id'], ['Nom', 'name'], ['Organisatie', 'organization'], ['Thématiques', 'themes'], ['Téléphone', 'phone'],
      ['Gemeente', 'commune'], ['Code postal', 'postcode'], ['Horaires', 'hours'], ['Langues', 'languages'], ['Public', 'audience'],
      ['Conditions d’accès', 'access_conditions'], ['Dernière vérification', 'last_verified'], ['Mots-clés', 'keywords'], ['Fax', null],
    ],
  );
  assert.deepEqual(diff.warnings.map((w) => w.field), ['Fax']);
  assert.deepEqual(diff.added.map((a) => a.id), ['fed-1', 'fed-2', 'fed-3']);
  assert.deepEqual(diff.rejected.map((r) => [r.id, r.problems.map((p) => p.field)]), [['fed-4', ['last_verified']]]);
  const repo = directoryRepository(store.database());
  const one = repo.getService('fed-1');
  assert.equal(one?.last_verified, '2025-03-15');
  assert.deepEqual(one?.languages, ['fr', 'nl'], '";" inside a cell separates list items');
  assert.deepEqual(one?.themes, ['food'], 'a theme label is read as its code');
  assert.equal(one?.access_conditions, 'Sur orientation');
  assert.deepEqual(repo.getService('fed-2')?.languages, ['nl', 'fr', 'en'], 'one item per line');
  assert.equal(repo.getService('fed-2')?.last_verified, '2025-03-15');
  assert.equal(repo.getService('fed-3')?.last_verified, '2025-03-15');
  assert.deepEqual(repo.getService('fed-3')?.keywords, ['avocat', 'pro deo']);
  // Export keeps the canonical names.
  const csv = (await exportDirectory(store.database(), { format: 'csv', delimiter: ';' }, new Date('2026-01-10T10:00:00Z'))).bytes.toString('utf8');
  assert.match(csv.replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? '', /^id;name;alternate_name;organization;description;themes;/);
  store.close();
});

test('XLSX: Dutch headers, real date cells and date text in Belgian form', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Diensten');
  sheet.addRow(['ID', 'Naam', 'Telefoon', 'Talen', 'Laatste controle']);
  sheet.addRow(['n1', 'OCMW Jette', '02 000 00 10', 'nl;fr', new Date(Date.UTC(2025, 2, 15))]);
  sheet.addRow(['n2', 'CAW Brussel', '02 000 00 11', 'nl', '15.03.2025']);
  sheet.addRow(['n3', 'Serial', null, null, 45731]);
  const store = await newOpenStore();
  const diff = await importPath(store, writeTemp('diensten.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
  assert.deepEqual(diff.columns.map((c) => c.field), ['id', 'name', 'phone', 'languages', 'last_verified']);
  assert.equal(diff.counts.added, 3);
  const repo = directoryRepository(store.database());
  for (const id of ['n1', 'n2', 'n3']) assert.equal(repo.getService(id)?.last_verified, '2025-03-15', id);
  assert.deepEqual(repo.getService('n1')?.languages, ['nl', 'fr']);
  store.close();
});

test('two headers meaning the same field reject the file', async () => {
  const store = await newOpenStore();
  await assert.rejects(importPath(store, writeTemp('dup.csv', 'id;nom;naam\r\na;A;B\r\n')), /"name" appears twice \("nom", column 2, and "naam", column 3\)/);
  store.close();
});
