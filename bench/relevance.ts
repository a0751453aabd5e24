import fs from 'node:fs';
import path from 'node:path';

// The labelled relevance set and the two metrics the bench and the quality gate report.

export interface RelevanceQuery {
  query: string;
  relevant: string[];
  kind: string;
}

const root = path.join(import.meta.dirname, '..');

export function loadRelevanceQueries(): RelevanceQuery[] {
  const file = path.join(root, 'tests/fixtures/search/relevance-queries.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { queries: RelevanceQuery[] }).queries;
}

/** Situational queries phrased as callers speak (issue 17), French and Dutch. */
export function loadSituationalQueries(): RelevanceQuery[] {
  const file = path.join(root, 'tests/fixtures/search/situational-queries.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { queries: RelevanceQuery[] }).queries;
}

export function loadDemoDirectory<T = Record<string, unknown>>(): T[] {
  return JSON.parse(fs.readFileSync(path.join(root, 'src/directory/demo/demoDirectory.json'), 'utf8')) as T[];
}

export interface RelevanceReport {
  hitAt3: number;
  mrr: number;
  misses: { query: string; relevant: string[]; got: string[] }[];
}

/** hit@3: share of queries with a correct answer in the first three; MRR over the first ten. */
export function evaluate(queries: readonly RelevanceQuery[], run: (q: string) => string[]): RelevanceReport {
  let hits = 0;
  let rr = 0;
  const misses: RelevanceReport['misses'] = [];
  for (const q of queries) {
    const got = run(q.query).slice(0, 10);
    const rank = got.findIndex((id) => q.relevant.includes(id));
    if (rank >= 0 && rank < 3) hits++;
    else misses.push({ query: q.query, relevant: q.relevant, got: got.slice(0, 5) });
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return { hitAt3: hits / queries.length, mrr: rr / queries.length, misses };
}
