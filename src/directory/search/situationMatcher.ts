import type { LexiconEntry } from '../lexicon/lexiconSchema.ts';
import { editDistance } from './fuzzyExpand.ts';
import { tokenize } from './tokenize.ts';

// Finds the situation lexicon's phrases in a query (issue 17): "le propriétaire veut le mettre
// dehors" holds "propriétaire" and "mettre dehors". Phrases and queries are compared on folded
// words with the small words of speech skipped (pronouns, auxiliaries: "il veut me mettre
// dehors" ⊃ "mettre dehors"), a typo forgiven on long words, word endings forgiven from a
// common stem ("expulsé" ~ "expulsion", "suicidaire" ~ "suicide"), and the last word allowed
// to be unfinished. Each phrase stands for a concept: theme codes and the words services are
// described with.

/** Words of speech that carry no situation: skipped in phrases and queries alike. */
export const SPEECH_WORDS: ReadonlySet<string> = new Set([
  // fr
  'je', 'j', 'me', 'm', 'moi', 'tu', 'te', 't', 'toi', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'lui', 'y', 'a', 'l', 'd', 'n', 's', 'c',
  'qu', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'notre', 'nos', 'votre', 'vos', 'leurs', 'ne', 'veut', 'veux', 'voudrait', 'va', 'vais', 'vont',
  'peut', 'peux', 'doit', 'dois', 'suis', 'es', 'sommes', 'sont', 'ai', 'as', 'avons', 'ont', 'avait', 'etait', 'ete', 'bien', 'tres', 'trop',
  'deja', 'encore', 'depuis', 'alors', 'tellement', 'vraiment', 'sens', 'suis', 'mais', 'donc', 'car', 'si', 'oui', 'non', 'bonjour', 'madame', 'monsieur', 'aide', 'aider', 'besoin',
  // nl
  'ik', 'jij', 'hij', 'zij', 'ze', 'we', 'wij', 'u', 'mij', 'mijn', 'jouw', 'zijn', 'haar', 'ons', 'onze', 'hem', 'hen', 'er', 'is', 'ben', 'bent',
  'heb', 'hebt', 'heeft', 'hebben', 'wil', 'wilt', 'willen', 'gaat', 'ga', 'moet', 'moeten', 'kan', 'kunnen', 'al', 'nog', 'wel', 'heel', 'echt',
  'nu', 'zo', 'zeer', 'erg', 'voel', 'maar', 'dus', 'want', 'als', 'ja', 'nee', 'hallo', 'dag', 'mevrouw', 'meneer', 'hulp', 'helpen', 'nodig',
]);

export interface Concept {
  themes: readonly string[];
  /** Keyword phrases, folded and tokenised. */
  keywords: readonly (readonly string[])[];
}

export interface ConceptSpan {
  /** Query word positions the phrase covers. */
  positions: number[];
  concept: number;
  quality: number;
}

export interface SituationMatcher {
  concepts: readonly Concept[];
  /** Every folded word of every phrase (for Dutch compound splitting). */
  words: ReadonlySet<string>;
  /** Phrases found in a query's content words (each with its query position). */
  inQuery(seq: readonly { word: string; pos: number }[], lastPos: number): ConceptSpan[];
}

/** Phrase words: folded, stopwords and the small words of speech dropped. */
export function situationWords(text: string): string[] {
  return tokenize(text).filter((w) => !SPEECH_WORDS.has(w));
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How well a typed word stands for a phrase word (0 = not at all). */
function wordQuality(typed: string, word: string, last: boolean): number {
  if (typed === word) return 1;
  if (typed.length >= 6 && word.length >= 6 && commonPrefix(typed, word) >= Math.max(5, Math.min(typed.length, word.length) - 3)) return 0.85;
  if (typed.length >= 5 && editDistance(typed, word, 1) <= 1) return 0.75;
  if (last && typed.length >= 3 && word.startsWith(typed)) return 0.75;
  return 0;
}

interface Phrase {
  words: string[];
  concept: number;
}

export function compileSituations(entries: readonly LexiconEntry[]): SituationMatcher {
  const concepts: Concept[] = [];
  const conceptOf = new Map<string, number>();
  const phrases: Phrase[] = [];
  const words = new Set<string>();
  for (const e of entries) {
    const pw = situationWords(e.phrase);
    if (pw.length === 0) continue;
    const keywords = e.keywords.map((k) => tokenize(k)).filter((k) => k.length > 0);
    const key = JSON.stringify([[...e.themes].sort(), keywords]);
    let concept = conceptOf.get(key);
    if (concept === undefined) {
      concept = concepts.length;
      concepts.push({ themes: e.themes, keywords });
      conceptOf.set(key, concept);
    }
    phrases.push({ words: pw, concept });
    for (const w of pw) words.add(w);
  }
  // Longest phrases first, so "plus rien à manger" wins over "manger" for the same words.
  phrases.sort((a, b) => b.words.length - a.words.length);
  return {
    concepts,
    words,
    inQuery(seq, lastPos) {
      const spans: ConceptSpan[] = [];
      const best = new Map<string, ConceptSpan>();
      for (let i = 0; i < seq.length; i++) {
        for (const p of phrases) {
          if (p.words.length > seq.length - i) continue;
          let quality = 1;
          for (let j = 0; j < p.words.length && quality > 0; j++) {
            const t = seq[i + j] as { word: string; pos: number };
            quality = Math.min(quality, wordQuality(t.word, p.words[j] as string, t.pos === lastPos && j === p.words.length - 1));
          }
          if (quality <= 0) continue;
          // Longer phrases say more: a two-word phrase beats a one-word one of the same quality.
          const q = Math.min(1, quality * (0.9 + 0.05 * Math.min(p.words.length, 2)));
          const positions = [...new Set(seq.slice(i, i + p.words.length).map((s) => s.pos))];
          const key = `${p.concept}:${positions.join(',')}`;
          const prev = best.get(key);
          if (!prev || prev.quality < q) best.set(key, { positions, concept: p.concept, quality: q });
        }
      }
      for (const s of best.values()) spans.push(s);
      return spans;
    },
  };
}

/**
 * Splits a Dutch compound into known parts ("zelfmoordgedachten" → zelfmoord + gedachten),
 * allowing the linking -s- or -e- between parts; null when the word cannot be read that way.
 * Fewest parts win; every part has at least 3 letters.
 */
export function splitCompound(word: string, known: (part: string) => boolean): string[] | null {
  const n = word.length;
  if (n < 7) return null;
  // best[i] = fewest parts covering word[0, i), with the split that achieves it.
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const before = best[i];
    if (!before) continue;
    for (let j = i + 3; j <= n; j++) {
      const part = word.slice(i, j);
      if (!known(part)) continue;
      const next = [...before, part];
      for (const end of [j, ...(j < n && (word[j] === 's' || word[j] === 'e') ? [j + 1] : [])]) {
        const cur = best[end];
        if (!cur || cur.length > next.length) best[end] = next;
      }
    }
  }
  const split = best[n];
  return split && split.length >= 2 ? split : null;
}
