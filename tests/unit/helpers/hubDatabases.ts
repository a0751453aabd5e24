import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type HubDb, type HubEngine, type HubLocation, openHubDb } from '../../../src/hub/db/hubDb.ts';

// The hub suite runs every test on both engines: a throwaway database on the real PostgreSQL
// (127.0.0.1:5432, trust; RELAIS_TEST_DATABASE_URL overrides) and PGlite in a temp folder.
export const ADMIN_URL = process.env.RELAIS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ENGINES: readonly HubEngine[] = ['postgres', 'pglite'];

export interface TempHubLocation {
  location: HubLocation;
  /** Drops the database or removes the folder. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await c.connect();
  } catch (e) {
    throw new Error(`The hub tests need PostgreSQL at ${ADMIN_URL} (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): ${(e as Error).message}`, { cause: e });
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function tempHubLocation(engine: HubEngine): Promise<TempHubLocation> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-hub-pglite-'));
    return { location: { kind: 'pglite', dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `relais_hub_${crypto.randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    location: { kind: 'postgres', url: url.toString() },
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/** A fresh, empty hub database opened on `engine`; `close` closes and drops it. */
export async function tempHubDb(engine: HubEngine): Promise<{ db: HubDb; location: HubLocation; drop(): Promise<void>; close(): Promise<void> }> {
  const temp = await tempHubLocation(engine);
  const db = await openHubDb(temp.location);
  return {
    db,
    location: temp.location,
    drop: temp.drop,
    async close() {
      await db.close();
      await temp.drop();
    },
  };
}
