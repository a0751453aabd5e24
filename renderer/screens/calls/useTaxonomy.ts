import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { invoke } from '../../bridge.ts';

export type ThemeEntry = OutputOf<'taxonomy.list'>['themes'][number];
let cache: ThemeEntry[] | null = null;

/** The shared theme taxonomy (built-in + supervisors' additions), fetched once per window. */
export function useTaxonomy(): ThemeEntry[] {
  const [themes, setThemes] = useState<ThemeEntry[]>(cache ?? []);
  useEffect(() => {
    if (cache) return;
    let live = true;
    void invoke('taxonomy.list', {}).then((r) => {
      if (!r.ok) return;
      cache = r.value.themes;
      if (live) setThemes(cache);
    });
    return () => {
      live = false;
    };
  }, []);
  return themes;
}
