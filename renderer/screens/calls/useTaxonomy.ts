import { useEffect, useMemo, useState } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { invoke, onEvent } from '../../bridge.ts';

export type ThemeEntry = OutputOf<'taxonomy.list'>['themes'][number];

// The one cache of the shared theme taxonomy in the window (the console, the history, the
// directory and the reports all read it). It is fetched once, and again when the store opens
// (a restore brings another store's additions) or a feed is applied (it can add themes).
let cache: ThemeEntry[] | null = null;
let pending: Promise<ThemeEntry[]> | null = null;
const subscribers = new Set<(themes: ThemeEntry[]) => void>();

function load(): Promise<ThemeEntry[]> {
  pending ??= invoke('taxonomy.list', {}).then((r) => {
    pending = null;
    if (!r.ok) return cache ?? [];
    cache = r.value.themes;
    for (const s of subscribers) s(cache);
    return cache;
  });
  return pending;
}

// Listens for the window's lifetime (one listener each, however many screens mount).
let watching = false;
function watchInvalidation(): void {
  if (watching) return;
  watching = true;
  onEvent('store.status', (s) => {
    if (s.state === 'open' && cache) void load();
  });
  onEvent('feed.status', () => {
    if (cache) void load();
  });
}

/** The shared theme taxonomy (built-in + supervisors' additions). */
export function useTaxonomy(): ThemeEntry[] {
  const [themes, setThemes] = useState<ThemeEntry[]>(cache ?? []);
  useEffect(() => {
    watchInvalidation();
    subscribers.add(setThemes);
    if (!cache) void load();
    return () => {
      subscribers.delete(setThemes);
    };
  }, []);
  return themes;
}

/** The same taxonomy keyed by theme code. */
export function useThemes(): Map<string, ThemeEntry> {
  const themes = useTaxonomy();
  return useMemo(() => new Map(themes.map((t) => [t.code, t])), [themes]);
}
