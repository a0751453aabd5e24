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
// "s'appelle", "septante-cinq"). A trailing dot stays outside ("M." → "M").
const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], f: fold(m[0]) });
  return out;
}

/** The characters between two tokens. */
export function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

export function setOf(list: string): ReadonlySet<string> {
  return new Set(list.split('|').map(fold));
}
