import { COMMUNES, type Commune } from '../../src/domain/communes.ts';

// The 19 communes in the UI language (issue 16, point 10): named and sorted in Dutch for a Dutch
// screen ("Schaarbeek" under S, "Sint-Gillis" beside "Sint-Joost"), never "Evere / Evere".
// The directory stores the French name; `communeInLang` turns it into the screen's.

type Lang = 'fr' | 'nl' | 'en';
const nameIn = (c: Commune, lang: Lang): string => (lang === 'nl' ? c.nl : c.fr);

/** "Schaarbeek" on a Dutch screen, "Schaerbeek" on a French or English one. */
export function communeName(c: Commune, lang: Lang): string {
  return nameIn(c, lang);
}

/** Both names where they differ, the screen's first ("Schaarbeek / Schaerbeek"); one where they are the same. */
export function communeBilingual(c: Commune, lang: Lang): string {
  const other = lang === 'nl' ? c.fr : c.nl;
  return other === nameIn(c, lang) ? nameIn(c, lang) : `${nameIn(c, lang)} / ${other}`;
}

/** The communes in the alphabetical order of the screen's language. */
export function communesSorted(lang: Lang): Commune[] {
  const collator = new Intl.Collator(lang === 'nl' ? 'nl-BE' : 'fr-BE');
  return [...COMMUNES].sort((a, b) => collator.compare(nameIn(a, lang), nameIn(b, lang)));
}

/** A commune as the directory writes it (its French or Dutch name) in the screen's language; other places unchanged. */
export function communeInLang(name: string, lang: Lang): string {
  const key = name.trim().toLowerCase();
  const c = COMMUNES.find((x) => x.fr.toLowerCase() === key || x.nl.toLowerCase() === key);
  return c ? nameIn(c, lang) : name;
}
