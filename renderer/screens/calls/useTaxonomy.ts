import { useMemo } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { useOperation } from '../../data/useOperation.ts';

export type ThemeEntry = OutputOf<'taxonomy.list'>['themes'][number];

const NONE: ThemeEntry[] = [];

// The one cache of the shared theme taxonomy in the window (the console, the history, the
// directory and the reports all read it): the query cache's entry for `taxonomy.list`, fresh
// until an event says otherwise (a store opened, a feed applied: data/invalidation.ts).

/** The shared theme taxonomy (built-in + supervisors' additions). */
export function useTaxonomy(): ThemeEntry[] {
  return useOperation('taxonomy.list', {}, { staleTime: Infinity }).data?.themes ?? NONE;
}

/** The same taxonomy keyed by theme code. */
export function useThemes(): Map<string, ThemeEntry> {
  const themes = useTaxonomy();
  return useMemo(() => new Map(themes.map((t) => [t.code, t])), [themes]);
}
