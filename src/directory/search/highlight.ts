import type { MatchedTerms, QueryWord } from './candidateIndex.ts';
import { tokenizeWithOffsets } from './tokenize.ts';
import type { SearchableService, SearchField, SearchMatch } from './types.ts';

// Where the query matched in a result, as inclusive ranges of the original text per field
// (fuse.js' `indices` shape), computed only for the results shown. Per query word, only the
// service's best answers to it are marked: in "CPAS de Jette", "ocmw jette" marks "Jette",
// not "dettes" (a typo of "jette" that some other service holds) — issue 17.

const TEXT_FIELDS: readonly SearchField[] = ['name', 'alternate_name', 'organization', 'commune', 'postcode', 'description', 'audience'];
const LIST_FIELDS: readonly SearchField[] = ['keywords', 'communes_served'];
const PREFIX_QUALITY = 0.7;

interface Token {
  field: SearchField;
  index?: number;
  word: string;
  start: number;
  end: number;
}

export function highlight(s: SearchableService, matched: MatchedTerms, words: readonly QueryWord[]): SearchMatch[] {
  const rec = s as unknown as Record<string, unknown>;
  const tokens: Token[] = [];
  for (const field of TEXT_FIELDS) {
    const v = rec[field];
    if (typeof v === 'string' && v !== '') for (const t of tokenizeWithOffsets(v)) tokens.push({ field, ...t });
  }
  for (const field of LIST_FIELDS) {
    const v = rec[field];
    if (!Array.isArray(v)) continue;
    v.forEach((item, index) => {
      if (typeof item === 'string') for (const t of tokenizeWithOffsets(item)) tokens.push({ field, index, ...t });
    });
  }
  const quality = (wi: number, token: string): number => {
    const q = words[wi] as QueryWord;
    let best = matched[wi]?.get(token) ?? 0;
    if (q.required && q.prefix && q.word.length >= 2 && token.startsWith(q.word)) best = Math.max(best, token === q.word ? 1 : PREFIX_QUALITY);
    return best;
  };
  // Each (query word, token) quality once: the rows shown are highlighted on every keystroke.
  const qualities = words.map((_, wi) => tokens.map((t) => quality(wi, t.word)));
  // The best answer each query word has in this service.
  const bestOf = qualities.map((row) => row.reduce((m, q) => Math.max(m, q), 0));
  const marked = tokens.filter((_, ti) => qualities.some((row, wi) => (bestOf[wi] as number) > 0 && (row[ti] as number) >= (bestOf[wi] as number) - 1e-6));
  const matches: SearchMatch[] = [];
  const byKey = new Map<string, SearchMatch>();
  for (const t of marked) {
    const key = `${t.field}:${t.index ?? ''}`;
    let m = byKey.get(key);
    if (!m) {
      m = t.index === undefined ? { field: t.field, indices: [] } : { field: t.field, index: t.index, indices: [] };
      byKey.set(key, m);
      matches.push(m);
    }
    m.indices.push([t.start, t.end]);
  }
  return matches;
}
