import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { invoke } from '../../bridge.ts';

type Theme = OutputOf<'taxonomy.list'>['themes'][number];
let cache: Map<string, Theme> | null = null;

/** The shared taxonomy (built-in + supervisor additions), fetched once per window. */
export function useThemes(): Map<string, Theme> {
  const [themes, setThemes] = useState<Map<string, Theme>>(cache ?? new Map());
  useEffect(() => {
    if (cache) return;
    void invoke('taxonomy.list', {}).then((r) => {
      if (!r.ok) return;
      cache = new Map(r.value.themes.map((t) => [t.code, t]));
      setThemes(cache);
    });
  }, []);
  return themes;
}
