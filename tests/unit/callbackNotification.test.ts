import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dueNotificationText } from '../../src/callbacks/notificationText.ts';

// The OS notification's words: a count, a Brussels time, a language — never a number or a reason.

const one = { at: '2026-03-16T10:00:05.000Z', count: 1, missed: 0, callbacks: [{ id: 'a', dueAt: '2026-03-16T10:00:00.000Z', windowEnd: null, language: 'nl' as const, assigneeProfileId: null, missed: false }] };

test('one reminder on time: its Brussels time and language', () => {
  assert.deepEqual(dueNotificationText(one, 'fr'), { title: 'Relais — rappel à faire', body: 'Rappel prévu à 11:00 (néerlandais). Voir Rappels (Alt+4).' });
  assert.equal(dueNotificationText(one, 'nl').body, 'Terugbellen om 11:00 (Nederlands). Zie Terugbellen (Alt+4).');
  assert.equal(dueNotificationText(one, 'en').body, 'Callback due at 11:00 (Dutch). See Callbacks (Alt+4).');
});

test('missed while closed, and several at once', () => {
  const missed = { ...one, count: 3, missed: 2, callbacks: [] };
  assert.equal(dueNotificationText(missed, 'fr').body, '2 rappels manqués pendant que Relais était fermé, 1 à faire maintenant. Voir Rappels (Alt+4).');
  assert.equal(dueNotificationText({ ...missed, missed: 1, count: 1 }, 'en').body, '1 callback missed while Relais was closed. See Callbacks (Alt+4).');
  assert.equal(dueNotificationText({ ...one, count: 4, callbacks: [] }, 'nl').body, '4 terugbelafspraken nu te doen. Zie Terugbellen (Alt+4).');
});
