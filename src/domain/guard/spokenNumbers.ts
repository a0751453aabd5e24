import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { PrefixFilter, type Token } from './words.ts';

// Belgian phone numbers as a caller dictates them and a responder types them:
// - in words, digit by digit or in pairs, French (septante, nonante, quatre-vingt…) or Dutch
//   (vijfenzeventig, tweeëntwintig, vierhonderd…), mixed with digits or not: "zéro quatre
//   septante-cinq, douze, trente-quatre, cinquante-six", "nul vier zeven vijf een twee…";
// - in digits without the leading 0 ("470 12 34 56", "2 512 34 56"), or with 32 / 0032 / +32.
// A run is flagged only when its digits make a valid Belgian number for libphonenumber-js
// (full metadata: real number ranges) that is not a service number (0800, 070, 090x, 078…).
// "trois enfants de quatre, sept et douze ans", "deux mille vingt-quatre", "vier maanden"
// never add up to one.

const UNITS = new Map<string, number>(Object.entries({
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  nul: 0, een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9,
}));
const TEENS = new Map<string, number>(Object.entries({
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
}));
const TENS = new Map<string, number>(Object.entries({
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, octante: 80, huitante: 80, nonante: 90,
  twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
}));
const HUNDRED = new Set(['cent', 'cents', 'honderd']);

// Every Dutch number word from 1 to 999 written as one word, built once: "vijfenzeventig",
// "tweeentwintig" (folded ë), "vierhonderd", "vierhonderdzevenennegentig", "honderdtwaalf".
const NL_UNITS = ['', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const NL_TEENS = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const NL_TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const DUTCH = new Map<string, number>();
for (let v = 1; v < 1000; v++) {
  const h = Math.floor(v / 100);
  const r = v % 100;
  const head = h === 0 ? '' : `${h > 1 ? NL_UNITS[h] : ''}honderd`;
  const tail = r === 0 ? '' : r < 10 ? NL_UNITS[r] : r < 20 ? NL_TEENS[r - 10] : `${r % 10 ? `${NL_UNITS[r % 10]}en` : ''}${NL_TENS[Math.floor(r / 10)]}`;
  DUTCH.set(`${head}${tail}`, v);
}

/** Atoms of a number word: "septante-cinq" → [70, 5]; "quatre-vingt-dix" → [4, 20, 10]. */
type Atom = { kind: 'unit' | 'teen' | 'tens' | 'hundred' | 'et'; v: number } | { kind: 'value'; v: number; digits: number };

// Every number word, French and Dutch, with its atom: one look-up a word.
const WORD_ATOMS = new Map<string, Atom>();
for (const [w, v] of DUTCH) WORD_ATOMS.set(w, v >= 100 ? { kind: 'value', v, digits: 3 } : { kind: 'value', v, digits: v >= 10 ? 2 : 1 });
for (const [w, v] of TENS) WORD_ATOMS.set(w, { kind: 'tens', v });
for (const [w, v] of TEENS) WORD_ATOMS.set(w, { kind: 'teen', v });
for (const [w, v] of UNITS) WORD_ATOMS.set(w, { kind: 'unit', v });
for (const w of HUNDRED) WORD_ATOMS.set(w, { kind: 'hundred', v: 100 });
WORD_ATOMS.set('et', { kind: 'et', v: 0 });

const NUMBER_WORD_PREFIX = new PrefixFilter(WORD_ATOMS.keys());

function atomOf(part: string): Atom | null {
  const c = part.charCodeAt(0);
  if (c >= 48 && c <= 57) return /^\d{1,4}$/.test(part) ? { kind: 'value', v: Number(part), digits: part.length } : null;
  return WORD_ATOMS.get(part) ?? null;
}

function atomsOf(f: string): Atom[] | null {
  const c = f.charCodeAt(0);
  if (c >= 48 && c <= 57 && /^\d{1,11}$/.test(f)) return [{ kind: 'value', v: Number(f), digits: f.length }];
  if (!f.includes('-')) {
    const a = atomOf(f);
    return a ? [a] : null;
  }
  const out: Atom[] = [];
  for (const part of f.split('-')) {
    const a = atomOf(part);
    if (!a) return null;
    out.push(a);
  }
  return out;
}

/**
 * Reads atoms into the digit groups a person dictates: "zéro" "quatre" → "0", "4";
 * "septante cinq" → "75"; "quatre cent nonante huit" → "498"; "quatre vingt douze" → "92".
 */
function digitsOf(atoms: readonly Atom[]): string {
  let out = '';
  let i = 0;
  const at = (k: number) => atoms[k];
  while (i < atoms.length) {
    const a = at(i) as Atom;
    if (a.kind === 'value') {
      const next = at(i + 1);
      // Dutch "vierhonderd zevenennegentig": a round hundred and what follows make one group.
      if (a.digits === 3 && a.v % 100 === 0 && next && next.kind !== 'hundred' && next.kind !== 'et') {
        if (next.kind === 'value' && next.v < 100 && next.digits <= 2) {
          out += String(a.v + next.v);
          i += 2;
          continue;
        }
        const rest = readBelowHundred(atoms, i + 1);
        if (rest) {
          out += String(a.v + rest.v);
          i = rest.next;
          continue;
        }
      }
      out += String(a.v).padStart(a.digits, '0');
      i++;
      continue;
    }
    if (a.kind === 'et') {
      i++;
      continue;
    }
    // Hundreds: [unit] cent [rest < 100]
    let hundreds = -1;
    if (a.kind === 'hundred') {
      hundreds = 1;
      i++;
    } else if (a.kind === 'unit' && a.v >= 2 && at(i + 1)?.kind === 'hundred') {
      hundreds = a.v;
      i += 2;
    }
    const rest = readBelowHundred(atoms, i);
    if (hundreds > 0) {
      out += String(hundreds * 100 + (rest ? rest.v : 0));
      i = rest ? rest.next : i;
      continue;
    }
    if (rest) {
      out += String(rest.v).padStart(rest.digits, '0');
      i = rest.next;
    } else i++;
  }
  return out;
}

function readBelowHundred(atoms: readonly Atom[], i: number): { v: number; digits: number; next: number } | null {
  const a = atoms[i];
  if (!a) return null;
  const b = atoms[i + 1];
  // "quatre vingt(s)" = 80, then "dix/douze/un…"
  if (a.kind === 'unit' && a.v === 4 && b?.kind === 'tens' && b.v === 20) {
    const c = atoms[i + 2];
    const d = atoms[i + 3];
    // quatre-vingt-dix-sept
    if (c?.kind === 'teen' && c.v === 10 && d?.kind === 'unit' && d.v >= 7) return { v: 90 + d.v, digits: 2, next: i + 4 };
    if (c?.kind === 'teen') return { v: 80 + c.v, digits: 2, next: i + 3 };
    if (c?.kind === 'unit' && c.v > 0) return { v: 80 + c.v, digits: 2, next: i + 3 };
    return { v: 80, digits: 2, next: i + 2 };
  }
  if (a.kind === 'tens') {
    let k = i + 1;
    if (atoms[k]?.kind === 'et') k++;
    const c = atoms[k];
    // soixante-dix, soixante et onze, soixante-dix-sept
    const d = atoms[k + 1];
    if (c?.kind === 'teen' && c.v === 10 && a.v === 60 && d?.kind === 'unit' && d.v >= 7) return { v: 70 + d.v, digits: 2, next: k + 2 };
    if (c?.kind === 'teen' && a.v === 60) return { v: 60 + c.v, digits: 2, next: k + 1 };
    if (c?.kind === 'unit' && c.v > 0) return { v: a.v + c.v, digits: 2, next: k + 1 };
    return { v: a.v, digits: 2, next: i + 1 };
  }
  if (a.kind === 'teen') {
    // dix-sept, dix-huit, dix-neuf
    if (a.v === 10 && b?.kind === 'unit' && b.v >= 7) return { v: 10 + b.v, digits: 2, next: i + 2 };
    return { v: a.v, digits: 2, next: i + 1 };
  }
  if (a.kind === 'unit') return { v: a.v, digits: 1, next: i + 1 };
  return null;
}

// What may stand between two words of a dictated number.
const JOIN = /^(?:\s{0,2}[,./-]?\s{0,2})$/;

const SERVICE = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL']);

/** True when these digits, as typed or said (with or without 0, 32, 0032), are a Belgian number a person answers. */
export function isBelgianPersonNumber(digits: string, plus = false): boolean {
  let nsn: string;
  if (digits.startsWith('0032')) nsn = digits.slice(4);
  else if (plus || (digits.startsWith('32') && (digits.length === 10 || digits.length === 11))) {
    if (!digits.startsWith('32')) return false;
    nsn = digits.slice(2);
  } else nsn = digits;
  nsn = nsn.replace(/^0/, '');
  if (nsn.length !== 8 && nsn.length !== 9) return false;
  if (nsn.length === 9 && !nsn.startsWith('4')) return false;
  // The console re-scans the note on every keystroke: each number is validated once.
  const known = validity.get(nsn);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(`+32${nsn}`);
  const type = parsed?.isValid() ? parsed.getType() : null;
  const ok = type !== null && (type === undefined || !SERVICE.has(type));
  if (validity.size >= 2_000) validity.clear();
  validity.set(nsn, ok);
  return ok;
}

const validity = new Map<string, boolean>();

export interface NumberSpan {
  start: number;
  end: number;
}


/**
 * Runs of number words (and digit groups) read as digits; the longest part of a run that is a
 * Belgian number is returned. Digits typed without a word need a shape that only phone numbers
 * have (see digitsLookLikePhone): the forms with a leading 0 are the regex's job.
 */
export function findSpokenNumbers(text: string, toks: readonly Token[]): NumberSpan[] {
  const out: NumberSpan[] = [];
  let i = 0;
  while (i < toks.length) {
    const first = toks[i] as Token;
    if (!isNumberToken(first.f)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length && j - i < MAX_RUN && isNumberToken((toks[j + 1] as Token).f) && JOIN.test(text.slice((toks[j] as Token).end, (toks[j + 1] as Token).start))) j++;
    // At most 3 digits a word: a run too short for a phone number is not read at all.
    let most = 0;
    for (let k = i; k <= j; k++) {
      const f = (toks[k] as Token).f;
      most += /^\d+$/.test(f) ? f.length : f === 'et' || f === 'plus' ? 0 : 3 * (f.split('-').length);
    }
    const hit = most >= 8 ? bestWindow(text, toks, i, j) : null;
    if (hit) out.push(hit);
    i = j + 1;
  }
  return out;
}

const MAX_RUN = 16;

/** atomsOf(f) !== null, without building the atoms: asked of every word of a note. */
function isNumberToken(f: string): boolean {
  if (f === 'plus') return true;
  const c = f.charCodeAt(0);
  if (c >= 48 && c <= 57) return DIGITS_1_11.test(f) || (f.includes('-') && f.split('-').every((part) => atomOf(part) !== null));
  if (!f.includes('-')) return NUMBER_WORD_PREFIX.mayHave(f) && WORD_ATOMS.has(f);
  return f.split('-').every((part) => atomOf(part) !== null);
}
const DIGITS_1_11 = /^\d{1,11}$/;

/** The longest sub-run of tokens i..j whose digits are a Belgian number. */
function bestWindow(text: string, toks: readonly Token[], i: number, j: number): NumberSpan | null {
  const words = toks.slice(i, j + 1);
  const first = words[0] as Token;
  // Digits with their 0, 00 or + are the phone regexes' job; here only those without.
  if (words.every((w) => /^[\d-]+$/.test(w.raw)) && ((first.raw.startsWith('0') && !first.raw.startsWith('0032')) || text[first.start - 1] === '+')) return null;
  const atoms = words.map((w) => (w.f === 'plus' ? [] : (atomsOf(w.f) as Atom[])));
  if (atoms.reduce((n, a) => n + a.length, 0) < 3 && !words.some((w) => /^\d{8,}$/.test(w.raw))) return null;
  for (let a = 0; a < words.length; a++) {
    for (let b = words.length - 1; b >= a; b--) {
      const firstTok = words[a] as Token;
      const lastTok = words[b] as Token;
      const plus = firstTok.f === 'plus' || text[firstTok.start - 1] === '+';
      const digits = digitsOf(atoms.slice(a, b + 1).flat());
      if (digits.length < 8 || digits.length > 13) continue;
      const raw = text.slice(firstTok.start, lastTok.end);
      if (/^[\d\s.,/-]+$/.test(raw) && ((raw.startsWith('0') && !raw.startsWith('0032')) || !digitsLookLikePhone(text, firstTok.start, raw))) continue;
      // Said in words, a landline usually starts with its zero ("zéro deux…") or 32. Eight
      // digits without one are a number only when they are said in pairs or hundreds, as
      // numbers are dictated ("deux, cinq cent douze, trente-quatre, cinquante-six"), or follow
      // "tél", "fixe", "nummer"…; otherwise they are a count ("un deux trois… huit").
      const spoken = !/^[\d\s.,/-]+$/.test(raw);
      if (spoken && digits.length === 8 && !plus && !(pairsIn(atoms.slice(a, b + 1).flat()) >= 2 || PHONE_WORD_BEFORE.test(text.slice(Math.max(0, firstTok.start - 24), firstTok.start)))) continue;
      if (isBelgianPersonNumber(digits, plus)) return { start: text[firstTok.start - 1] === '+' ? firstTok.start - 1 : firstTok.start, end: lastTok.end };
    }
  }
  return null;
}

/** Groups said as one number of two or three digits ("douze", "septante-cinq", "cinq cent douze", "12"). */
function pairsIn(atoms: readonly Atom[]): number {
  return atoms.filter((x) => x.kind === 'tens' || x.kind === 'teen' || x.kind === 'hundred' || (x.kind === 'value' && x.digits >= 2)).length;
}

const DATE_LIKE = /^(?:0?[1-9]|[12]\d|3[01])[\s./-](?:0?[1-9]|1[0-2])[\s./-](?:19|20)\d\d$/;
// A date inside the run ("né le 05/06/2023, 1 enfant"): the digits around it are not a number.
const DATE_INSIDE = /\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}/;
const PHONE_WORD_BEFORE = /(?:t[ée]l[ée]?(?:phone)?|gsm|portable|fixe|num[ée]ro|n°|nummer|nr|tel|bel(?:len)?|appeler|rappeler|joindre|phone|vast|sms|whatsapp)\W{0,3}(?:au|le|sur|op|naar|:)?\W{0,3}$/iu;

/** Digits typed without the 0: "470 12 34 56", "475/23.45.67", "32 470 12 34 56", "2 512 34 56" after "tél". */
function digitsLookLikePhone(text: string, start: number, raw: string): boolean {
  if (DATE_LIKE.test(raw) || DATE_INSIDE.test(raw)) return false;
  const groups = raw.split(/[^\d]+/).filter(Boolean);
  const digits = groups.join('');
  const grouped = groups.length >= 3 && groups.every((g) => g.length <= 4);
  // A mobile without its 0 (4xx…, 9 digits) is unmistakable; so is 32/0032 in front; an
  // 8-digit landline without its 0 needs "tél", "gsm", "nummer"… just before it.
  if (/^4[5-9]\d{7}$/.test(digits) && (grouped || groups.length === 1)) return true;
  if (grouped && /^(?:0032|32|0)/.test(digits)) return true;
  return grouped && PHONE_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * The digits a phone finding stands for, however it was written: "02 512 34 56" → "025123456",
 * "zéro deux, cinq cent douze…" → "025123456". Used to compare a number in a note with the
 * directory's numbers (src/guard/reachabilityNotes.ts).
 */
export function phoneDigits(match: string): string {
  const plus = match.trimStart().startsWith('+') ? '+' : '';
  // Typed in digits: the digits as they stand ("02 600 54 11" is not "0 2 654 11").
  if (!/\p{L}/u.test(match)) return `${plus}${match.replace(/\D/g, '')}`;
  WORD_SPLIT.lastIndex = 0;
  const atoms: Atom[] = [];
  let m: RegExpExecArray | null;
  while ((m = WORD_SPLIT.exec(match)) !== null) {
    const f = m[0].toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    const a = f === 'plus' ? [] : atomsOf(f);
    if (a) atoms.push(...a);
  }
  return `${plus}${digitsOf(atoms)}`;
}
const WORD_SPLIT = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** A Belgian number's national significant digits (no 0, 32, 0032 or +32 in front), for comparing two ways of writing it. */
export function nationalDigits(digits: string): string {
  const d = digits.replace(/[^\d+]/g, '');
  if (d.startsWith('+32')) return d.slice(3).replace(/^0/, '');
  if (d.startsWith('+')) return d;
  if (d.startsWith('0032')) return d.slice(4).replace(/^0/, '');
  if (d.startsWith('32') && (d.length === 10 || d.length === 11)) return d.slice(2);
  return d.replace(/^0/, '');
}
