import crypto from 'node:crypto';
import type { Db } from '../store/openDatabase.ts';

/**
 * A maintainer's edit on a PC joined to the hub goes to the line's directory: an outbox row in
 * the edit's transaction (the caller's), sent as the service then stands. Written by code, not
 * by a trigger on `services`: services pulled from the hub must not be sent back.
 */
export function queueServiceChange(db: Db, serviceId: string, now: Date): boolean {
  if (!db.prepare('SELECT 1 FROM hub_link').get()) return false;
  db.prepare(`INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at) VALUES (?, 'service', ?, '{}', ?)`).run(crypto.randomUUID(), serviceId, now.toISOString());
  return true;
}
