import { BUILTIN_THEMES, type ThemeEntry } from '../../domain/taxonomy.ts';
import { communeWords, resolveCommune } from './communeLookup.ts';
import { parseHours, type WeeklyHours } from './hours.ts';
import { normalizeText } from './normalize.ts';
import { tokenize } from './tokenize.ts';
import type { SearchableService } from './types.ts';

// Turns a service into what the index needs: weighted word lists per field and the facts the
// filters check (status, themes, languages, communes served, parsed hours).

export const FIELD_IDS = {
  name: 0, alternate_name: 1, organization: 2, keywords: 3, themes: 4, commune: 5, communes_served: 6, description: 7, audience: 8,
} as const;
/** How much a word found in each field counts (same order as FIELD_IDS). */
export const FIELD_WEIGHTS: readonly number[] = [10, 9, 5, 6, 3.5, 4, 3, 1.5, 1];
export const MAX_FIELD_WEIGHT = 10;
/** A `*` (whole region) service answering a commune word of the query. */
export const REGION_WEIGHT = 2.5;

export interface PreparedDoc {
  service: SearchableService;
  active: boolean;
  themes: ReadonlySet<string>;
  languages: ReadonlySet<string>;
  /** Commune codes served; null = the whole region. */
  communes: ReadonlySet<string> | null;
  /** Folded commune names we could not resolve to one of the 19 (kept for the filter). */
  otherCommunes: ReadonlySet<string>;
  hours: WeeklyHours | null;
  /** Weighted words, only until the index has taken them (then emptied to save memory). */
  fields: [fieldId: number, words: string[]][];
}

// Many services share the same theme, language and commune sets: keep one copy of each.
const interned = new Map<string, ReadonlySet<string>>();
function intern(values: Iterable<string>): ReadonlySet<string> {
  const list = [...new Set(values)].sort();
  const key = list.join('|');
  let set = interned.get(key);
  if (!set) {
    set = new Set(list);
    if (interned.size < 50_000) interned.set(key, set);
  }
  return set;
}

export interface ThemeWords {
  words: Map<string, string[]>;
  byLabel: Map<string, string>;
}

export function themeWords(themes: readonly ThemeEntry[] = BUILTIN_THEMES): ThemeWords {
  const words = new Map<string, string[]>();
  const byLabel = new Map<string, string>();
  for (const t of themes) {
    const ws = new Set<string>(tokenize(t.code.replace(/_/g, ' ')));
    for (const label of Object.values(t.labels)) {
      for (const w of tokenize(label)) ws.add(w);
      byLabel.set(normalizeText(label).trim(), t.code);
    }
    byLabel.set(t.code, t.code);
    words.set(t.code, [...ws]);
  }
  return { words, byLabel };
}

const communeWordCache = new Map<string, string[]>();
function wordsOfCommune(code: string): string[] {
  let w = communeWordCache.get(code);
  if (!w) {
    w = communeWords(code);
    communeWordCache.set(code, w);
  }
  return w;
}

/** Names also answer their words glued in pairs ("Samu social" ← "samusocial"). */
function glued(words: string[]): string[] {
  if (words.length < 2) return words;
  const out = words.slice();
  for (let i = 0; i + 1 < words.length; i++) out.push((words[i] as string) + (words[i + 1] as string));
  return out;
}

const SENTENCE_END = /(?<=[.!?;:])\s+/;
const hoursCache = new Map<string, WeeklyHours | null>();
function parseHoursCached(text: string | null | undefined): WeeklyHours | null {
  if (!text) return null;
  let h = hoursCache.get(text);
  if (h === undefined) {
    h = parseHours(text);
    if (hoursCache.size < 10_000) hoursCache.set(text, h);
  }
  return h;
}

export function prepareDoc(s: SearchableService, themes: ThemeWords, cache: Map<string, string[]>): PreparedDoc {
  const cached = (text: string): string[] => {
    let t = cache.get(text);
    if (!t) {
      t = tokenize(text);
      if (cache.size < 200_000 && text.length <= 400) cache.set(text, t);
    }
    return t;
  };
  const tok = (text: string | null | undefined): string[] => {
    if (!text) return [];
    if (text.length <= 120) return cached(text);
    // Long texts repeat boilerplate sentences from service to service: cache per sentence.
    const out: string[] = [];
    for (const sentence of text.split(SENTENCE_END)) for (const w of cached(sentence)) out.push(w);
    return out;
  };
  const fields: [number, string[]][] = [];
  const push = (id: number, words: string[]): void => {
    if (words.length) fields.push([id, words]);
  };
  push(FIELD_IDS.name, glued(tok(s.name)));
  push(FIELD_IDS.alternate_name, glued(tok(s.alternate_name)));
  push(FIELD_IDS.organization, tok(s.organization));
  for (const k of s.keywords ?? []) push(FIELD_IDS.keywords, tok(k));
  const themeCodes = new Set<string>();
  for (const code of s.themes ?? []) {
    themeCodes.add(code);
    push(FIELD_IDS.themes, themes.words.get(code) ?? tok(code.replace(/_/g, ' ')));
  }
  // Where the service is: its commune in both languages and its postcode.
  const located = resolveCommune(s.commune) ?? resolveCommune(s.postcode);
  const place = located ? [...wordsOfCommune(located)] : tok(s.commune);
  if (s.postcode) place.push(...tok(s.postcode));
  push(FIELD_IDS.commune, place);
  // Which communes it serves.
  let communes: Set<string> | null = new Set();
  const otherCommunes = new Set<string>();
  for (const c of s.communes_served ?? []) {
    if (c.trim() === '*') {
      communes = null;
      break;
    }
    const code = resolveCommune(c);
    if (code) {
      communes.add(code);
      push(FIELD_IDS.communes_served, wordsOfCommune(code));
    } else {
      otherCommunes.add(normalizeText(c).trim());
      push(FIELD_IDS.communes_served, tok(c));
    }
  }
  if (communes && communes.size === 0 && otherCommunes.size === 0 && located) communes.add(located);
  push(FIELD_IDS.description, tok(s.description));
  push(FIELD_IDS.audience, tok(s.audience));
  return {
    service: s,
    active: (s.status ?? 'active') !== 'inactive',
    themes: intern(themeCodes),
    languages: intern((s.languages ?? []).map((l) => l.trim().toLowerCase())),
    communes: communes && intern(communes),
    otherCommunes: intern(otherCommunes),
    hours: parseHoursCached(s.hours),
    fields,
  };
}
