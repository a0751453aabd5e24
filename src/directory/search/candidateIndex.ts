import { expandWord, lowerBoundWord } from './fuzzyExpand.ts';
import { FIELD_IDS, FIELD_WEIGHTS, type PreparedDoc, REGION_WEIGHT } from './prepareDoc.ts';
import type { Concept } from './situationMatcher.ts';
import type { SynonymMatcher } from './synonymMatcher.ts';

// The cheap first stage: an inverted index from folded words to the services holding them
// (one posting per word and service, tagged with the best field), over a sorted vocabulary
// that `expandWord` walks for prefixes and typos, plus one posting list per synonym group.
// Scoring sums, per query word, the best (match quality × field weight) over its expansions,
// and counts how many query words a service covers.

const FIELD_BITS = 4;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

export interface QueryWord {
  word: string;
  /** Counts toward coverage (stopwords do not, unless the query has nothing else). */
  required: boolean;
  weight: number;
  /** Synonym groups covering this word, with their quality. */
  groups: { group: number; quality: number }[];
  /** How well this word names a commune (0 = not a commune word): `*` services answer it. */
  regionQuality: number;
  maxEdits: number;
  prefix: boolean;
  /** Other spellings to look up for this word, e.g. it glued to its neighbour ("samu social" → "samusocial"). */
  alternatives: { word: string; maxEdits: number; factor: number }[];
  /** Situation lexicon concepts this word is part of (issue 17): their themes and keywords answer it. */
  concepts: { concept: Concept; quality: number }[];
}

/** Per query word: the indexed words that answered it, with the quality of each (for highlighting). */
export type MatchedTerms = Map<string, number>[];

/** A concept's theme alone answers less than its words: many services share a theme. */
const CONCEPT_THEME_FACTOR = 0.55;
const CONCEPT_KEYWORD_FACTOR = 0.9;
/** Each further keyword of the same concept a service holds adds this share. */
const CONCEPT_EXTRA_KEYWORD = 0.08;

export interface Candidate {
  slot: number;
  coverage: number;
  score: number;
}

export interface CandidateIndex {
  docs: readonly PreparedDoc[];
  dead: Uint8Array;
  /** Scores services for the query words; `accept` filters; the best `k` by (coverage, score). */
  candidates(words: readonly QueryWord[], accept: (doc: PreparedDoc) => boolean, k: number, matched: MatchedTerms): Candidate[];
  termCount: number;
  /** The exact word is indexed. */
  hasTerm(word: string): boolean;
  /** Some indexed word starts with this. */
  hasPrefix(prefix: string): boolean;
}

function csr(pairs: Int32Array, count: number, keys: number, remap: Int32Array | null): { offsets: Int32Array; data: Int32Array } {
  const offsets = new Int32Array(keys + 1);
  for (let i = 0; i < count; i++) {
    const key = remap ? (remap[pairs[2 * i] as number] as number) : (pairs[2 * i] as number);
    offsets[key + 1] = (offsets[key + 1] as number) + 1;
  }
  for (let i = 0; i < keys; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, keys);
  const data = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const key = remap ? (remap[pairs[2 * i] as number] as number) : (pairs[2 * i] as number);
    const at = fill[key] as number;
    fill[key] = at + 1;
    data[at] = pairs[2 * i + 1] as number;
  }
  return { offsets, data };
}

class PairBuffer {
  buf = new Int32Array(1 << 16);
  n = 0;
  push(a: number, b: number): void {
    if (2 * this.n + 2 > this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[2 * this.n] = a;
    this.buf[2 * this.n + 1] = b;
    this.n++;
  }
}

export function buildCandidateIndex(docs: readonly PreparedDoc[], synonyms: SynonymMatcher): CandidateIndex {
  const n = docs.length;
  const termId = new Map<string, number>();
  const terms: string[] = [];
  const pairs = new PairBuffer();
  const groupPairs = new PairBuffer();
  const regionDocsList: number[] = [];
  // Per term: the last document that used it and, for that document, its best field.
  let lastDoc = new Int32Array(1 << 14).fill(-1);
  let bestField = new Uint8Array(1 << 14);
  const docTerms: number[] = [];
  const seenGroups = new Map<number, number>();
  for (let d = 0; d < n; d++) {
    const doc = docs[d] as PreparedDoc;
    if (doc.communes === null) regionDocsList.push(d);
    docTerms.length = 0;
    seenGroups.clear();
    for (const [field, words] of doc.fields) {
      const w = FIELD_WEIGHTS[field] as number;
      for (const word of words) {
        let id = termId.get(word);
        if (id === undefined) {
          id = terms.length;
          terms.push(word);
          termId.set(word, id);
          if (id >= lastDoc.length) {
            const grownLast = new Int32Array(lastDoc.length * 2).fill(-1);
            grownLast.set(lastDoc);
            lastDoc = grownLast;
            const grownField = new Uint8Array(bestField.length * 2);
            grownField.set(bestField);
            bestField = grownField;
          }
        }
        if (lastDoc[id] !== d) {
          lastDoc[id] = d;
          bestField[id] = field;
          docTerms.push(id);
        } else if ((FIELD_WEIGHTS[bestField[id] as number] as number) < w) bestField[id] = field;
      }
      synonyms.inDocument(words, (g) => {
        const prev = seenGroups.get(g);
        if (prev === undefined || (FIELD_WEIGHTS[prev] as number) < w) seenGroups.set(g, field);
      });
    }
    doc.fields = [];
    for (const id of docTerms) pairs.push(id, (d << FIELD_BITS) | (bestField[id] as number));
    for (const [g, field] of seenGroups) groupPairs.push(g, (d << FIELD_BITS) | field);
  }
  // Sorted vocabulary (for prefix and typo walks), postings renumbered to match.
  const vocab = terms.slice().sort();
  const remap = new Int32Array(terms.length);
  vocab.forEach((word, newId) => (remap[termId.get(word) as number] = newId));
  const post = csr(pairs.buf, pairs.n, vocab.length, remap);
  const groupPost = csr(groupPairs.buf, groupPairs.n, synonyms.groupCount, null);
  const regionDocs = Int32Array.from(regionDocsList);
  const themeDocsList = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    for (const t of doc.themes) {
      const list = themeDocsList.get(t) ?? [];
      list.push(d);
      themeDocsList.set(t, list);
    }
  });
  const themeDocs = new Map<string, Int32Array>([...themeDocsList].map(([t, list]) => [t, Int32Array.from(list)]));
  const termIndex = (word: string): number => {
    const i = lowerBoundWord(vocab, word);
    return vocab[i] === word ? i : -1;
  };
  // A lexicon keyword phrase's postings: its first word's, kept where the service holds every
  // other word too; null when a word is not indexed. Computed once per phrase and index (the
  // phrases are the compiled lexicon's arrays, so an edited lexicon brings new keys), with
  // stamp arrays rather than a Set per word and query: building those Sets on every
  // keystroke was most of the 50,000-service slowdown measured after issue 17's lexicon.
  const phraseCache = new WeakMap<readonly string[], Int32Array | null>();
  const markStamp = new Int32Array(n);
  const markCount = new Int32Array(n);
  let markRun = 0;
  const phrasePostings = (phrase: readonly string[]): Int32Array | null => {
    const cached = phraseCache.get(phrase);
    if (cached !== undefined) return cached;
    const ids = phrase.map(termIndex);
    let result: Int32Array | null = null;
    if (!ids.some((id) => id < 0)) {
      const first = ids[0] as number;
      const driver = post.data.subarray(post.offsets[first] as number, post.offsets[first + 1] as number);
      if (ids.length === 1) result = driver;
      else {
        const run = ++markRun;
        ids.slice(1).forEach((id, j) => {
          for (let p = post.offsets[id] as number; p < (post.offsets[id + 1] as number); p++) {
            const d = (post.data[p] as number) >>> FIELD_BITS;
            if (j === 0) {
              markStamp[d] = run;
              markCount[d] = 1;
            } else if (markStamp[d] === run && markCount[d] === j) markCount[d] = j + 1;
          }
        });
        const kept: number[] = [];
        for (let p = 0; p < driver.length; p++) {
          const d = (driver[p] as number) >>> FIELD_BITS;
          if (markStamp[d] === run && markCount[d] === ids.length - 1) kept.push(driver[p] as number);
        }
        result = Int32Array.from(kept);
      }
    }
    phraseCache.set(phrase, result);
    return result;
  };

  const dead = new Uint8Array(n);
  // Scratch, reused by every query (searches are synchronous).
  const best = new Float32Array(n);
  const wordStamp = new Int32Array(n);
  const docStamp = new Int32Array(n);
  const acc = new Float32Array(n);
  const cov = new Float32Array(n);
  const wordList = new Int32Array(n);
  const touched = new Int32Array(n);
  const conceptHits = new Int32Array(n);
  const conceptStamp = new Int32Array(n);
  let stamp = 0;

  function candidates(words: readonly QueryWord[], accept: (doc: PreparedDoc) => boolean, k: number, matched: MatchedTerms): Candidate[] {
    const queryStamp = ++stamp;
    let touchedN = 0;
    words.forEach((qw, wi) => {
      const cur = ++stamp;
      let listN = 0;
      const matchedTerms = (matched[wi] ??= new Map<string, number>());
      const noteTerm = (term: string, q: number): void => {
        if ((matchedTerms.get(term) ?? 0) < q) matchedTerms.set(term, q);
      };
      const visitDoc = (d: number, s: number): void => {
        if (wordStamp[d] !== cur) {
          wordStamp[d] = cur;
          best[d] = s;
          wordList[listN++] = d;
        } else if (s > (best[d] as number)) best[d] = s;
      };
      const visitPostings = (offsets: Int32Array, data: Int32Array, key: number, quality: number): void => {
        const end = offsets[key + 1] as number;
        for (let p = offsets[key] as number; p < end; p++) {
          const v = data[p] as number;
          const d = v >>> FIELD_BITS;
          const s = (FIELD_WEIGHTS[v & FIELD_MASK] as number) * quality;
          if (wordStamp[d] !== cur) {
            wordStamp[d] = cur;
            best[d] = s;
            wordList[listN++] = d;
          } else if (s > (best[d] as number)) best[d] = s;
        }
      };
      const expansions = new Map<number, number>();
      const collect = (word: string, maxEdits: number, prefix: boolean, factor: number): void =>
        expandWord(vocab, word, { maxEdits, prefix, maxTerms: 400 }, (t, q) => {
          const prev = expansions.get(t);
          if (prev === undefined || prev < q * factor) expansions.set(t, q * factor);
        });
      collect(qw.word, qw.maxEdits, qw.prefix, 1);
      for (const alt of qw.alternatives) collect(alt.word, alt.maxEdits, qw.prefix, alt.factor);
      if (expansions.size === 0 && qw.word.length >= 6 && !/\d/.test(qw.word)) {
        // Nothing close: try shorter stems ("suicidaires" → "suicid…"), a poor man's stemmer.
        for (let cut = qw.word.length - 1; cut >= Math.max(5, Math.ceil(qw.word.length * 0.5)) && expansions.size === 0; cut--) {
          collect(qw.word.slice(0, cut), 0, true, 0.7);
        }
      }
      for (const [t, q] of expansions) {
        visitPostings(post.offsets, post.data, t, q);
        noteTerm(vocab[t] as string, q);
      }
      for (const { concept, quality } of qw.concepts) {
        const themeScore = (FIELD_WEIGHTS[FIELD_IDS.themes] as number) * quality * CONCEPT_THEME_FACTOR;
        for (const t of concept.themes) {
          const list = themeDocs.get(t);
          if (list) for (let i = 0; i < list.length; i++) visitDoc(list[i] as number, themeScore);
        }
        // Keywords: a service holding several of the concept's words ranks above one holding one.
        const conceptRun = ++stamp;
        const q = quality * CONCEPT_KEYWORD_FACTOR;
        for (const phrase of concept.keywords) {
          const hits = phrasePostings(phrase);
          if (hits === null) continue;
          for (const w of phrase) noteTerm(w, q);
          for (let p = 0; p < hits.length; p++) {
            const v = hits[p] as number;
            const d = v >>> FIELD_BITS;
            if (conceptStamp[d] !== conceptRun) {
              conceptStamp[d] = conceptRun;
              conceptHits[d] = 0;
            }
            conceptHits[d] = (conceptHits[d] as number) + 1;
            const bonus = 1 + CONCEPT_EXTRA_KEYWORD * Math.min(5, (conceptHits[d] as number) - 1);
            visitDoc(d, Math.max(FIELD_WEIGHTS[v & FIELD_MASK] as number, 3) * q * bonus);
          }
        }
      }
      for (const { group, quality } of qw.groups) visitPostings(groupPost.offsets, groupPost.data, group, quality);
      if (qw.regionQuality > 0) {
        const s = REGION_WEIGHT * qw.regionQuality;
        for (let i = 0; i < regionDocs.length; i++) {
          const d = regionDocs[i] as number;
          if (wordStamp[d] !== cur) {
            wordStamp[d] = cur;
            best[d] = s;
            wordList[listN++] = d;
          } else if (s > (best[d] as number)) best[d] = s;
        }
      }
      for (let i = 0; i < listN; i++) {
        const d = wordList[i] as number;
        if (docStamp[d] !== queryStamp) {
          docStamp[d] = queryStamp;
          acc[d] = 0;
          cov[d] = 0;
          touched[touchedN++] = d;
        }
        acc[d] = (acc[d] as number) + (best[d] as number) * qw.weight;
        if (qw.required) cov[d] = (cov[d] as number) + 1;
      }
    });
    // Keep the k best by (coverage, score) with a small min-heap.
    const heap: number[] = [];
    const key = (d: number): number => (cov[d] as number) * 100_000 + (acc[d] as number);
    const less = (a: number, b: number): boolean => key(a) < key(b);
    const down = (i: number): void => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l] as number, heap[m] as number)) m = l;
        if (r < heap.length && less(heap[r] as number, heap[m] as number)) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
        i = m;
      }
    };
    for (let i = 0; i < touchedN; i++) {
      const d = touched[i] as number;
      if (heap.length === k && !less(heap[0] as number, d)) continue;
      if (dead[d] || !accept(docs[d] as PreparedDoc)) continue;
      if (heap.length < k) {
        heap.push(d);
        for (let j = heap.length - 1; j > 0; ) {
          const p = (j - 1) >> 1;
          if (!less(heap[j] as number, heap[p] as number)) break;
          [heap[j], heap[p]] = [heap[p] as number, heap[j] as number];
          j = p;
        }
      } else {
        heap[0] = d;
        down(0);
      }
    }
    return heap.map((d) => ({ slot: d, coverage: cov[d] as number, score: acc[d] as number }));
  }

  return {
    docs,
    dead,
    candidates,
    termCount: vocab.length,
    hasTerm: (word) => termIndex(word) >= 0,
    hasPrefix: (prefix) => (vocab[lowerBoundWord(vocab, prefix)] ?? '').startsWith(prefix),
  };
}
