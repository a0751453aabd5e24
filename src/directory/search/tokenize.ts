import { normalizeText, normalizeWithMap } from './normalize.ts';

// Words are runs of [a-z0-9] in folded text. Very common French and Dutch function words are
// not indexed (they match nearly everything); a query made only of them still searches them
// as prefixes.

export const STOPWORDS: ReadonlySet<string> = new Set([
  // fr
  'le', 'la', 'les', 'de', 'du', 'des', 'un', 'une', 'et', 'ou', 'au', 'aux', 'en', 'pour', 'par', 'sur', 'dans',
  'avec', 'chez', 'ce', 'ces', 'cette', 'qui', 'que', 'est', 'son', 'sa', 'ses', 'leur', 'pas', 'se', 'il', 'elle',
  // nl
  'het', 'een', 'van', 'voor', 'in', 'op', 'met', 'te', 'naar', 'door', 'die', 'dat', 'aan', 'om', 'of', 'ook',
  // en
  'the', 'and', 'for', 'of', 'to', 'with',
]);

/** Folded words of a text, stopwords and one-letter words dropped. */
export function tokenize(input: string): string[] {
  const text = normalizeText(input);
  const out: string[] = [];
  for (const w of text.split(' ')) {
    if (w.length < 2 && !(w.length === 1 && w >= '0' && w <= '9')) continue;
    if (STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

/** Folded words of a query, in order, keeping stopwords (flagged) because the user may still be typing. */
export function tokenizeQuery(input: string): { word: string; stop: boolean }[] {
  const text = normalizeText(input);
  const out: { word: string; stop: boolean }[] = [];
  for (const w of text.split(' ')) {
    if (w.length === 0) continue;
    out.push({ word: w, stop: w.length < 2 || STOPWORDS.has(w) });
  }
  return out;
}

export interface PositionedToken {
  word: string;
  /** Inclusive range in the original string. */
  start: number;
  end: number;
}

/** Words with their ranges in the original (unfolded) text, for highlighting. */
export function tokenizeWithOffsets(input: string): PositionedToken[] {
  const { text, map } = normalizeWithMap(input);
  const out: PositionedToken[] = [];
  const re = /[a-z0-9]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const a = m.index;
    const b = a + m[0].length - 1;
    const start = map[a] as number;
    // The last source char may be a surrogate pair or a ligature spelled with two letters.
    let end = map[b] as number;
    const cp = input.codePointAt(end);
    if (cp !== undefined && cp > 0xffff) end += 1;
    out.push({ word: m[0], start, end });
  }
  return out;
}
