import crypto from 'node:crypto';
import type { HubSql } from './db/hubDb.ts';

/** The hub's own id (made once): a workstation joined to one hub refuses to sync with another. */
export async function hubId(sql: HubSql): Promise<string> {
  await sql.query(`INSERT INTO hub_meta (key, value) VALUES ('hub_id', $1) ON CONFLICT (key) DO NOTHING`, [crypto.randomUUID()]);
  const rows = await sql.query<{ value: string }>(`SELECT value FROM hub_meta WHERE key = 'hub_id'`);
  return rows[0]?.value ?? '';
}
