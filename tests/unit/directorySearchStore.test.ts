import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { directorySearchIndex, invalidateDirectorySearch, updateDirectorySearch } from '../../src/directory/search/storeSearch.ts';
import type { Service } from '../../src/directory/serviceSchema.ts';
import { loadDemoDirectory } from '../../bench/relevance.ts';
import { newOpenCore, newOpenStore, signInResponder, tempDir, TEST_PASSPHRASE } from './helpers/tempStore.ts';

const extra: Service = {
  id: 'test-new', name: 'Permanence Zébulon', alternate_name: null, organization: null, description: 'Aide aux démarches', themes: ['admin'], keywords: [],
  communes_served: ['Jette'], address: null, postcode: '1090', commune: 'Jette', phone: null, email: null, website: null, hours: null, languages: ['fr'],
  audience: null, access_conditions: null, professional_contact: null, last_verified: null, status: 'active', crisis: false,
};

test('directory.search: ranked results with highlights through the router; input bounds enforced', async () => {
  const core = await newOpenCore({ seedDemo: true });
  await signInResponder(core);
  const r = await core.router.dispatch('directory.search', { query: 'ocmw elsene', limit: 5 });
  assert.ok(r.ok, JSON.stringify(r));
  const { results } = r.value as { results: { id: string; matches: { field: string; indices: number[][] }[]; themes: string[] }[] };
  assert.equal(results[0]?.id, 'cpas-ixelles');
  assert.ok(results[0]?.matches.some((m) => m.field === 'alternate_name' && m.indices.length === 2));
  assert.ok(results.length <= 5);
  const filtered = await core.router.dispatch('directory.search', { query: 'aide', commune: 'Schaarbeek', theme: 'food' });
  assert.ok(filtered.ok);
  for (const x of (filtered.value as { results: { themes: string[] }[] }).results) assert.ok(x.themes.includes('food'));
  for (const bad of [{ query: 'x'.repeat(201) }, { query: 'a', limit: 101 }, { query: 'a', extra: 1 }, { query: 'a', language: 'french' }]) {
    const res = await core.router.dispatch('directory.search', bad);
    assert.equal(res.ok, false);
    if (!res.ok) assert.equal(res.error.code, 'InvalidInput');
  }
  core.shutdown();
});

test('the per-store index follows imports and upserts (hooks, and a fingerprint safety net)', async () => {
  const store = await newOpenStore();
  const db = store.database();
  const repo = directoryRepository(db);
  repo.upsertServices(loadDemoDirectory<Service>().slice(0, 50), new Date());
  const first = directorySearchIndex(db, 0);
  assert.deepEqual(first.search('zebulon'), []);
  repo.upsertServices([extra], new Date());
  updateDirectorySearch(db, [extra]);
  assert.equal(directorySearchIndex(db, 1).search('zebulon')[0]?.id, 'test-new');
  // A write the hooks did not see (e.g. another process): noticed at the next fingerprint check.
  repo.upsertServices([{ ...extra, id: 'test-other', name: 'Permanence Zébulon bis' }], new Date(Date.now() + 1000));
  assert.equal(directorySearchIndex(db, 2).search('zebulon').length, 1);
  assert.equal(directorySearchIndex(db, 10_000).search('zebulon').length, 2);
  invalidateDirectorySearch(db);
  assert.notEqual(directorySearchIndex(db, 10_001), first);
  store.close();
});

test('relais-admin directory search: one JSON line per query, from the argument or stdin-like lines', async () => {
  const dir = tempDir();
  const store = await newOpenStore(dir);
  directoryRepository(store.database()).upsertServices(loadDemoDirectory<Service>(), new Date());
  store.close();
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += `${t}\n`), err: (t: string) => (err += `${t}\n`) };
  const code = await runCli(['directory', 'search', 'samus', '--limit', '3', '--json', '--data-dir', dir], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE });
  assert.equal(code, 0, err);
  const lines = out.trim().split('\n');
  assert.equal(lines.length, 1);
  const json = JSON.parse(lines[0] as string);
  assert.deepEqual(Object.keys(json), ['query', 'results']);
  assert.equal(json.query, 'samus');
  assert.ok(json.results.length <= 3 && json.results.length > 0);
  assert.deepEqual(Object.keys(json.results[0]), ['id', 'name', 'score']);
  assert.equal(json.results[0].id, 'samusocial');
  out = '';
  const filtered = await runCli(['directory', 'search', 'epicerie', '--commune', 'Vorst', '--theme', 'food', '--json', '--data-dir', dir], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE });
  assert.equal(filtered, 0);
  assert.equal(JSON.parse(out).results[0].id, 'epicerie-forest');
  const bad = await runCli(['directory', 'search', 'x', '--limit', '0', '--data-dir', dir], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE });
  assert.equal(bad, 1);
});
