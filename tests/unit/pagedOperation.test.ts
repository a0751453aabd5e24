import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../src/contract/index.ts';
import { applyEvent } from '../../renderer/data/invalidation.ts';
import { pagedQuery } from '../../renderer/data/usePagedOperation.ts';
import { operationKey } from '../../renderer/data/useOperation.ts';

// The history's paged read (renderer/data/usePagedOperation.ts) in a real TanStack Query cache:
// pages follow one another by offset until the total, calls.changed asks every loaded page
// again, and the pages never share a cache entry with a one-page useOperation of the same input.

type Page = OutputOf<'calls.list'>;
const row = (i: number) => ({ id: `c${i}` }) as Page['calls'][number];

function fakeMain(total: number) {
  const asked: Array<{ offset: number; limit: number }> = [];
  let seen = total;
  return {
    asked,
    grow: (n: number) => void (seen += n),
    ask: (_name: 'calls.list', input: InputOf<'calls.list'>): Promise<Page> => {
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 50;
      asked.push({ offset, limit });
      return Promise.resolve({ calls: Array.from({ length: Math.max(0, Math.min(limit, seen - offset)) }, (_, i) => row(offset + i)), total: seen });
    },
  };
}

const rowsOf = (p: Page) => p.calls;
const settled = (client: QueryClient) => new Promise<void>((resolve) => {
  const check = () => (client.isFetching() === 0 ? resolve() : setTimeout(check, 5));
  setTimeout(check, 0);
});

test('pages are asked by offset until the total; calls.changed asks every loaded page again', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const main = fakeMain(120);
  const observer = new InfiniteQueryObserver(client, pagedQuery('calls.list', { from: '2026-03-16' }, 50, rowsOf, main.ask));
  const off = observer.subscribe(() => {});
  await settled(client);
  assert.equal(observer.getCurrentResult().hasNextPage, true);
  await observer.fetchNextPage();
  await observer.fetchNextPage();
  const r = observer.getCurrentResult();
  assert.equal(r.data?.pages.flatMap(rowsOf).length, 120);
  assert.equal(r.hasNextPage, false);
  assert.deepEqual(main.asked.map((a) => a.offset), [0, 50, 100]);

  main.asked.length = 0;
  main.grow(1);
  applyEvent(client, 'calls.changed');
  await settled(client);
  assert.deepEqual(main.asked.map((a) => a.offset), [0, 50, 100], 'every page loaded asked again');
  assert.equal(observer.getCurrentResult().data?.pages.at(-1)?.total, 121);
  assert.equal(observer.getCurrentResult().data?.pages.flatMap(rowsOf).length, 121, 'the new call is in the refreshed pages');
  off();
  client.clear();
});

test('the pages and a one-page read of the same input live apart in the cache', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const main = fakeMain(3);
  const input = { view: 'toFinish', limit: 50 } as const;
  const one = new QueryObserver<Page>(client, { queryKey: operationKey('calls.list', input), queryFn: () => main.ask('calls.list', input) });
  const paged = new InfiniteQueryObserver(client, pagedQuery('calls.list', { view: 'toFinish' }, 50, rowsOf, main.ask));
  const offs = [one.subscribe(() => {}), paged.subscribe(() => {})];
  await settled(client);
  assert.equal(one.getCurrentResult().data?.calls.length, 3);
  assert.equal(paged.getCurrentResult().data?.pages[0]?.calls.length, 3);
  assert.equal(client.getQueryCache().getAll().length, 2);
  for (const off of offs) off();
  client.clear();
});
