import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryClient } from '@tanstack/react-query';
import { EVENT_NAMES, OPERATION_NAMES } from '../../src/contract/index.ts';
import { applyEvent, INVALIDATIONS } from '../../renderer/data/invalidation.ts';

// The renderer's one event→invalidation table (issue 13, point 6): every event has a rule, every
// name in it is an operation (or a prefix some operation has), and applying an event makes
// exactly its operations stale in a real TanStack Query cache.

test('every event has a rule and every target names real operations', () => {
  assert.deepEqual(Object.keys(INVALIDATIONS).sort(), [...EVENT_NAMES].sort());
  for (const [event, rule] of Object.entries(INVALIDATIONS)) {
    if (rule === 'everything') continue;
    for (const target of rule) {
      const hits = target.endsWith('.*') ? OPERATION_NAMES.filter((n) => n.startsWith(target.slice(0, -1))) : OPERATION_NAMES.filter((n) => n === target);
      assert.ok(hits.length > 0, `${event} → ${target} names no operation`);
    }
  }
});

test('an event marks its operations stale and leaves the others; access.changed drops what no screen shows', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of [['calls.current', {}], ['calls.list', { limit: 5 }], ['shift.board', {}], ['taxonomy.list', {}], ['hub.status', {}]] as const) client.setQueryData(key, { any: true });
  const stale = () => client.getQueryCache().getAll().filter((q) => q.isStale()).map((q) => q.queryKey[0]).sort();
  assert.deepEqual(stale(), []);
  applyEvent(client, 'calls.changed');
  assert.deepEqual(stale(), ['calls.current', 'calls.list', 'shift.board']);
  // A handover note or an excerpt (reports.changed): the shift summary, the quotes review and the home board.
  for (const key of [['reports.shiftSummary', { scope: 'team' }], ['reports.quotes.list', { from: '2026-03-01', to: '2026-03-31', limit: 100 }], ['reports.defaultPeriod', {}]] as const) client.setQueryData(key, { any: true });
  applyEvent(client, 'reports.changed');
  assert.deepEqual(stale(), ['calls.current', 'calls.list', 'reports.quotes.list', 'reports.shiftSummary', 'shift.board']);
  applyEvent(client, 'app.notice');
  assert.equal(client.getQueryCache().getAll().length, 8);
  applyEvent(client, 'access.changed');
  assert.equal(client.getQueryCache().getAll().length, 0, 'no observer: nothing kept for the next person');
  client.clear();
});

test('the callbacks and directory screens read through the cache are refreshed by the events that change them', () => {
  // What those screens read (issue 13, point 6): the queue and one callback, the schedule form's
  // calls and settings; the service card, its note check, the lexicon and the "to verify" list.
  const staleAfter = (event: Parameters<typeof applyEvent>[1], names: readonly string[]): string[] => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    for (const name of names) client.setQueryData([name, {}], { any: true });
    applyEvent(client, event);
    const stale = client.getQueryCache().getAll().filter((q) => q.isStale()).map((q) => String(q.queryKey[0])).sort();
    client.clear();
    return stale;
  };
  const callbacks = ['callbacks.queue', 'callbacks.get', 'callbacks.settings'];
  for (const e of ['callbacks.due', 'callbacks.badge', 'calls.changed', 'hub.pulled'] as const) assert.deepEqual(staleAfter(e, callbacks), [...callbacks].sort(), e);
  assert.deepEqual(staleAfter('calls.changed', ['calls.list', 'calls.current', 'calls.get']), ['calls.current', 'calls.get', 'calls.list']);
  const directory = ['directory.get', 'directory.checkNote', 'directory.lexiconGet', 'directory.toVerify', 'directory.maintainerStatus'];
  for (const e of ['feed.status', 'hub.pulled'] as const) assert.deepEqual(staleAfter(e, directory), [...directory].sort(), e);
});
