import Fuse from 'fuse.js';
import type { ThemeEntry } from '../../domain/taxonomy.ts';
import type { LexiconEntry } from '../lexicon/lexiconSchema.ts';
import { DEFAULT_LEXICON } from '../lexicon/defaultLexicon.ts';
import { buildCandidateIndex, type Candidate, type CandidateIndex, type MatchedTerms, type QueryWord } from './candidateIndex.ts';
import { COMMUNE_WORDS, resolveCommune } from './communeLookup.ts';
import { allowedEdits, editDistance } from './fuzzyExpand.ts';
import { weekMinuteOf } from '../../domain/brusselsTime.ts';
import { isOpenAt } from './hours.ts';
import { highlight } from './highlight.ts';
import { normalizeText } from './normalize.ts';
import { phoneticVariants } from './phonetic.ts';
import { compileSituations, SPEECH_WORDS, splitCompound, type SituationMatcher } from './situationMatcher.ts';
import { MAX_FIELD_WEIGHT, type PreparedDoc, prepareDoc, type ThemeWords, themeWords } from './prepareDoc.ts';
import { compileSynonyms, type SynonymMatcher } from './synonymMatcher.ts';
import { DEFAULT_SYNONYMS, type SynonymGroup } from './synonyms.ts';
import { tokenizeQuery } from './tokenize.ts';
import type { SearchableService, SearchFilters, SearchResult } from './types.ts';

// Relais' directory search. Stage 1, the candidate index, picks at most RERANK_POOL services
// cheaply (prefix/typo word index, synonyms, fields weighted); stage 2, fuse.js, re-scores
// only those against the whole query. Updates go to a small delta index, tombstoning the old
// copy; the main index is rebuilt when the delta grows.

export interface SearchIndexOptions {
  synonyms?: readonly SynonymGroup[];
  themes?: readonly ThemeEntry[];
  /** The situation lexicon (issue 17); the shipped default when absent. */
  lexicon?: readonly LexiconEntry[];
}

export interface SearchIndex {
  search(query: string, filters?: SearchFilters): SearchResult[];
  update(service: SearchableService): void;
  remove(id: string): void;
  /** The indexed service with this id, if any. */
  get(id: string): SearchableService | undefined;
  size(): number;
}

export const DEFAULT_LIMIT = 20;
const RERANK_POOL = 40;
const MAX_QUERY_WORDS = 12;
const FUSE_KEYS = [
  { name: 'name', weight: 3 },
  { name: 'alt', weight: 2.5 },
  { name: 'org', weight: 1 },
  { name: 'kw', weight: 1.5 },
];

interface Located {
  part: CandidateIndex;
  slot: number;
}

export function createSearchIndex(services: readonly SearchableService[], opts: SearchIndexOptions = {}): SearchIndex {
  const synonyms: SynonymMatcher = compileSynonyms(opts.synonyms ?? DEFAULT_SYNONYMS);
  const situations: SituationMatcher = compileSituations(opts.lexicon ?? DEFAULT_LEXICON);
  const themes: ThemeWords = themeWords(opts.themes);
  const tokenCache = new Map<string, string[]>();
  const prepare = (s: SearchableService): PreparedDoc => prepareDoc(s, themes, tokenCache);

  let main: CandidateIndex;
  let delta: CandidateIndex;
  let deltaServices: SearchableService[] = [];
  const where = new Map<string, Located>();

  function rebuild(all: readonly SearchableService[]): void {
    where.clear();
    const unique = new Map<string, SearchableService>();
    for (const s of all) unique.set(s.id, s);
    main = buildCandidateIndex([...unique.values()].map(prepare), synonyms);
    main.docs.forEach((d, slot) => where.set(d.service.id, { part: main, slot }));
    deltaServices = [];
    delta = buildCandidateIndex([], synonyms);
    tokenCache.clear();
  }

  function rebuildDelta(): void {
    delta = buildCandidateIndex(deltaServices.map(prepare), synonyms);
    delta.docs.forEach((d, slot) => where.set(d.service.id, { part: delta, slot }));
  }

  function alive(): SearchableService[] {
    const out: SearchableService[] = [];
    for (const part of [main, delta]) part.docs.forEach((d, i) => !part.dead[i] && out.push(d.service));
    return out;
  }

  rebuild(services);

  function acceptFor(filters: SearchFilters): (doc: PreparedDoc) => boolean {
    const includeInactive = filters.includeInactive === true;
    const communeText = filters.commune?.trim() || null;
    const commune = communeText ? resolveCommune(communeText) : null;
    const communeRaw = communeText ? normalizeText(communeText).trim() : null;
    const themeText = filters.theme?.trim() || null;
    const theme = themeText ? (themes.byLabel.get(normalizeText(themeText).trim()) ?? themeText) : null;
    const language = filters.language?.trim().toLowerCase() || null;
    const at = filters.openAt ? weekMinuteOf(filters.openAt) : null;
    return (doc) => {
      if (!includeInactive && !doc.active) return false;
      if (theme && !doc.themes.has(theme)) return false;
      if (language && !doc.languages.has(language)) return false;
      if (communeRaw !== null && doc.communes !== null) {
        if (commune ? !doc.communes.has(commune) : !doc.otherCommunes.has(communeRaw)) return false;
      }
      if (at && !isOpenAt(doc.hours, at)) return false;
      return true;
    };
  }

  const hasTerm = (w: string): boolean => main.hasTerm(w) || delta.hasTerm(w);
  const hasPrefix = (w: string): boolean => main.hasPrefix(w) || delta.hasPrefix(w);

  function queryWords(text: string): QueryWord[] {
    const raw = tokenizeQuery(text.slice(0, 200)).slice(0, MAX_QUERY_WORDS);
    const onlyStops = raw.every((w) => w.stop);
    const words: QueryWord[] = raw
      .filter((w) => !w.stop || onlyStops || w.word.length >= 2)
      .map((w) => ({
        word: w.word,
        required: !w.stop || onlyStops,
        weight: w.stop && !onlyStops ? 0.2 : 1,
        groups: [],
        regionQuality: 0,
        maxEdits: allowedEdits(w.word),
        prefix: w.word.length >= 2 || /\d/.test(w.word),
        alternatives: [] as QueryWord['alternatives'],
        concepts: [] as QueryWord['concepts'],
      }));
    // Words typed apart that the directory writes together ("samu social" → "samusocial").
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i] as QueryWord;
      const b = words[i + 1] as QueryWord;
      if (!a.required || !b.required || /\d/.test(a.word + b.word)) continue;
      const glued = a.word + b.word;
      const alt = { word: glued, maxEdits: allowedEdits(glued) > 0 ? 1 : 0, factor: 0.95 };
      a.alternatives.push(alt);
      b.alternatives.push(alt);
    }
    const seq = words.map((w) => w.word);
    for (const span of synonyms.inQuery(seq)) {
      for (let i = span.start; i <= span.end; i++) (words[i] as QueryWord).groups.push({ group: span.group, quality: span.quality });
    }
    // Words the index does not hold as typed: spellings by ear ("cepas" → cpas) and Dutch
    // compounds read as their parts ("zelfmoordgedachten" → zelfmoord + gedachten; the last
    // part, the compound's head, also answers for the whole).
    const last = words.length - 1;
    const parts = new Map<number, string[]>();
    const known = new Set<number>();
    words.forEach((w, i) => {
      if (!w.required || /\d/.test(w.word)) return;
      if (hasTerm(w.word) || (i === last && hasPrefix(w.word))) {
        known.add(i);
        return;
      }
      if (w.groups.length > 0) known.add(i);
      for (const v of phoneticVariants(w.word)) {
        if (!hasTerm(v)) continue;
        w.alternatives.push({ word: v, maxEdits: 0, factor: 0.9 });
        known.add(i);
      }
      const split = splitCompound(w.word, (p) => situations.words.has(p) || hasTerm(p));
      if (split) {
        parts.set(i, split);
        w.alternatives.push({ word: split[split.length - 1] as string, maxEdits: 0, factor: 0.7 });
        known.add(i);
      }
    });
    // The situation lexicon: phrases callers say, over the content words (and compound parts).
    const content: { word: string; pos: number }[] = [];
    words.forEach((w, i) => {
      if (!w.required && !onlyStops) return;
      for (const part of parts.get(i) ?? [w.word]) if (!SPEECH_WORDS.has(part)) content.push({ word: part, pos: i });
    });
    const spans = situations.inQuery(content, last);
    const inSpan = new Set<number>();
    for (const span of spans) {
      const concept = situations.concepts[span.concept];
      if (!concept) continue;
      for (const pos of span.positions) {
        (words[pos] as QueryWord).concepts.push({ concept, quality: span.quality });
        inSpan.add(pos);
      }
    }
    if (spans.length > 0) {
      // A sentence, not a name: its other words count only where the index holds them
      // ("mon fils a faim" must not fall to services that happen to hold "fils").
      words.forEach((w, i) => {
        if (inSpan.has(i) || !w.required) return;
        if (SPEECH_WORDS.has(w.word) || !known.has(i)) {
          w.required = false;
          w.weight = 0.2;
          w.maxEdits = 0;
        }
      });
    }
    for (const w of words) {
      if (!w.required) continue;
      for (const c of COMMUNE_WORDS) {
        let q = 0;
        if (c === w.word) q = 1;
        else if (w.word.length >= 3 && c.startsWith(w.word)) q = 0.8;
        else if (w.maxEdits > 0 && editDistance(w.word, c, w.maxEdits) <= w.maxEdits) q = 0.6;
        if (q > w.regionQuality) w.regionQuality = q;
      }
    }
    return words;
  }

  function search(query: string, filters: SearchFilters = {}): SearchResult[] {
    const limit = Math.max(1, Math.min(filters.limit ?? DEFAULT_LIMIT, 1000));
    const accept = acceptFor(filters);
    const words = queryWords(query);
    const hasFilter = Boolean(filters.commune || filters.theme || filters.language || filters.openAt);
    if (words.length === 0) {
      if (!hasFilter) return [];
      const all: PreparedDoc[] = [];
      for (const part of [main, delta]) part.docs.forEach((d, i) => !part.dead[i] && accept(d) && all.push(d));
      all.sort((a, b) => a.service.name.localeCompare(b.service.name, 'fr'));
      return all.slice(0, limit).map((d) => ({ id: d.service.id, name: d.service.name, score: 0, matches: [] }));
    }
    const matched: MatchedTerms = [];
    const pool = Math.max(RERANK_POOL, limit);
    const found: { doc: PreparedDoc; c: Candidate }[] = [];
    for (const part of [main, delta]) {
      if (part.docs.length === 0) continue;
      for (const c of part.candidates(words, accept, pool, matched)) found.push({ doc: part.docs[c.slot] as PreparedDoc, c });
    }
    if (found.length === 0) return [];
    found.sort((a, b) => b.c.coverage - a.c.coverage || b.c.score - a.c.score);
    const top = found.slice(0, pool);

    // Stage 2: fuse.js over the few candidates, on folded text (fuse's own diacritics
    // folding misses œ/æ).
    const fuse = new Fuse(
      top.map(({ doc }) => ({
        name: normalizeText(doc.service.name),
        alt: normalizeText(doc.service.alternate_name ?? ''),
        org: normalizeText(doc.service.organization ?? ''),
        kw: normalizeText((doc.service.keywords ?? []).join(' ')),
      })),
      { keys: FUSE_KEYS, includeScore: true, ignoreLocation: true, threshold: 0.6, shouldSort: false },
    );
    const fuseScore = new Float64Array(top.length).fill(1);
    for (const r of fuse.search(words.map((w) => w.word).join(' '))) fuseScore[r.refIndex] = r.score ?? 1;

    const required = Math.max(1, words.filter((w) => w.required).length);
    const maxScore = words.reduce((s, w) => s + w.weight, 0) * MAX_FIELD_WEIGHT;
    // Synonym group words answer their query word too (a little below its own spellings).
    words.forEach((w, i) => {
      const m = (matched[i] ??= new Map<string, number>());
      for (const g of w.groups) for (const gw of synonyms.groupWords(g.group)) if ((m.get(gw) ?? 0) < g.quality * 0.9) m.set(gw, g.quality * 0.9);
    });
    const ranked = top.map(({ doc, c }, i) => {
      const closeness = Math.min(1, c.score / maxScore);
      const loss = 1 - (0.75 * closeness + 0.25 * (1 - (fuseScore[i] as number)));
      const missing = Math.max(0, required - c.coverage);
      return { doc, score: (missing + loss) / (required + 1) };
    });
    ranked.sort((a, b) => a.score - b.score || a.doc.service.name.localeCompare(b.doc.service.name, 'fr'));
    return ranked.slice(0, limit).map(({ doc, score }) => ({
      id: doc.service.id,
      name: doc.service.name,
      score: Math.round(score * 10_000) / 10_000,
      matches: highlight(doc.service, matched, words),
    }));
  }

  return {
    search,
    update(service) {
      const at = where.get(service.id);
      if (at && at.part === main) main.dead[at.slot] = 1;
      deltaServices = deltaServices.filter((s) => s.id !== service.id);
      deltaServices.push(service);
      if (deltaServices.length > Math.max(256, main.docs.length / 20)) rebuild(alive().filter((s) => s.id !== service.id).concat(service));
      else rebuildDelta();
    },
    remove(id) {
      const at = where.get(id);
      if (!at) return;
      where.delete(id);
      if (at.part === main) main.dead[at.slot] = 1;
      else {
        deltaServices = deltaServices.filter((s) => s.id !== id);
        rebuildDelta();
      }
    },
    get(id) {
      const at = where.get(id);
      return at && !at.part.dead[at.slot] ? at.part.docs[at.slot]?.service : undefined;
    },
    size() {
      let n = 0;
      for (const part of [main, delta]) part.dead.forEach((x) => (n += x ? 0 : 1));
      return n;
    },
  };
}
