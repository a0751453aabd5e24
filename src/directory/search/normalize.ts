// Text folding shared by the index and the queries, so "Cœur", "COEUR" and "coeur" meet:
// NFKD (also splits ligature code points such as "ĳ" and "ﬁ"), combining marks removed,
// lower case, the ligatures NFKD keeps (œ, æ, ß, ø…) spelled out, apostrophes, hyphens and
// other punctuation turned into spaces, dots inside acronyms dropped ("C.P.A.S." → "cpas").
// `normalizeWithMap` also returns, for each output character, the index of the input
// character it came from, so matches can be highlighted in the original text.

const EXTRA_FOLDS: Record<string, string> = {
  œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŀ: 'l', ĸ: 'k',
};

const COMBINING = /\p{M}/u;
const WORD_CHAR = /[a-z0-9]/;

function foldChar(ch: string): string {
  // One input code point → folded output (possibly several characters, possibly none).
  let s = ch.normalize('NFKD').toLowerCase();
  if (s.length === 1 && s >= 'a' && s <= 'z') return s;
  let out = '';
  for (const c of s) {
    if (COMBINING.test(c)) continue;
    const extra = EXTRA_FOLDS[c];
    if (extra !== undefined) out += extra;
    else if (WORD_CHAR.test(c)) out += c;
    else if (c === '.') out += '.';
    else out += ' ';
  }
  s = out;
  return s;
}

const foldCache = new Map<string, string>();
function foldCached(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = foldChar(ch);
    if (foldCache.size < 10_000) foldCache.set(ch, f);
  }
  return f;
}

export interface MappedText {
  text: string;
  /** map[i] = index (UTF-16) in the original string of the character that produced text[i]. */
  map: number[];
}

/** Folds text and keeps, per output char, the index of its source char in the input. */
export function normalizeWithMap(input: string): MappedText {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of input) {
    const f = ch.length === 1 && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) ? ch : foldCached(ch);
    for (let k = 0; k < f.length; k++) {
      text += f[k];
      map.push(i);
    }
    i += ch.length;
  }
  // Dots: inside words ("c.p.a.s", "a.s.b.l") they vanish, elsewhere they separate.
  let outText = '';
  const outMap: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text[k] as string;
    if (c === '.') {
      const prev = text[k - 1];
      const next = text[k + 1];
      if (prev !== undefined && next !== undefined && /[a-z]/.test(prev) && /[a-z]/.test(next)) continue;
      outText += ' ';
    } else outText += c;
    outMap.push(map[k] as number);
  }
  return { text: outText, map: outMap };
}

const ASCII_FAST = /^[a-z0-9 ]*$/;
const MARKS = /\p{M}+/gu;
const EXTRA = /[œæßøđðłþıŀĸ]/g;
const INNER_DOT = /(?<=[a-z])\.(?=[a-z])/g;
const OTHER = /[^a-z0-9]/g;

/** Folded text: only [a-z0-9] and spaces remain (same result as normalizeWithMap, without the map). */
export function normalizeText(input: string): string {
  if (ASCII_FAST.test(input)) return input;
  let s = input.toLowerCase();
  if (ASCII_FAST.test(s)) return s;
  s = s.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(EXTRA, (c) => EXTRA_FOLDS[c] ?? ' ');
  return s.replace(INNER_DOT, '').replace(OTHER, ' ');
}
