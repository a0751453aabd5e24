import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { call, type OperationError } from '../bridge.ts';

// The renderer's one way to read from main: `useOperation(name, input)`. The answer is cached
// under [name, input], shared by every component asking the same thing, refreshed when one of
// main's events makes it stale (invalidation.ts) — never by a screen's own effect.

export interface OperationOptions {
  /** False: do not ask yet (e.g. nobody signed in). */
  enabled?: boolean;
  /** How long an answer stays fresh without an event (default 0: asked again on each mount). */
  staleTime?: number;
  /** Ask again every n ms while mounted (only for facts main sends no event about). */
  refetchInterval?: number;
  /** Keep showing the previous input's answer while the new one comes (search as you type). */
  keepPrevious?: boolean;
  /** How long an unused answer stays in memory (default 5 min); 0 for input that is typed text a screen must not keep (a note being checked). */
  gcTime?: number;
}

export function operationKey<N extends OperationName>(name: N, input: InputOf<N>): readonly [N, InputOf<N>] {
  return [name, input] as const;
}

export function useOperation<N extends OperationName>(name: N, input: InputOf<N>, options: OperationOptions = {}): UseQueryResult<OutputOf<N>, OperationError> {
  const { keepPrevious, ...rest } = options;
  return useQuery<OutputOf<N>, OperationError>({
    queryKey: operationKey(name, input),
    queryFn: () => call(name, input),
    ...rest,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

/** After a write main sends no event about: mark the named operations stale (every input); resolves once the shown ones are asked again. */
export function useInvalidate(): (...names: OperationName[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(async (...names: OperationName[]) => {
    await Promise.all(names.map((name) => client.invalidateQueries({ queryKey: [name] })));
  }, [client]);
}

/**
 * An action's read ("open this call now"): asked of main at once, never answered from the
 * cache, but stored under useOperation's key so the screens reading it show that answer and
 * events keep it fresh. For a screen that must start from what main holds now (a form seeded
 * from it), not from what it showed before.
 */
export function useReadNow(): <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>> {
  const client = useQueryClient();
  return useCallback(
    <N extends OperationName>(name: N, input: InputOf<N>) => client.fetchQuery<OutputOf<N>, OperationError>({ queryKey: operationKey(name, input), queryFn: () => call(name, input), staleTime: 0 }),
    [client],
  );
}
