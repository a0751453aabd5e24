// Word-level helpers shared by the guard's name, number and e-mail detectors: one tokenizer
// and one folding rule, so the directory's names and the note are cut and compared alike.

// Accented Latin letters → their base letter, computed once ("é" → "e", "ë" → "e", "ç" → "c").
const BASE: Record<string, string> = { '’': "'" };
for (let c = 0xc0; c <= 0x24f; c++) {
  const ch = String.fromCharCode(c).toLowerCase();
  BASE[ch] = ch.normalize('NFD').replace(/\p{M}/gu, '');
}
const ACCENTED = /[\u00c0-\u024f’]/g;

/** Lower case, no accents, one apostrophe: "Ouédraogo" → "ouedraogo", "s’appelle" → "s'appelle". */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Most words are plain ASCII: nothing to fold. Otherwise a lookup per accented letter, far
  // cheaper than normalize('NFD') on every word of a note.
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) > 127) return lower.replace(ACCENTED, (c) => BASE[c] ?? c);
  return lower;
}

export interface Token {
  start: number;
  end: number;
  raw: string;
  /** fold(raw) */
  f: string;
}

// A word: letters and digits, with inner apostrophes and hyphens ("d'Angle", "Pierre-Yves",
// "s'appelle", "septante-cinq"). A trailing dot stays outside ("M." → "M"). The same words as
// /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu, read by a loop over character codes: a dense
// 20,000-character note has ~3,500 words, and the Unicode regex was a fifth of a scan (issue 20).
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
// Letters and digits of the Basic Multilingual Plane, learnt as met: 0 unknown, 1 yes, 2 no.
const BMP = new Uint8Array(0x10000);

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c > 0xffff) return WORD_CHAR.test(String.fromCodePoint(c));
  let v = BMP[c] as number;
  if (v === 0) {
    v = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    BMP[c] = v;
  }
  return v === 1;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i) as number;
    if (!isWordCode(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n) {
        c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i) as number;
        if (!isWordCode(c)) break;
        i += c > 0xffff ? 2 : 1;
      }
      // An apostrophe or a hyphen joins two runs of letters ("d'Angle"), never ends a word.
      const j = i < n ? text.charCodeAt(i) : 0;
      if ((j === 39 || j === 0x2019 || j === 45) && i + 1 < n && isWordCode(text.codePointAt(i + 1) as number)) {
        i++;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    out.push({ start, end: i, raw, f: fold(raw) });
  }
  return out;
}

/** The characters between two tokens. */
export function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

export function setOf(list: string): ReadonlySet<string> {
  return new Set(list.split('|').map(fold));
}

/**
 * A quick "certainly not in the set" for folded words, from their first three characters (a–z,
 * any other character, or the word's end): one array read instead of a hash look-up in a set of
 * thousands of names or number words, for the great majority of a note's words that are neither.
 * `mayHave` can say yes for a word the set lacks (the set then decides), never no for one it has.
 */
export class PrefixFilter {
  private readonly seen = new Uint8Array(28 * 28 * 28);
  constructor(words: Iterable<string>) {
    for (const w of words) this.seen[PrefixFilter.key(w, w.length)] = 1;
  }
  /** `end`: read `w` as if it stopped there (the part of "jo-anne" before its hyphen). */
  mayHave(w: string, end = w.length): boolean {
    return this.seen[PrefixFilter.key(w, end)] === 1;
  }
  private static key(w: string, end: number): number {
    return PrefixFilter.code(w, 0, end) * 784 + PrefixFilter.code(w, 1, end) * 28 + PrefixFilter.code(w, 2, end);
  }
  private static code(w: string, i: number, end: number): number {
    if (i >= end) return 27;
    const c = w.charCodeAt(i) - 97;
    return c >= 0 && c < 26 ? c : 26;
  }
}
