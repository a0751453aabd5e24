import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBelgianDate } from '../../renderer/components/dateReading.ts';
import { readTime } from '../../renderer/components/timeReading.ts';
import { languageNames, lineHoursInWords, openingHoursInWords, weekdayName } from '../../renderer/i18n/words.ts';

// Issue 16, point 5: hours in words, languages by name, dates typed the Belgian way.

test('opening hours are written in words in each UI language; free text stays as written', () => {
  assert.equal(openingHoursInWords('tu 09:00-12:00', 'fr'), 'mar. 9 h – 12 h');
  assert.equal(openingHoursInWords('tu 09:00-12:00', 'nl'), 'di 9u – 12u');
  assert.equal(openingHoursInWords('mo-fr 09:00-12:00,13:30-16:30', 'fr'), 'lun.–ven. 9 h – 12 h, 13 h 30 – 16 h 30');
  assert.equal(openingHoursInWords('mo-th 09:00-16:00; fr 09:00-12:00', 'nl'), 'ma–do 9u – 16u; vr 9u – 12u');
  assert.equal(openingHoursInWords('mo,we,fr 09:30-12:30', 'en'), 'Mon, Wed, Fri 9:30 – 12:30');
  assert.equal(openingHoursInWords('Mo-Su 10:00-24:00', 'fr'), 'tous les jours 10 h – 24 h');
  assert.equal(openingHoursInWords('24/7', 'nl'), 'dag en nacht, elke dag');
  assert.equal(openingHoursInWords('Sur rendez-vous', 'nl'), 'Sur rendez-vous');
  assert.equal(openingHoursInWords('xx 09:00-12:00', 'fr'), 'xx 09:00-12:00', 'an unknown day code is shown as written, not guessed');
});

test('languages appear by their name, in the UI language', () => {
  assert.equal(languageNames(['fr', 'ps'], 'fr'), 'français et pachto');
  assert.equal(languageNames(['fr', 'nl', 'ar'], 'nl'), 'Frans, Nederlands en Arabisch');
  assert.equal(languageNames(['ber'], 'en'), 'Berber');
});

test('a typed date is read day/month/year, whatever the OS locale', () => {
  assert.equal(readBelgianDate('02/12/2025'), '2025-12-02', 'the 2nd of December, never the 12th of February');
  assert.equal(readBelgianDate('2.12.25'), '2025-12-02');
  assert.equal(readBelgianDate('2-12-2025'), '2025-12-02');
  assert.equal(readBelgianDate('2025-12-02'), '2025-12-02');
  assert.equal(readBelgianDate('31/02/2025'), null);
  assert.equal(readBelgianDate('12/2025'), null);
  assert.equal(readBelgianDate(''), null);
});

test("the line's hours from the machine config, in words (About)", () => {
  assert.equal(lineHoursInWords({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }, 'fr'), 'lun.–ven. 9 h – 17 h');
  assert.equal(lineHoursInWords({ days: ['sat', 'mon', 'wed', 'thu'], open: '09:30', close: '13:00' }, 'nl'), 'ma, wo–do, za 9u30 – 13u');
});

test('times are read on 24 hours as Belgians write them, whatever the OS locale', () => {
  for (const [typed, read] of [['14:30', '14:30'], ['9:05', '09:05'], ['9', '09:00'], ['9h', '09:00'], ['14h30', '14:30'], ['14u30', '14:30'], ['14.30', '14:30'], ['1430', '14:30'], [' 08 : 15 ', '08:15'], ['0:00', '00:00']] as const) {
    assert.equal(readTime(typed), read, typed);
  }
  for (const bad of ['', '24:00', '12:60', '10:00 AM', '2 PM', 'midi', '12:3', '123', '1:2:3']) assert.equal(readTime(bad), null, bad);
});

test('weekdays by name, Monday first, short in opening hours and long in "opens on …"', () => {
  assert.deepEqual([0, 6].map((d) => weekdayName(d, 'fr', 'long')), ['lundi', 'dimanche']);
  assert.equal(weekdayName(2, 'nl', 'long'), 'woensdag');
  assert.equal(weekdayName(4, 'en', 'long'), 'Friday');
  assert.equal(weekdayName(0, 'en'), 'Mon');
});
