import { editDistance } from './fuzzyExpand.ts';
import type { SynonymGroup } from './synonyms.ts';
import { tokenize } from './tokenize.ts';

// Finds synonym phrases in a sequence of folded words: in documents (exact words, at index
// time) and in queries (tolerating a typo on long words and an unfinished last word).

interface Phrase {
  words: string[];
  group: number;
}

export interface SynonymSpan {
  /** Positions in the word sequence, inclusive. */
  start: number;
  end: number;
  group: number;
  quality: number;
}

export interface SynonymMatcher {
  groupCount: number;
  /** Folded words of every phrase of a group (for highlighting). */
  groupWords(group: number): readonly string[];
  /** Groups whose phrases occur in a document's words. */
  inDocument(words: readonly string[], found: (group: number) => void): void;
  /** Phrases found in a query's words; the last word may be unfinished. */
  inQuery(words: readonly string[]): SynonymSpan[];
}

export function compileSynonyms(groups: readonly SynonymGroup[]): SynonymMatcher {
  const phrases: Phrase[] = [];
  const byFirst = new Map<string, Phrase[]>();
  const words: string[][] = [];
  groups.forEach((g, group) => {
    const ws = new Set<string>();
    for (const p of g) {
      const tokens = tokenize(p);
      if (tokens.length === 0) continue;
      const phrase = { words: tokens, group };
      phrases.push(phrase);
      const list = byFirst.get(tokens[0] as string) ?? [];
      list.push(phrase);
      byFirst.set(tokens[0] as string, list);
      for (const t of tokens) ws.add(t);
    }
    words.push([...ws]);
  });

  return {
    groupCount: groups.length,
    groupWords: (g) => words[g] ?? [],
    inDocument(ws, found) {
      for (let i = 0; i < ws.length; i++) {
        const list = byFirst.get(ws[i] as string);
        if (!list) continue;
        for (const p of list) {
          let ok = p.words.length <= ws.length - i;
          for (let j = 1; ok && j < p.words.length; j++) if (ws[i + j] !== p.words[j]) ok = false;
          if (ok) found(p.group);
        }
      }
    },
    inQuery(ws) {
      const spans: SynonymSpan[] = [];
      const last = ws.length - 1;
      for (let i = 0; i < ws.length; i++) {
        for (const p of phrases) {
          if (p.words.length > ws.length - i) continue;
          let quality = 0.95;
          for (let j = 0; j < p.words.length && quality > 0; j++) {
            const t = ws[i + j] as string;
            const w = p.words[j] as string;
            if (t === w) continue;
            if (i + j === last && j === p.words.length - 1 && t.length >= 3 && w.startsWith(t)) quality = Math.min(quality, 0.8);
            else if (t.length >= 5 && !/\d/.test(t) && editDistance(t, w, 1) <= 1) quality = Math.min(quality, 0.75);
            else quality = 0;
          }
          if (quality > 0) spans.push({ start: i, end: i + p.words.length - 1, group: p.group, quality });
        }
      }
      return spans;
    },
  };
}
