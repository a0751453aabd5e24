import { AppError } from '../../errors.ts';
import type { HubDb } from './hubDb.ts';
import { hubMigrations } from './migrations/index.ts';
import type { HubMigration } from './migrations/types.ts';

// Any number, the same for every hub process: two processes starting together on one
// PostgreSQL migrate one after the other, never both at once.
const MIGRATION_LOCK = 7_140_014;

export async function hubSchemaVersion(db: HubDb): Promise<number> {
  const rows = await db.query<{ exists: boolean }>(`SELECT to_regclass('hub_schema') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) return 0;
  const v = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM hub_schema');
  return v[0]?.version ?? 0;
}

/** Applies every pending migration, each in its own transaction with its version row. */
export async function migrateHub(db: HubDb, list: readonly HubMigration[] = hubMigrations): Promise<{ from: number; to: number }> {
  const latest = list.reduce((max, m) => Math.max(max, m.version), 0);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS hub_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const rows = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM hub_schema');
    const from = rows[0]?.version ?? 0;
    if (from > latest) {
      throw new AppError('Conflict', 'hub.newerSchema', { version: from, latest });
    }
    // One transaction for all pending steps: PostgreSQL's DDL is transactional, so a failed
    // step leaves the database exactly as it was.
    for (const m of [...list].filter((m) => m.version > from).sort((a, b) => a.version - b.version)) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO hub_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return { from, to: Math.max(from, latest) };
  });
}
