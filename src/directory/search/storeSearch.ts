import type { Db } from '../../store/openDatabase.ts';
import { directoryRepository } from '../directoryRepository.ts';
import type { Service } from '../serviceSchema.ts';
import { createSearchIndex, type SearchIndex } from './searchIndex.ts';
import { DEFAULT_LEXICON } from '../lexicon/defaultLexicon.ts';
import { DEFAULT_SYNONYMS } from './synonyms.ts';

// One search index per open store (keyed by its database handle, so a closed store's index
// goes with it), built lazily from the repository, in memory only: nothing of the directory
// is ever written to disk outside the encrypted store.
// Hooks for writers: `invalidateDirectorySearch` after bulk changes (import), or
// `updateDirectorySearch` / `removeFromDirectorySearch` for single services. As a safety
// net for writes that bypass the hooks (another process, e.g. the CLI importing into the
// store the app has open), the services table's count and last update are re-checked at
// most every FINGERPRINT_EVERY_MS.

const FINGERPRINT_EVERY_MS = 3000;

interface Entry {
  index: SearchIndex;
  fingerprint: string;
  checkedAt: number;
}

const entries = new WeakMap<Db, Entry>();

function fingerprint(db: Db): string {
  const row = db.prepare('SELECT count(*) AS n, max(updated_at) AS m FROM services').get() as { n: number; m: string | null };
  return `${row.n}|${row.m ?? ''}`;
}

/** Builds the index from what the store holds now: services, synonym groups, situation lexicon, live taxonomy. */
export function buildStoreSearchIndex(db: Db): SearchIndex {
  const repo = directoryRepository(db);
  const groups = repo.listSynonymGroups();
  const lexicon = repo.listLexicon();
  return createSearchIndex(repo.listServices(), {
    synonyms: groups.length > 0 ? groups : DEFAULT_SYNONYMS,
    themes: repo.listThemes(),
    lexicon: lexicon.length > 0 ? lexicon : DEFAULT_LEXICON,
  });
}

/** The store's search index, (re)built when missing or when the directory changed behind it. */
export function directorySearchIndex(db: Db, nowMs: number = Date.now()): SearchIndex {
  const entry = entries.get(db);
  if (entry) {
    if (nowMs - entry.checkedAt < FINGERPRINT_EVERY_MS) return entry.index;
    const fp = fingerprint(db);
    entry.checkedAt = nowMs;
    if (fp === entry.fingerprint) return entry.index;
  }
  const fp = fingerprint(db);
  const index = buildStoreSearchIndex(db);
  entries.set(db, { index, fingerprint: fp, checkedAt: nowMs });
  return index;
}

/** After an import or any bulk change: the next search rebuilds. */
export function invalidateDirectorySearch(db: Db): void {
  entries.delete(db);
}

/** After saving a few services: patch the live index instead of rebuilding it. */
export function updateDirectorySearch(db: Db, services: readonly Service[]): void {
  const entry = entries.get(db);
  if (!entry) return;
  if (services.length > 500) {
    entries.delete(db);
    return;
  }
  for (const s of services) entry.index.update(s);
  entry.fingerprint = fingerprint(db);
}
