import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutputOf } from '../../src/contract/index.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { openingStateAt, parseHours } from '../../src/directory/search/hours.ts';
import { serviceSchema, type Service } from '../../src/directory/serviceSchema.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { newOpenCore, signInResponder } from './helpers/tempStore.ts';

// Issue 17, point 5: a result row says whether the service is open now or when it opens, its
// number, how often it was unreachable in the last 30 days, and the languages spoken.

const at = (day: number, hh: number, mm = 0) => ({ day, minute: hh * 60 + mm });
const MON = 0;
const FRI = 4;
const SAT = 5;
const SUN = 6;

test('open now: until when, across midnight, round the clock', () => {
  const office = parseHours('mo-fr 09:00-12:00,13:30-17:00');
  assert.deepEqual(openingStateAt(office, at(MON, 10)), { state: 'open', until: 12 * 60 });
  assert.deepEqual(openingStateAt(office, at(FRI, 16, 59)), { state: 'open', until: 17 * 60 });
  const night = parseHours('fr 20:00-02:00');
  assert.deepEqual(openingStateAt(night, at(FRI, 23)), { state: 'open', until: 2 * 60 }, 'one opening, not "until midnight"');
  assert.deepEqual(openingStateAt(night, at(SAT, 1)), { state: 'open', until: 2 * 60 });
  assert.deepEqual(openingStateAt(parseHours('24/7'), at(SUN, 3)), { state: 'open', until: null });
  assert.deepEqual(openingStateAt(parseHours('18:00-24:00'), at(MON, 19)), { state: 'open', until: 1440 });
});

test('closed: opens later today, tomorrow, or on a named day', () => {
  const office = parseHours('mo-fr 09:00-12:00,13:30-17:00');
  assert.deepEqual(openingStateAt(office, at(MON, 12, 30)), { state: 'closed', inDays: 0, day: MON, minute: 13 * 60 + 30 }, 'lunch break');
  assert.deepEqual(openingStateAt(office, at(MON, 7)), { state: 'closed', inDays: 0, day: MON, minute: 9 * 60 });
  assert.deepEqual(openingStateAt(office, at(MON, 17)), { state: 'closed', inDays: 1, day: 1, minute: 9 * 60 }, 'closing time is closed');
  assert.deepEqual(openingStateAt(office, at(FRI, 18)), { state: 'closed', inDays: 3, day: MON, minute: 9 * 60 }, 'weekend');
  const weekly = parseHours('we 10:00-12:00');
  assert.deepEqual(openingStateAt(weekly, at(2, 12)), { state: 'closed', inDays: 7, day: 2, minute: 10 * 60 }, 'next week, same day');
  // The "0:00" half of an opening that started the evening before is not a new opening.
  const night = parseHours('fr 20:00-02:00');
  assert.deepEqual(openingStateAt(night, at(SAT, 3)), { state: 'closed', inDays: 6, day: FRI, minute: 20 * 60 });
});

test('free-text or missing hours are unknown', () => {
  assert.deepEqual(openingStateAt(parseHours('sur rendez-vous'), at(MON, 10)), { state: 'unknown' });
  assert.deepEqual(openingStateAt(parseHours(null), at(MON, 10)), { state: 'unknown' });
  assert.deepEqual(openingStateAt(parseHours('mo closed'), at(MON, 10)), { state: 'unknown' });
});

test('directory.search rows carry the phone, languages, opening state and the 30-day unreachable count', async () => {
  // Monday 9 March 2026, 10:00 in Brussels.
  const clock = new ManualClock('2026-03-09T09:00:00Z');
  const core = await newOpenCore({ clock });
  const svc = (id: string, extra: Record<string, unknown>) => serviceSchema.parse({ id, name: `Maison ${id}`, themes: ['general'], ...extra }) as Service;
  directoryRepository(core.services.store.database()).upsertServices(
    [
      svc('alpha', { phone: '02 111 11 11', languages: ['fr', 'nl', 'ar'], hours: 'mo-fr 09:00-17:00' }),
      svc('beta', { hours: 'tu 14:00-16:00' }),
    ],
    new Date('2026-01-01T00:00:00Z'),
  );
  await signInResponder(core);
  const r = core.router;
  // Two unreachable notes now, one 40 days ago (outside the window), one plain note.
  clock.set(new Date('2026-01-28T09:00:00Z'));
  assert.ok((await r.dispatch('directory.addNote', { serviceId: 'alpha', text: 'Pas de réponse', kind: 'unreachable' })).ok);
  clock.set(new Date('2026-03-09T09:00:00Z'));
  for (const text of ['Sonne dans le vide', 'Répondeur plein']) assert.ok((await r.dispatch('directory.addNote', { serviceId: 'alpha', text, kind: 'unreachable' })).ok);
  assert.ok((await r.dispatch('directory.addNote', { serviceId: 'alpha', text: 'Nouvelle adresse' })).ok);
  const found = await r.dispatch('directory.search', { query: 'maison' });
  assert.ok(found.ok, JSON.stringify(found));
  const byId = new Map((found.value as OutputOf<'directory.search'>).results.map((x) => [x.id, x]));
  const alpha = byId.get('alpha');
  assert.equal(alpha?.phone, '02 111 11 11');
  assert.deepEqual(alpha?.languages, ['fr', 'nl', 'ar']);
  assert.deepEqual(alpha?.opening, { state: 'open', until: 17 * 60 });
  assert.equal(alpha?.unreachableNotes, 2);
  const beta = byId.get('beta');
  assert.deepEqual(beta?.opening, { state: 'closed', inDays: 1, day: 1, minute: 14 * 60 });
  assert.equal(beta?.phone, null);
  assert.equal(beta?.unreachableNotes, 0);
  core.shutdown();
});
