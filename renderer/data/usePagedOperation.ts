import { type InfiniteData, infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { call, type OperationError } from '../bridge.ts';

// useOperation for a list main answers a page at a time ({ limit, offset } in, { total } out):
// TanStack's infinite query under the same key prefix [name, …], so the event table
// (invalidation.ts) refreshes it like any other read — every page loaded is asked again.
// The third key part keeps its pages apart from a one-page useOperation of the same input.

/** Operations read by page: an offset and a limit in, a total out. */
type PagedName = { [N in OperationName]: InputOf<N> extends { offset?: number; limit?: number } ? (OutputOf<N> extends { total: number } ? N : never) : never }[OperationName];

export interface Paged<T> {
  /** Every row of the pages loaded so far, in order. */
  items: readonly T[];
  total: number;
  /** True while a page (the first, the next, or a refresh) is being asked. */
  busy: boolean;
  error: OperationError | null;
  hasMore: boolean;
  loadMore(): void;
}

type Page<N extends PagedName> = Omit<InputOf<N>, 'offset' | 'limit'>;

/** The infinite query's options (its key, how pages are asked and counted): the hook's, and the unit test's with its own `ask`. */
export function pagedQuery<N extends PagedName, T>(name: N, input: Page<N>, pageSize: number, rows: (page: OutputOf<N>) => readonly T[], ask: (name: N, input: InputOf<N>) => Promise<OutputOf<N>> = call) {
  return infiniteQueryOptions<OutputOf<N>, OperationError, InfiniteData<OutputOf<N>, number>, readonly unknown[], number>({
    queryKey: [name, input, 'pages', pageSize],
    queryFn: ({ pageParam }) => ask(name, { ...input, limit: pageSize, offset: pageParam } as InputOf<N>),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + rows(p).length, 0);
      return loaded < (last as { total: number }).total && rows(last).length > 0 ? loaded : undefined;
    },
    // Other filters: the rows shown stay until the new ones come (no empty flash while typing).
    placeholderData: keepPreviousData,
  });
}

export function usePagedOperation<N extends PagedName, T>(name: N, input: Page<N>, pageSize: number, rows: (page: OutputOf<N>) => readonly T[]): Paged<T> {
  const query = useInfiniteQuery(pagedQuery(name, input, pageSize, rows));
  const { data, isFetching, error, hasNextPage, fetchNextPage } = query;
  const items = useMemo(() => (data ? data.pages.flatMap(rows) : []), [data, rows]);
  const pages = data?.pages;
  return {
    items,
    total: pages && pages.length > 0 ? (pages[pages.length - 1] as { total: number }).total : 0,
    busy: isFetching,
    error: error ?? null,
    hasMore: hasNextPage,
    loadMore: () => void fetchNextPage(),
  };
}
