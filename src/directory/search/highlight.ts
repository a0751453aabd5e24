import type { QueryWord } from './candidateIndex.ts';
import { tokenizeWithOffsets } from './tokenize.ts';
import type { SearchableService, SearchField, SearchMatch } from './types.ts';

// Where the query matched in a result, as inclusive ranges of the original text per field
// (fuse.js' `indices` shape), computed only for the results shown.

const TEXT_FIELDS: readonly SearchField[] = ['name', 'alternate_name', 'organization', 'commune', 'postcode', 'description', 'audience'];
const LIST_FIELDS: readonly SearchField[] = ['keywords', 'communes_served'];

export function highlight(s: SearchableService, matchedTerms: ReadonlySet<string>, groupWords: ReadonlySet<string>, words: readonly QueryWord[]): SearchMatch[] {
  const hit = (w: string): boolean => matchedTerms.has(w) || groupWords.has(w) || words.some((q) => q.required && q.prefix && q.word.length >= 2 && w.startsWith(q.word));
  const ranges = (text: string): [number, number][] => {
    const out: [number, number][] = [];
    for (const t of tokenizeWithOffsets(text)) if (hit(t.word)) out.push([t.start, t.end]);
    return out;
  };
  const matches: SearchMatch[] = [];
  const rec = s as unknown as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    const v = rec[field];
    if (typeof v !== 'string' || v === '') continue;
    const indices = ranges(v);
    if (indices.length) matches.push({ field, indices });
  }
  for (const field of LIST_FIELDS) {
    const v = rec[field];
    if (!Array.isArray(v)) continue;
    v.forEach((item, index) => {
      if (typeof item !== 'string') return;
      const indices = ranges(item);
      if (indices.length) matches.push({ field, index, indices });
    });
  }
  return matches;
}
