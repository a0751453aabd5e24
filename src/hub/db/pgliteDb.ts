import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './dataDirLock.ts';
import type { HubDb, HubSql } from './hubDb.ts';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in-process, its data in the hub's
 * folder. PGlite is single-user (one connection): every statement and every transaction goes
 * through one queue here, so a request's transaction never interleaves with another's.
 */
export async function openPglite(dataDir: string): Promise<HubDb> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Before PGlite touches a file: a second process on the folder would damage it (dataDirLock.ts).
  const release = lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir });
  } catch (e) {
    release();
    throw e;
  }
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const bigints = (rows: Record<string, unknown>[]) => {
    // PGlite returns int8 as bigint; the pg driver (configured in postgresDb.ts) as number.
    for (const row of rows) for (const k in row) if (typeof row[k] === 'bigint') row[k] = Number(row[k]);
    return rows;
  };
  return {
    engine: 'pglite',
    query: <R extends object>(text: string, params?: readonly unknown[]) =>
      serialised(async () => bigints((await db.query<Record<string, unknown>>(text, params as unknown[] | undefined)).rows) as R[]),
    exec: (text) => serialised(async () => void (await db.exec(text))),
    transaction: <T>(fn: (tx: HubSql) => Promise<T>) =>
      serialised(() =>
        db.transaction(async (t) => {
          const tx: HubSql = {
            query: async <R extends object>(text: string, params?: readonly unknown[]) => bigints((await t.query<Record<string, unknown>>(text, params as unknown[] | undefined)).rows) as R[],
            exec: async (text: string) => void (await t.exec(text)),
          };
          return fn(tx);
        }),
      ),
    close: () =>
      serialised(async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      }),
  };
}
