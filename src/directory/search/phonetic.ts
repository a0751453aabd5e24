// Spellings by ear (issue 17): a responder types what the caller said, or what an acronym
// sounds like ("cepas" for CPAS, "ocemwe" for OCMW, "foto" for photo). For a query word the
// index does not know, these are the other spellings worth looking up; the index keeps only
// those it holds. Kept small and explicit: each rule is a sound French or Dutch writes two ways.

const RULES: readonly (readonly [RegExp, string])[] = [
  [/ph/g, 'f'],
  [/f/g, 'ph'],
  [/qu/g, 'k'],
  [/k/g, 'c'],
  [/c(?=[aou])/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/s(?=[eiy])/g, 'c'],
  [/y/g, 'i'],
  [/i/g, 'y'],
  [/eau/g, 'o'],
  [/au/g, 'o'],
  [/o(?!u)/g, 'au'],
  [/ai/g, 'e'],
  [/ei/g, 'ij'],
  [/ij/g, 'ei'],
  [/ou/g, 'oe'],
  [/oe/g, 'ou'],
  [/ch/g, 'sh'],
  [/sh/g, 'ch'],
  [/w/g, 'v'],
  [/v/g, 'w'],
  [/x/g, 'ks'],
  [/ks/g, 'x'],
  [/([b-df-hj-np-tv-z])\1/g, '$1'],
  [/z/g, 's'],
  [/s/g, 'z'],
  [/(?<=[aeiou])s(?=[aeiou])/g, 'ss'],
  [/e?s$/g, ''],
  [/$/g, 's'],
];

/** An acronym spoken letter by letter and typed as heard: "cepas" → cpas, "epeenne" → epn. */
const LETTER_NAMES: readonly (readonly [string, string])[] = [
  ['esse', 's'], ['emme', 'm'], ['enne', 'n'], ['elle', 'l'], ['effe', 'f'], ['erre', 'r'],
  ['ce', 'c'], ['pe', 'p'], ['de', 'd'], ['te', 't'], ['ve', 'v'], ['be', 'b'], ['we', 'w'], ['ge', 'g'],
  ['es', 's'], ['em', 'm'], ['en', 'n'], ['el', 'l'], ['ef', 'f'], ['er', 'r'],
];

function spokenLetters(word: string): string[] {
  const out = new Set<string>();
  // Each letter name may be read as its letter; try reading every occurrence (small words only).
  const walk = (i: number, acc: string): void => {
    if (out.size > 16) return;
    if (i === word.length) {
      if (acc !== word && acc.length >= 2) out.add(acc);
      return;
    }
    for (const [name, letter] of LETTER_NAMES) if (word.startsWith(name, i)) walk(i + name.length, acc + letter);
    walk(i + 1, acc + (word[i] as string));
  };
  if (word.length <= 12) walk(0, '');
  return [...out];
}

/** Other spellings of a word by ear, each at most one rule (or one letter-by-letter reading) away. */
export function phoneticVariants(word: string): string[] {
  if (word.length < 3 || /\d/.test(word)) return [];
  const out = new Set<string>();
  for (const [re, to] of RULES) {
    const v = word.replace(re, to);
    if (v !== word && v.length >= 2) out.add(v);
  }
  for (const v of spokenLetters(word)) out.add(v);
  return [...out];
}
