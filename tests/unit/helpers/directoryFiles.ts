import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { directoryRepository } from '../../../src/directory/directoryRepository.ts';
import { importDirectoryFile } from '../../../src/directory/import/importFile.ts';
import type { ImportDiff } from '../../../src/directory/import/types.ts';
import { serviceSchema, type Service } from '../../../src/directory/serviceSchema.ts';
import type { StoreSession } from '../../../src/store/storeSession.ts';
import { tempDir } from './tempStore.ts';

// Directory import/export tests work on real files: fixtures are copied into a fresh temp
// folder (or generated there) and read back from disk like the CLI does.
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'directory');

export function fixturePath(name: string): string {
  const dir = tempDir('relais-dir-');
  const file = path.join(dir, name);
  fs.copyFileSync(path.join(FIXTURES, name), file);
  return file;
}

export function writeTemp(name: string, content: string | Uint8Array): string {
  const file = path.join(tempDir('relais-dir-'), name);
  fs.writeFileSync(file, content);
  return file;
}

export async function importPath(store: StoreSession, file: string, dryRun = false): Promise<ImportDiff> {
  return importDirectoryFile(store.database(), fs.readFileSync(file), path.basename(file), { dryRun, now: new Date('2026-01-10T10:00:00Z') });
}

/** Everything the directory holds, for "nothing changed" comparisons. */
export function snapshot(store: StoreSession): unknown {
  const db = store.database();
  return {
    services: directoryRepository(db).listServices(),
    rows: db.prepare('SELECT * FROM services ORDER BY id').all(),
    notes: db.prepare('SELECT * FROM reachability_notes ORDER BY id').all(),
  };
}

export const SEED: Service[] = [
  serviceSchema.parse({ id: 'cpas-ixelles', name: 'CPAS d\'Ixelles (old name)', themes: ['general'], postcode: '1050', commune: 'Ixelles', status: 'active' }),
  serviceSchema.parse({ id: 'seed-only', name: 'A service not in any file', themes: ['food'], professional_contact: 'pro line' }),
];

export function seed(store: StoreSession): void {
  const repo = directoryRepository(store.database());
  repo.upsertServices(SEED, new Date('2025-01-01T00:00:00Z'));
  repo.addNote('seed-only', 'no answer for 2 weeks', 'Marie', new Date('2025-06-01T00:00:00Z'));
}
