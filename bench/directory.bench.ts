// Directory search benchmark: Relais' search vs plain fuse.js (default options, same fields)
// at 5,000 and 50,000 services, index build time and heap at 50,000, and relevance (hit@3,
// MRR) on the labelled responder queries. Prints a Markdown section to stdout.
//   node --expose-gc bench/directory.bench.ts   (runs without --expose-gc too; heap is then noisier)
import Fuse from 'fuse.js';
import { createSearchIndex, type SearchableService } from '../src/directory/search/index.ts';
import { evaluate, loadDemoDirectory, loadRelevanceQueries, loadSituationalQueries } from './relevance.ts';
import { syntheticDirectory } from './syntheticDirectory.ts';

const FUSE_KEYS = ['name', 'alternate_name', 'organization', 'keywords', 'description', 'commune', 'communes_served', 'postcode', 'themes'];
const gc = (globalThis as { gc?: () => void }).gc;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Every query typed keystroke by keystroke, as the search box sees it. */
function keystrokes(queries: string[]): string[] {
  const out: string[] = [];
  for (const q of queries) for (let i = 2; i <= q.length; i++) out.push(q.slice(0, i));
  return out;
}

function time(queries: readonly string[], run: (q: string) => unknown): { p50: number; p95: number; n: number } {
  const t: number[] = [];
  for (const q of queries) {
    const a = performance.now();
    run(q);
    t.push(performance.now() - a);
  }
  t.sort((x, y) => x - y);
  return { p50: percentile(t, 50), p95: percentile(t, 95), n: t.length };
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const relevance = loadRelevanceQueries();
const typed = keystrokes(relevance.map((q) => q.query));
const situational = loadSituationalQueries();
const situationTyped = keystrokes(situational.map((q) => q.query));
const lines: string[] = ['## Directory search', ''];
lines.push(`Queries: the ${relevance.length} labelled responder queries typed keystroke by keystroke (${typed.length} searches, from the 2nd character), limit 20. Synthetic directories: the demo services recombined with other communes and invented names (bench/syntheticDirectory.ts). Plain fuse.js: \`new Fuse(services, { keys })\` with default options over the same fields (${FUSE_KEYS.join(', ')}).`, '');
lines.push('| Services | Engine | Searches | p50 (ms) | p95 (ms) |', '|---:|---|---:|---:|---:|');

let build50 = 0;
let heap50 = 0;
for (const size of [5000, 50000]) {
  const services = syntheticDirectory(size) as unknown as SearchableService[];
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = createSearchIndex(services);
  const built = performance.now() - t0;
  gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  if (size === 50000) {
    build50 = built;
    heap50 = heap;
  }
  for (const q of typed.slice(0, 50)) index.search(q); // warm-up
  const relais = time(typed, (q) => index.search(q, { limit: 20 }));
  lines.push(`| ${size.toLocaleString('en')} | Relais | ${relais.n} | ${ms(relais.p50)} | ${ms(relais.p95)} |`);
  const spoken = time(situationTyped, (q) => index.search(q, { limit: 20 }));
  lines.push(`| ${size.toLocaleString('en')} | Relais, situational queries (issue 17) | ${spoken.n} | ${ms(spoken.p50)} | ${ms(spoken.p95)} |`);
  const fuse = new Fuse(services, { keys: FUSE_KEYS });
  // Plain fuse.js scans everything on every keystroke: sample fewer searches at 50,000.
  const sample = size === 50000 ? typed.filter((_, i) => i % 40 === 0) : typed.filter((_, i) => i % 4 === 0);
  const plain = time(sample, (q) => fuse.search(q, { limit: 20 }));
  lines.push(`| ${size.toLocaleString('en')} | plain fuse.js | ${plain.n} (every ${size === 50000 ? '40th' : '4th'}) | ${ms(plain.p50)} | ${ms(plain.p95)} |`);
}
lines.push('', `Index build at 50,000 services: ${ms(build50)} ms; heap held by the index: ${(heap50 / 1024 / 1024).toFixed(1)} MB${gc ? '' : ' (without --expose-gc: approximate)'}.`, '');

const demo = loadDemoDirectory<SearchableService>();
const relaisIndex = createSearchIndex(demo);
const r = evaluate(relevance, (q) => relaisIndex.search(q, { limit: 10 }).map((x) => x.id));
const plainFuse = new Fuse(demo.filter((s) => s.status !== 'inactive'), { keys: FUSE_KEYS });
const f = evaluate(relevance, (q) => plainFuse.search(q, { limit: 10 }).map((x) => x.item.id));
lines.push(`Relevance on the labelled set (${relevance.length} queries over the ${demo.length}-service demo directory; plain fuse.js given only active services):`, '');
lines.push('| Engine | hit@3 | MRR |', '|---|---:|---:|');
lines.push(`| Relais | ${r.hitAt3.toFixed(3)} | ${r.mrr.toFixed(3)} |`);
lines.push(`| plain fuse.js | ${f.hitAt3.toFixed(3)} | ${f.mrr.toFixed(3)} |`, '');
const rs = evaluate(situational, (q) => relaisIndex.search(q, { limit: 10 }).map((x) => x.id));
const noLexicon = createSearchIndex(demo, { lexicon: [] });
const rn = evaluate(situational, (q) => noLexicon.search(q, { limit: 10 }).map((x) => x.id));
const fs2 = evaluate(situational, (q) => plainFuse.search(q, { limit: 10 }).map((x) => x.item.id));
const fr = situational.filter((q) => (q as { lang?: string }).lang === 'fr').length;
lines.push(
  `Situational queries (issue 17): ${situational.length} phrases as callers say them (${fr} French, ${situational.length - fr} Dutch; tests/fixtures/search/situational-queries.json), same directory and engines; the second row is Relais with an empty situation lexicon:`,
  '',
);
lines.push('| Engine | hit@3 | MRR |', '|---|---:|---:|');
lines.push(`| Relais (situation lexicon, compounds, spellings by ear) | ${rs.hitAt3.toFixed(3)} | ${rs.mrr.toFixed(3)} |`);
lines.push(`| Relais without the lexicon | ${rn.hitAt3.toFixed(3)} | ${rn.mrr.toFixed(3)} |`);
lines.push(`| plain fuse.js | ${fs2.hitAt3.toFixed(3)} | ${fs2.mrr.toFixed(3)} |`, '');
process.stdout.write(`${lines.join('\n')}\n`);
