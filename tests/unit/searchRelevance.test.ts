import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, loadDemoDirectory, loadRelevanceQueries } from '../../bench/relevance.ts';
import { createSearchIndex, type SearchableService } from '../../src/directory/search/index.ts';

// Quality gate (not a timing test): the labelled responder queries over the demo directory.
test('relevance set: hit@3 ≥ 0.95 over ≥ 80 labelled responder queries', () => {
  const queries = loadRelevanceQueries();
  assert.ok(queries.length >= 80, `only ${queries.length} labelled queries`);
  const directory = loadDemoDirectory<SearchableService>();
  const ids = new Set(directory.map((s) => s.id));
  for (const q of queries) for (const id of q.relevant) assert.ok(ids.has(id), `${q.query}: unknown id ${id}`);
  const index = createSearchIndex(directory);
  const report = evaluate(queries, (q) => index.search(q, { limit: 10 }).map((r) => r.id));
  assert.ok(report.hitAt3 >= 0.95, `hit@3 ${report.hitAt3.toFixed(3)} < 0.95; misses:\n${report.misses.map((m) => JSON.stringify(m)).join('\n')}`);
});
