import type { Clock } from '../platform/clock.ts';
import { type HubDb, type HubLocation, openHubDb } from './db/hubDb.ts';
import { migrateHub } from './db/hubMigrate.ts';
import type { HubContext } from './hubContext.ts';
import { hubId } from './hubMeta.ts';

/** Opens the hub's database and brings its schema up to date: what serve and every CLI command start with. */
export async function openHub(location: HubLocation, clock: Clock): Promise<HubContext & { close(): Promise<void> }> {
  const db: HubDb = await openHubDb(location);
  try {
    await migrateHub(db);
    await hubId(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return { db, clock, close: () => db.close() };
}

export interface HubStatus {
  hubId: string;
  engine: HubDb['engine'];
  devices: { active: number; revoked: number };
  founded: boolean;
  sequence: number;
}

export async function hubStatus(ctx: HubContext): Promise<HubStatus> {
  const [dev] = await ctx.db.query<{ active: number; revoked: number; founded: boolean }>(
    `SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS active, count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked, bool_or(role = 'founder') IS TRUE AS founded FROM hub_devices`,
  );
  const [seq] = await ctx.db.query<{ value: number }>('SELECT value FROM hub_sequence WHERE id = 1');
  return { hubId: await hubId(ctx.db), engine: ctx.db.engine, devices: { active: dev?.active ?? 0, revoked: dev?.revoked ?? 0 }, founded: dev?.founded ?? false, sequence: seq?.value ?? 0 };
}
