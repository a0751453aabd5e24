// The anonymity guard: finds data that identifies a caller in free text (call notes, the
// pseudonym, the unmet-need text) so the console can flag it as it is typed and redact it in
// one click. Pure (no Node, no DOM): the renderer runs it on every keystroke, the core runs it
// again before a call record is closed and before any text leaves the PC (see
// src/guard/outgoingText.ts).
//
// What it finds:
// - phone numbers: Belgian national formats (landlines 0X… 9 digits, mobiles 04[5-9]… 10 digits,
//   any grouping with spaces, dots, slashes, dashes, "(02)") and international ones (+… / 00…),
//   except the non-geographic service numbers that identify nobody (0800, 090x, 070, 077, 078);
// - e-mail addresses, including the spoken forms "name (at) domain.be", "name [at] domain.be";
// - Belgian national register numbers (and BIS numbers), only when the check digits hold,
//   with the rule for people born before 2000 and the one for people born from 2000;
// - IBANs (country length and mod-97 check) and old Belgian account numbers 000-0000000-00;
// - street addresses with a house number: "rue de la Loi 16", "12 avenue Louise",
//   "Wetstraat 16 bus 3", "Chaussée de Haecht 1234, 1030 Schaerbeek"…
// - person names after a civility or a naming verb, or a known given name + surname
//   (guard/personNames.ts), except names of services, places and the directory's organisations;
// - Belgian numbers as people say them: in words (FR/NL, digit by digit or in pairs), without
//   the leading 0, with 32/0032 (guard/spokenNumbers.ts);
// - e-mail addresses written out: "arobase", "at", "apenstaartje", "point/punt/dot" + a known TLD
//   (guard/spokenEmails.ts).
// Near misses (dates, amounts, postcodes alone, times, numbers with a wrong check digit,
// "à la rue depuis 3 mois") are not flagged: every false alarm teaches responders to ignore it.

import { BASE_CONTEXT, type GuardContext } from './guard/guardContext.ts';
import { findPersonNames } from './guard/personNames.ts';
import { findSpokenEmails } from './guard/spokenEmails.ts';
import { findSpokenNumbers } from './guard/spokenNumbers.ts';
import { tokenize } from './guard/words.ts';
import type { IdentifyingKind } from './identifyingKinds.ts';

export { BASE_CONTEXT, guardContext, type GuardContext } from './guard/guardContext.ts';

export type { IdentifyingKind } from './identifyingKinds.ts';

export interface IdentifyingFinding {
  kind: IdentifyingKind;
  /** Offsets in the scanned text: text.slice(start, end) === match. */
  start: number;
  end: number;
  match: string;
}

/** Texts longer than this are scanned in their first MAX_SCAN_CHARS characters only. */
export const MAX_SCAN_CHARS = 20_000;

// ---------------------------------------------------------------------------------------------
// Phone numbers

const SEP = '[ .\\/\\-]';
// Before a number: no letter, digit or plus, and no "digit + separator" (the tail of a date or an account).
const NUM_START = '(?<![\\p{L}\\p{N}+])(?<!\\p{N}[.\\/\\-])';
// After a number: no letter or digit, and no "separator + digit" (the number goes on).
const NUM_END = '(?![\\p{L}\\p{N}])(?![.\\/\\-,]\\p{N})';

const BE_NATIONAL_RE = new RegExp(`${NUM_START}(?:\\(0\\d{1,3}\\)|0\\d{1,3})(?:\\s?${SEP}?\\s?\\d{2,4}){1,4}${NUM_END}`, 'gu');
const INTERNATIONAL_RE = new RegExp(`${NUM_START}(?:\\+|00)\\s?[1-9]\\d{0,2}(?:\\s?\\(0\\))?(?:${SEP}?\\s?\\d{1,4}){2,6}${NUM_END}`, 'gu');

/** Free or shared-cost service numbers: they identify a service, never a caller. */
const SERVICE_PREFIXES = /^0(?:800|90\d|70|77|78)/;

const DATE_INSIDE = /\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}/;
// Ten digits not Belgian: French (0X XX XX XX XX) or Dutch (06-12345678) numbers written nationally.
const FR_NL_NATIONAL = /^(?:0[1-35-9](?:[ .-]?\d\d){4}|06[ -]?\d{8})$/;

function isNationalNumber(raw: string): boolean {
  if (DATE_INSIDE.test(raw)) return false;
  const digits = raw.replace(/\D/g, '');
  return isBelgianNational(digits) || (digits.length === 10 && FR_NL_NATIONAL.test(raw.trim()));
}

function isBelgianNational(digits: string): boolean {
  if (SERVICE_PREFIXES.test(digits)) return false;
  if (digits.length === 10) return /^04[5-9]/.test(digits);
  if (digits.length === 9) return /^0[1-9]/.test(digits) && !digits.startsWith('04');
  return false;
}

function isInternational(raw: string): boolean {
  const digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '').replace(/^00/, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (digits.startsWith('32')) {
    // Belgium: the national number without its 0 (8 or 9 digits); "+32 0470…" is common too.
    const nsn = digits.slice(2).replace(/^0/, '');
    return isBelgianNational(`0${nsn}`);
  }
  if (digits.startsWith('33')) return /^[1-9]\d{8}$/.test(digits.slice(2).replace(/^0/, ''));
  if (digits.startsWith('31')) return /^[1-9]\d{8}$/.test(digits.slice(2).replace(/^0/, ''));
  return digits.length >= 9;
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses

const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}_%+-])?(?:\s?@\s?|\s?[[(]\s?(?:at|arobase)\s?[\])]\s?)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?(?:(?:\.|\s?[[(]\s?(?:dot|point)\s?[\])]\s?)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?)*(?:\.|\s?[[(]\s?(?:dot|point)\s?[\])]\s?)\p{L}{2,24}(?![\p{L}\p{N}-])/gu;

// ---------------------------------------------------------------------------------------------
// Belgian national register numbers: YY.MM.DD-SSS.CC

const NRN_RE = /(?<![\p{L}\p{N}])(\d{2})([. ]?)(\d{2})\2(\d{2})[ .-]?(\d{3})[ .-]?(\d{2})(?![\p{L}\p{N}])/gu;

/** True when the 11 digits are a valid national register (or BIS) number. */
export function isValidNationalNumber(value: string): boolean {
  const d = value.replace(/\D/g, '');
  if (d.length !== 11) return false;
  const month = Number(d.slice(2, 4));
  const day = Number(d.slice(4, 6));
  // BIS numbers add 20 or 40 to the month; an unknown month or day is written 00.
  const m = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
  if (m > 12 || day > 31) return false;
  const base = Number(d.slice(0, 9));
  const check = Number(d.slice(9));
  if (check < 1 || check > 97) return false;
  // Born before 2000: 97 - (first nine digits mod 97); from 2000: a 2 is put in front of them.
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

// ---------------------------------------------------------------------------------------------
// Bank accounts

const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CI: 28, CM: 27, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, DZ: 26, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27,
  GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MA: 28, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, SN: 28, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

function mod97(numeric: string): number {
  let r = 0;
  for (let i = 0; i < numeric.length; i += 7) r = Number(`${r}${numeric.slice(i, i + 7)}`) % 97;
  return r;
}

/** True when `value` (spaces allowed) is an IBAN of a known country with a valid mod-97 check. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/[\s-]/g, '').toUpperCase();
  const len = IBAN_LENGTHS[iban.slice(0, 2)];
  if (!len || iban.length !== len || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(numeric) === 1;
}

const IBAN_START_RE = /(?<![\p{L}\p{N}])([A-Za-z]{2})\d{2}/gu;

/** From an IBAN's first four characters, reads alphanumerics (single spaces or dashes between groups) up to the country's length. */
function ibanAt(text: string, start: number): number | null {
  const len = IBAN_LENGTHS[text.slice(start, start + 2).toUpperCase()];
  if (!len) return null;
  let count = 0;
  let i = start;
  while (i < text.length && count < len) {
    const c = text[i] as string;
    if (/[A-Za-z0-9]/.test(c)) {
      count++;
      i++;
    } else if ((c === ' ' || c === '-') && count >= 4 && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) {
      i++;
    } else break;
  }
  if (count !== len) return null;
  if (/[\p{L}\p{N}]/u.test(text[i] ?? '')) return null;
  return isValidIban(text.slice(start, i)) ? i : null;
}

const BE_ACCOUNT_RE = /(?<![\p{L}\p{N}-])(\d{3})-(\d{7})-(\d{2})(?![\p{L}\p{N}]|-\d)/gu;

function isValidBelgianAccount(a: string, b: string, c: string): boolean {
  const r = Number(`${a}${b}`) % 97;
  return (r === 0 ? 97 : r) === Number(c);
}

// ---------------------------------------------------------------------------------------------
// Street addresses with a number

/** Both cases of the first letter: "[Rr]ue". No `i` flag, so \p{Lu} keeps meaning "capital". */
function words(list: readonly string[]): string {
  return list
    .map((w) => {
      const first = w[0] as string;
      const up = first.toUpperCase();
      return `${up === first ? first : `[${up}${first}]`}${w.slice(1).replace(/\./g, '\\.')}`;
    })
    .join('|');
}

// Street types that are rarely anything else: the name may be typed in lower case.
const CLEAR_TYPES = ['rue', 'ruelle', 'avenue', 'av.', 'chaussée', 'chaussee', 'chée', 'boulevard', 'bd', 'bld', 'drève', 'dreve', 'rond-point', 'venelle'];
// Street types that are also common words ("une place pour 3", "le passage de 2 agents"): the
// name must carry a capital ("place Flagey 7", "square Ambiorix 10").
const AMBIGUOUS_TYPES = ['place', 'pl.', 'square', 'sq.', 'quai', 'impasse', 'allée', 'allee', 'clos', 'chemin', 'sentier', 'galerie', 'passage', 'parvis', 'cité', 'cite', 'voie', 'esplanade'];
const CONNECTORS = ['de', 'du', 'des', 'd\'', 'd’', 'la', 'le', 'les', 'l\'', 'l’', 'au', 'aux', 'van', 'der', 'den', 'sur', 'sous', 'lez', 'lès'];
// Lower-case words that never belong to a street name: they end the name, so "dans la rue
// depuis 3 mois" or "rue avec 2 enfants" are not addresses.
const STOPWORDS = [
  'a', 'à', 'ai', 'as', 'avait', 'avec', 'car', 'ce', 'ces', 'cet', 'cette', 'chez', 'dans', 'depuis', 'donc', 'elle', 'elles', 'en', 'environ', 'est', 'et',
  'était', 'été', 'fait', 'il', 'ils', 'je', 'jusqu', 'leur', 'leurs', 'ma', 'mais', 'mes', 'mon', 'nous', 'on', 'ont', 'ou', 'où', 'par', 'pas', 'pendant',
  'plus', 'pour', 'qu', 'quand', 'que', 'qui', 'sa', 'sans', 'ses', 'son', 'sont', 'tous', 'tout', 'toute', 'très', 'tu', 'un', 'une', 'vers', 'vous', 'y',
  'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'depuis', 'avant', 'après', 'apres', 'entre', 'contre', 'puis', 'alors',
  'and', 'for', 'since', 'with', 'the', 'met', 'voor', 'sinds', 'het', 'een', 'nog', 'is', 'was', 'heeft', 'zijn', 'geen', 'niet', 'al', 'of', 'en',
];
const NL_SUFFIXES = ['straat', 'str.', 'laan', 'steenweg', 'plein', 'dreef', 'kaai', 'lei', 'weg', 'baan', 'singel', 'markt', 'gracht', 'dijk', 'vest', 'hof', 'pad', 'kade', 'park', 'wegel', 'berg', 'veld'];

// What follows a number and makes it a quantity, not a house number.
const UNITS =
  '(?:ans?|jours?|mois|semaines?|heures?|h|min|minutes?|secondes?|euros?|eur|€|%|enfants?|personnes?|fois|nuits?|kg|km|m|ème|e|er|ère|jaar|jaren|dagen|dag|weken|week|maanden|maand|uur|keer|kinderen|years?|days?|weeks?|months?|hours?|times|children)';

// "tram 4 rue Royale", "bus 71 avenue…": a line number, not a house number.
const TRANSPORT = ['tram', 'bus', 'ligne', 'métro', 'metro', 'lijn', 'line', 'route', 'n°', 'nr', 'numéro', 'quai', 'perron'];
const NAME_WORD = '[\\p{L}][\\p{L}\'’.\\-]*';
const CAP_WORD = '\\p{Lu}[\\p{L}\'’.\\-]*';
const CONNECTOR = `(?:${CONNECTORS.map((c) => c.replace(/\./g, '\\.')).join('|')})`;
const STOP = `(?:${STOPWORDS.join('|')})`;
// A name token: a connector, a capitalised word, or a lower-case word that is not a stop word.
const NAME_TOKEN = `(?:${CONNECTOR}(?=[\\s\\p{L}])|${CAP_WORD}|(?!${STOP}(?![\\p{L}'’]))${NAME_WORD})`;
const HOUSE_NUMBER = `(?:(?:n°|no|nr|numéro|num\\.?)\\s?)?\\d{1,4}(?:\\s?(?:bis|ter)|[A-Za-z](?![\\p{L}]))?`;
const BOX = `(?:,?\\s?(?:bte|boîte|boite|bus|bt|b)\\.?\\s?\\d{1,4}[A-Za-z]?|\\s?\\/\\s?\\d{1,3})?`;
const POSTCODE_TAIL = `(?:,?\\s(?:B-)?1\\d{3}(?:\\s(?:${CAP_WORD})(?:[\\s-](?:${CAP_WORD}))*)?)?`;
const AFTER_NUMBER = `(?![\\p{L}\\p{N}])(?!\\s?${UNITS}(?![\\p{L}]))`;
const GAP = '(?:\\s|\\s?,\\s?)';

// "rue de la Loi 16", "Avenue Louise, 54 bte 3, 1050 Ixelles"
const TYPE_FIRST_CLEAR = `(?<![\\p{L}])(?:${words(CLEAR_TYPES)})\\s(?:${NAME_TOKEN}\\s){0,5}?${NAME_TOKEN}${GAP}${HOUSE_NUMBER}${AFTER_NUMBER}${BOX}${POSTCODE_TAIL}`;
// "place Flagey 7" (a capitalised word somewhere in the name)
const TYPE_FIRST_AMBIGUOUS = `(?<![\\p{L}])(?:${words(AMBIGUOUS_TYPES)})\\s(?=(?:${NAME_TOKEN}\\s){0,5}?${CAP_WORD})(?:${NAME_TOKEN}\\s){0,5}?${NAME_TOKEN}${GAP}${HOUSE_NUMBER}${AFTER_NUMBER}${BOX}${POSTCODE_TAIL}`;
// "12, rue de la Loi", "16 avenue Louise": the name runs over connectors and capitalised words.
const NUMBER_FIRST = `(?<![\\p{L}\\p{N}.,/-])(?<!(?:${words(TRANSPORT)})\\s)\\d{1,4}(?:\\s?(?:bis|ter)|[A-Za-z])?,?\\s(?:${words([...CLEAR_TYPES, ...AMBIGUOUS_TYPES])})\\s(?:${CONNECTOR}\\s?)*${CAP_WORD}(?:\\s(?:${CONNECTOR}\\s?)*${CAP_WORD})*${POSTCODE_TAIL}`;
// "Wetstraat 16", "Koning Albert II-laan 20", "Grote Markt 7", "Sint-Jansplein 3 bus 2"
const NL_SUFFIX = `(?:${NL_SUFFIXES.map((s) => s.replace(/\./g, '\\.')).join('|')})`;
const NL_SUFFIX_CAP = `(?:${NL_SUFFIXES.map((s) => `${s[0]!.toUpperCase()}${s.slice(1).replace(/\./g, '\\.')}`).join('|')})`;
const NL_STREET = `(?<![\\p{L}])(?:(?:${CAP_WORD}\\s){0,3}[\\p{L}][\\p{L}'’\\-]+${NL_SUFFIX}|(?:${CAP_WORD}\\s){1,3}${NL_SUFFIX_CAP})${GAP}?\\s?${HOUSE_NUMBER}${AFTER_NUMBER}${BOX}${POSTCODE_TAIL}`;

const FR_ADDRESS_RES = [TYPE_FIRST_CLEAR, TYPE_FIRST_AMBIGUOUS, NUMBER_FIRST].map((s) => new RegExp(s, 'gu'));
const NL_ADDRESS_RE = new RegExp(NL_STREET, 'gu');
// What each kind of address cannot do without: a street type ("rue", "Avenue", "pl."), or a
// Dutch street suffix at the end of a word ("…straat", "…laan").
// Its "no letter before" is checked by windowsAround (notLetterBefore), not by a lookbehind the
// regex would try at each of a long note's positions before its words (issue 20: a dense note).
const FR_STREET_SIGN_RE = new RegExp(`(?:${words([...CLEAR_TYPES, ...AMBIGUOUS_TYPES])})(?![\\p{L}])`, 'gu');
const LETTER = /^\p{L}$/u;
function notLetterBefore(text: string, at: number): boolean {
  if (at === 0) return true;
  // The whole character before (a letter outside the BMP is two code units).
  const low = text.charCodeAt(at - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return !LETTER.test(String.fromCodePoint(text.codePointAt(from) as number));
}
const NL_STREET_SIGN_RE = new RegExp(`(?:${NL_SUFFIX}|${NL_SUFFIX_CAP})(?![\\p{L}])`, 'gu');

// ---------------------------------------------------------------------------------------------

const EMAIL_SIGN_RE = /@|[[(]\s?(?:at|arobase)\s?[\])]/giu;

/**
 * Merged ranges of `text` around each match of `sign` (`before` characters before it, `after`
 * after), widened to whitespace so no pattern starts or ends inside a word: a slice then scans
 * exactly as the whole text would around the sign.
 */
function windowsAround(text: string, sign: RegExp, before: number, after: number, accept?: (text: string, at: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  sign.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = sign.exec(text)) !== null) {
    if (accept && !accept(text, m.index)) {
      // Refused: the next sign may start one character further (never skip one inside this match).
      sign.lastIndex = m.index + 1;
      continue;
    }
    let s = Math.max(0, m.index - before);
    while (s > 0 && !/\s/.test(text[s] as string)) s--;
    let e = Math.min(text.length, m.index + m[0].length + after);
    while (e < text.length && !/\s/.test(text[e] as string)) e++;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
    sign.lastIndex = Math.max(sign.lastIndex, m.index + m[0].length);
  }
  return out;
}

function* allMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

// When two findings overlap, the more specific one wins.
const PRIORITY: Record<IdentifyingKind, number> = { nationalNumber: 0, iban: 1, email: 2, phone: 3, address: 4, name: 5 };

/**
 * Every identifying passage in `text`, in text order, without overlaps. `context`: the
 * directory's organisation names and the communes, so that they are not taken for people.
 */
export function findIdentifyingData(input: string, context: GuardContext = BASE_CONTEXT): IdentifyingFinding[] {
  const text = input.length > MAX_SCAN_CHARS ? input.slice(0, MAX_SCAN_CHARS) : input;
  const found: IdentifyingFinding[] = [];
  const add = (kind: IdentifyingKind, start: number, end: number) => {
    const match = text.slice(start, end).replace(/[\s,]+$/u, '');
    found.push({ kind, start, end: start + match.length, match });
  };

  for (const m of allMatches(NRN_RE, text)) if (isValidNationalNumber(m[0])) add('nationalNumber', m.index, m.index + m[0].length);
  for (const m of allMatches(IBAN_START_RE, text)) {
    const end = ibanAt(text, m.index);
    if (end !== null) add('iban', m.index, end);
  }
  for (const m of allMatches(BE_ACCOUNT_RE, text)) if (isValidBelgianAccount(m[1] as string, m[2] as string, m[3] as string)) add('iban', m.index, m.index + m[0].length);
  // The e-mail and address patterns are costly at every position of a long note: they run only
  // around what they cannot do without (an @ or a bracketed "at"; a digit for a house number).
  for (const [s, e] of windowsAround(text, EMAIL_SIGN_RE, 80, 260)) {
    for (const m of allMatches(EMAIL_RE, text.slice(s, e))) add('email', s + m.index, s + m.index + m[0].length);
  }
  for (const m of allMatches(BE_NATIONAL_RE, text)) if (isNationalNumber(m[0])) add('phone', m.index, m.index + m[0].length);
  for (const m of allMatches(INTERNATIONAL_RE, text)) if (isInternational(m[0])) add('phone', m.index, m.index + m[0].length);
  for (const [s, e] of windowsAround(text, FR_STREET_SIGN_RE, 40, 220, notLetterBefore)) {
    const part = text.slice(s, e);
    for (const re of FR_ADDRESS_RES) for (const m of allMatches(re, part)) add('address', s + m.index, s + m.index + m[0].length);
  }
  for (const [s, e] of windowsAround(text, NL_STREET_SIGN_RE, 160, 90)) {
    for (const m of allMatches(NL_ADDRESS_RE, text.slice(s, e))) add('address', s + m.index, s + m.index + m[0].length);
  }
  for (const e of findSpokenEmails(text)) add('email', e.start, e.end);
  const tokens = tokenize(text);
  for (const n of findSpokenNumbers(text, tokens)) add('phone', n.start, n.end);
  for (const n of findPersonNames(text, tokens, context)) add('name', n.start, n.end);

  // Most specific first, then longest; keep what does not overlap something already kept.
  found.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: IdentifyingFinding[] = [];
  // Characters already covered by a kept finding: one pass over each finding's span instead of
  // comparing every finding with every kept one (a dense 20,000-character note has hundreds).
  const taken = new Uint8Array(text.length);
  for (const f of found) {
    let free = true;
    for (let i = f.start; i < f.end && free; i++) if (taken[i] === 1) free = false;
    if (!free) continue;
    taken.fill(1, f.start, f.end);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Replaces the given findings (default: all of them) with `replacement(kind)`, from the end so offsets hold. */
export function redactIdentifyingData(
  text: string,
  replacement: (kind: IdentifyingKind) => string,
  findings: readonly IdentifyingFinding[] = findIdentifyingData(text),
): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    if (out.slice(f.start, f.end) !== f.match) continue;
    out = out.slice(0, f.start) + replacement(f.kind) + out.slice(f.end);
  }
  return out;
}
