// How a caller's pseudonym is compared (issue 15, repeat callers): the responder types it as
// they hear it, so "Monsieur Lundi", "monsieur  lundi" and "Monsieur Lundi." must meet, and
// "Élise" and "Elise" too. Case, accents, punctuation and spacing are ignored; letters and
// digits in any script are kept. Nothing more clever: a looser match would suggest a stranger's
// calls as this caller's.

export function normalisePseudonym(pseudonym: string): string {
  return pseudonym
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('fr-BE')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
