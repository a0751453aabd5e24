import { COMMUNES } from '../../domain/communes.ts';
import { normalizeText } from './normalize.ts';
import { tokenize } from './tokenize.ts';

// Resolves what people type or what a spreadsheet holds for a commune ("Schaarbeek",
// "schaerbeek", "1030", "saint-josse", "St-Gilles") to the commune's code.

const byKey = new Map<string, string>();
function add(key: string, code: string): void {
  const k = normalizeText(key).replace(/\s+/g, ' ').trim();
  if (k) {
    byKey.set(k, code);
    byKey.set(k.replace(/ /g, ''), code);
  }
}
for (const c of COMMUNES) {
  add(c.code, c.code);
  add(c.fr, c.code);
  add(c.nl, c.code);
  for (const p of c.postcodes) add(p, c.code);
  // Common abbreviations: St-Gilles, St-Josse, Sint-Jans…
  add(c.fr.replace(/^Saint(e?)-/, 'St$1-'), c.code);
  add(c.nl.replace(/^Sint-/, 'St-'), c.code);
}
add('Bruxelles-Ville', 'bruxelles');
add('Brussel-Stad', 'bruxelles');
add('Brussels', 'bruxelles');
add('Molenbeek', 'molenbeek-saint-jean');
add('Saint-Josse', 'saint-josse-ten-noode');
add('Sint-Joost', 'saint-josse-ten-noode');
add('Watermael', 'watermael-boitsfort');
add('Boitsfort', 'watermael-boitsfort');
add('Laeken', 'bruxelles');
add('Laken', 'bruxelles');
add('Neder-Over-Heembeek', 'bruxelles');
add('Haren', 'bruxelles');

export function resolveCommune(text: string | null | undefined): string | null {
  if (!text) return null;
  const k = normalizeText(text).replace(/\s+/g, ' ').trim();
  return byKey.get(k) ?? byKey.get(k.replace(/ /g, '')) ?? null;
}

export const COMMUNE_BY_CODE = new Map(COMMUNES.map((c) => [c.code, c]));

/** Words a commune is known by (FR + NL names, postcodes), folded, for indexing. */
export function communeWords(code: string): string[] {
  const c = COMMUNE_BY_CODE.get(code);
  if (!c) return [];
  return [...new Set([...tokenize(c.fr), ...tokenize(c.nl), ...c.postcodes])];
}

/** Every word that names a commune somewhere (used to let `*` services answer "… Schaerbeek"). */
export const COMMUNE_WORDS: ReadonlySet<string> = new Set(
  COMMUNES.flatMap((c) => communeWords(c.code)).filter((w) => !['saint', 'sainte', 'sint', 'ten', 'noode', 'node', 'jean', 'jans'].includes(w)),
);
