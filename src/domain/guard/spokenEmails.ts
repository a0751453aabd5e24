// E-mail addresses written the way they are said: "jean.dupont arobase gmail.com", "sarah point
// martin arobase hotmail point fr", "kevin.leroy at skynet point be", "els punt janssens
// apenstaartje gmail punt com", "yasmina[at]hotmail[point]com", "jean@gmail point com".
// Found from the "at" sign outwards: a local part on the left (words joined by dots or by
// "point/punt/dot/tiret/underscore"), a domain on the right ending in a known top-level domain.
// A bare "at" (English "at home") needs the dotted domain and its TLD; the unmistakable signs
// (arobase, apenstaartje, [at], (at), @) also take a well-known mail provider without a TLD
// ("dupont.marc arobase gmail").

const AT_RE = /@|[[(]\s?(?:at|@|arobase|arrobase|apenstaartje)\s?[\])]|(?<![\p{L}\p{N}])(?:at|arobase|arrobase|apenstaartje|apestaartje)(?![\p{L}\p{N}])/giu;

// A dot, said or bracketed: ".", " point ", " punt ", " dot ", "[dot]", "(point)".
const DOT_RE = /^(?:\s?\.\s?|\s?[[(]\s?(?:dot|point|punt|\.)\s?[\])]\s?|\s(?:dot|point|punt)\s)/iu;
const LABEL_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?/u;
// Joins inside a local part, read right to left: ".", "_", "-", " point ", " tiret ", " underscore "…
const LOCAL_JOIN_RE = /(?:\.|_|-|\+|\s(?:point|punt|dot|tiret|streepje|underscore|liggend streepje|tiret bas)\s)$/iu;

const TLDS = new Set([
  'com', 'be', 'fr', 'nl', 'net', 'org', 'eu', 'info', 'lu', 'de', 'uk', 'ch', 'it', 'es', 'pt', 'pl', 'ro', 'ma', 'tn', 'dz', 'sn', 'cd', 'cm', 'ci', 'tr', 'edu', 'gov',
  'io', 'biz', 'me', 'co', 'brussels', 'vlaanderen', 'gent', 'email', 'mail', 'online', 'live',
]);
const PROVIDERS = new Set([
  'gmail', 'hotmail', 'outlook', 'live', 'msn', 'yahoo', 'skynet', 'telenet', 'proximus', 'voo', 'scarlet', 'icloud', 'gmx', 'orange', 'free', 'laposte', 'protonmail',
  'proton', 'aol', 'yandex', 'mail', 'windowslive', 'belgacom',
]);

export interface EmailSpan {
  start: number;
  end: number;
}

/** Reads a domain from `i`: labels joined by dots, each with where it ends. */
function domainAt(text: string, i: number): Array<{ label: string; end: number }> {
  const labels: Array<{ label: string; end: number }> = [];
  let pos = i;
  while (labels.length < 6) {
    const m = LABEL_RE.exec(text.slice(pos, pos + 64));
    if (!m) break;
    pos += m[0].length;
    labels.push({ label: m[0].toLowerCase(), end: pos });
    const dot = DOT_RE.exec(text.slice(pos, pos + 12));
    if (!dot) break;
    pos += dot[0].length;
  }
  return labels;
}

const LOCAL_CHAR_RE = /[\p{L}\p{N}%]/u;

/**
 * Where the word ending at `end` starts (letters, digits, %; at most 64 characters), or `end`
 * when none ends there. A backward scan: an end-anchored regex on a slice ([…]+$) retries from
 * every position of the slice, and this runs at every "at" of a long note.
 */
function wordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < 64) {
    const c = text.charCodeAt(i - 1);
    const ok = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 37 : LOCAL_CHAR_RE.test(text[i - 1] as string);
    if (!ok) break;
    i--;
  }
  return i;
}

/** Reads a local part leftwards from `end`; returns its start, or -1. */
function localBefore(text: string, end: number): number {
  let pos = end;
  let words = 0;
  for (;;) {
    const start = wordStart(text, pos);
    if (start === pos) break;
    pos = start;
    words++;
    const join = LOCAL_JOIN_RE.exec(text.slice(Math.max(0, pos - 20), pos));
    if (!join || words >= 6) break;
    // A join only counts if a word comes before it.
    if (wordStart(text, pos - join[0].length) === pos - join[0].length) break;
    pos -= join[0].length;
  }
  return words > 0 ? pos : -1;
}

export function findSpokenEmails(text: string): EmailSpan[] {
  const out: EmailSpan[] = [];
  AT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AT_RE.exec(text)) !== null) {
    const sign = m[0];
    const bare = /^(?:at)$/i.test(sign);
    // Spaces around the sign: required around a spoken word, optional around @ and brackets.
    let left = m.index;
    let right = m.index + sign.length;
    if (/^\p{L}/u.test(sign)) {
      if (text[left - 1] !== ' ' || text[right] !== ' ') continue;
      left--;
      right++;
    } else {
      if (text[left - 1] === ' ') left--;
      if (text[right] === ' ') right++;
    }
    // The domain first: most "at"s of a note ("at home", "arobase" alone) end there, cheaply.
    const labels = domainAt(text, right);
    if (labels.length === 0) continue;
    // The address ends at the last label that is a known TLD ("skynet.be. Elle…" ends at "be");
    // without one, at a well-known provider's name, after an unmistakable sign only.
    let end = -1;
    for (let k = labels.length - 1; k >= 1; k--) {
      if (TLDS.has((labels[k] as { label: string }).label)) {
        end = (labels[k] as { end: number }).end;
        break;
      }
    }
    const provider = PROVIDERS.has((labels[0] as { label: string }).label);
    if (end < 0 && !bare && provider) end = (labels[0] as { end: number }).end;
    if (end < 0) continue;
    const start = localBefore(text, left);
    if (start < 0) continue;
    // A bare "at" ("meeting at CPAS point info") needs an address-like local part or a mail provider.
    if (bare && !provider && !/[._\d+-]|\s/.test(text.slice(start, left))) continue;
    out.push({ start, end });
    AT_RE.lastIndex = end;
  }
  return out;
}
