import assert from 'node:assert/strict';
import { test } from 'node:test';
import { weekMinuteOf as brusselsWeekMinute } from '../../src/domain/brusselsTime.ts';
import { createSearchIndex, normalizeText, parseHours, isOpenAt } from '../../src/directory/search/index.ts';
import type { SearchableService } from '../../src/directory/search/index.ts';
import { tokenizeWithOffsets } from '../../src/directory/search/tokenize.ts';

const services: SearchableService[] = [
  { id: 'cpas-and', name: "CPAS d'Anderlecht", alternate_name: 'OCMW Anderlecht', commune: 'Anderlecht', postcode: '1070', communes_served: ['Anderlecht'], themes: ['income', 'general'], languages: ['fr', 'nl'], hours: 'mo-fr 08:30-12:00' },
  { id: 'samu', name: 'Samusocial', description: "Hébergement d'urgence pour personnes sans abri", communes_served: ['*'], themes: ['shelter'], languages: ['fr', 'nl', 'en'], hours: '24/7' },
  { id: 'restos-sch', name: 'Restos du Cœur de Schaerbeek', commune: 'Schaerbeek', postcode: '1030', communes_served: ['Schaerbeek'], themes: ['food'], keywords: ['repas chaud'], languages: ['fr'], hours: 'mo-fr 11:30-14:00' },
  { id: 'mm-ix', name: 'Maison médicale du Maelbeek', commune: 'Ixelles', postcode: '1050', communes_served: ['Ixelles'], themes: ['health'], languages: ['fr', 'ar'], hours: 'tous les jours sauf le dimanche' },
  { id: 'ais-sch', name: 'AIS Schaerbeekoise', alternate_name: 'SVK Schaarbeek', commune: 'Schaerbeek', postcode: '1030', communes_served: ['Schaerbeek', 'Evere'], themes: ['housing'], languages: ['fr', 'nl'] },
  { id: 'epi-mol', name: 'Épicerie sociale du Maritime', commune: 'Molenbeek-Saint-Jean', postcode: '1080', communes_served: ['Molenbeek-Saint-Jean'], themes: ['food'], languages: ['fr'] },
  { id: 'old', name: 'Ancien service de médiation de dettes', commune: 'Forest', postcode: '1190', communes_served: ['Forest'], themes: ['debt'], status: 'inactive' },
];
const ids = (rs: { id: string }[]): string[] => rs.map((r) => r.id);
const index = createSearchIndex(services);

test('normalisation folds accents, case, ligatures and punctuation', () => {
  assert.equal(normalizeText('Restos du Cœur'), 'restos du coeur');
  assert.equal(normalizeText('ÆSOP Straße'), 'aesop strasse');
  assert.equal(normalizeText("CPAS d’Ixelles"), 'cpas d ixelles');
  assert.equal(normalizeText('Sint-Jans-Molenbeek'), 'sint jans molenbeek');
  assert.equal(normalizeText('C.P.A.S.'), 'cpas ');
  assert.equal(normalizeText('ĳzer Éé'), 'ijzer ee');
});

test('highlight offsets point into the original text', () => {
  const [a, b] = tokenizeWithOffsets('Restos du Cœur');
  assert.deepEqual([a?.start, a?.end], [0, 5]);
  const c = tokenizeWithOffsets('Restos du Cœur')[2];
  assert.deepEqual([c?.word, c?.start, c?.end], ['coeur', 10, 13]);
  assert.equal(b?.word, 'du');
});

test('prefixes match while typing, words in any order across fields', () => {
  assert.equal(ids(index.search('samus'))[0], 'samu');
  assert.equal(ids(index.search('maison med ixel'))[0], 'mm-ix');
  assert.equal(ids(index.search('Schaerbeek AIS'))[0], 'ais-sch');
  assert.equal(ids(index.search('1080 epicerie'))[0], 'epi-mol');
});

test('typos, missing accents and Dutch names are tolerated', () => {
  assert.equal(ids(index.search('cpas anderlect'))[0], 'cpas-and');
  assert.equal(ids(index.search('shaerbeek restos'))[0], 'restos-sch');
  assert.equal(ids(index.search('OCMW anderlecht'))[0], 'cpas-and');
  assert.equal(ids(index.search('svk schaarbeek'))[0], 'ais-sch');
  assert.equal(ids(index.search('epicerie'))[0], 'epi-mol');
});

test('synonyms and theme labels in three languages', () => {
  assert.ok(ids(index.search('sdf')).includes('samu'));
  assert.ok(ids(index.search('dakloos')).includes('samu'));
  assert.ok(ids(index.search('voedselhulp')).includes('restos-sch'));
  assert.ok(ids(index.search('food aid')).includes('epi-mol'));
  assert.ok(ids(index.search('huisvesting')).includes('ais-sch'));
});

test('inactive services are hidden unless asked for', () => {
  assert.deepEqual(ids(index.search('mediation dettes')), []);
  assert.deepEqual(ids(index.search('mediation dettes', { includeInactive: true })), ['old']);
});

test('filters: commune served (FR, NL, postcode, * services), theme, language', () => {
  assert.deepEqual(ids(index.search('aide', { commune: 'Schaarbeek', theme: 'food' })), ['restos-sch']);
  const evere = ids(index.search('logement', { commune: '1140' }));
  assert.deepEqual(evere, ['ais-sch']);
  assert.ok(ids(index.search('hebergement', { commune: 'Vorst' })).includes('samu'));
  assert.deepEqual(ids(index.search('maison', { language: 'ar' })), ['mm-ix']);
  assert.deepEqual(ids(index.search('', { theme: 'Voedselhulp' })).sort(), ['epi-mol', 'restos-sch']);
});

test('open now uses structured hours; free text never matches', () => {
  const tuesdayNoon = new Date('2025-03-11T11:00:00Z'); // 12:00 in Brussels
  const open = ids(index.search('', { openAt: tuesdayNoon, theme: 'food' }));
  assert.deepEqual(open, ['restos-sch']);
  const sundayNight = new Date('2025-03-16T22:00:00Z');
  assert.deepEqual(ids(index.search('', { openAt: sundayNight, commune: 'Ixelles' })), ['samu']);
  assert.equal(parseHours('tous les jours sauf le dimanche'), null);
  const h = parseHours('mo-fr 09:00-12:00,13:00-17:00; sa 10:00-12:00');
  assert.ok(h);
  assert.equal(isOpenAt(h, { day: 5, minute: 11 * 60 }), true);
  assert.equal(isOpenAt(h, { day: 0, minute: 12 * 60 + 30 }), false);
  assert.equal(isOpenAt(parseHours('fr 20:00-02:00'), { day: 5, minute: 60 }), true);
  assert.deepEqual(brusselsWeekMinute(new Date('2025-07-07T07:30:00Z')), { day: 0, minute: 9 * 60 + 30 });
});

test('results carry highlight ranges', () => {
  const [r] = index.search('restos coeur');
  assert.ok(r);
  const name = r.matches.find((m) => m.field === 'name');
  assert.deepEqual(name?.indices, [[0, 5], [10, 13]]);
});

test('update and remove keep the index current', () => {
  const idx = createSearchIndex(services);
  idx.update({ id: 'new', name: 'Espace public numérique de Jette', commune: 'Jette', themes: ['digital'] });
  assert.equal(ids(idx.search('epn jette'))[0], 'new');
  idx.update({ id: 'samu', name: 'Samusocial (nouveau nom)', communes_served: ['*'], themes: ['shelter'] });
  assert.deepEqual(ids(idx.search('samusocial')), ['samu']);
  assert.equal(idx.search('samusocial')[0]?.name, 'Samusocial (nouveau nom)');
  idx.remove('samu');
  idx.remove('new');
  assert.deepEqual(ids(idx.search('samusocial')), []);
  assert.deepEqual(ids(idx.search('epn jette')), []);
  assert.equal(idx.size(), services.length - 1);
});
