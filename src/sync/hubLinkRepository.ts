import type { Db } from '../store/openDatabase.ts';
import { type LineKey, lineKeyFromBytes } from './lineKey.ts';

// The one owner of hub_link: the hub this PC is joined to, its device token and the line key,
// kept in the encrypted store only.

export interface HubLink {
  url: string;
  hubId: string;
  deviceId: string;
  deviceName: string;
  centre: string;
  role: 'founder' | 'member';
  token: string;
  lineKey: LineKey;
  joinedAt: string;
  cursor: number;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  offlineSince: string | null;
  lastError: string | null;
  failures: number;
  /** A pulled change this Relais does not understand (its kind): the pull waits for an update. */
  updateNeeded: string | null;
}

interface Row {
  url: string;
  hub_id: string;
  device_id: string;
  device_name: string;
  centre: string;
  role: 'founder' | 'member';
  token: string;
  line_key: Buffer;
  joined_at: string;
  cursor: number;
  last_sync_at: string | null;
  last_attempt_at: string | null;
  offline_since: string | null;
  last_error: string | null;
  failures: number;
  update_needed: string | null;
}

export function readHubLink(db: Db): HubLink | null {
  const r = db.prepare('SELECT * FROM hub_link WHERE id = 1').get() as Row | undefined;
  if (!r) return null;
  return {
    url: r.url,
    hubId: r.hub_id,
    deviceId: r.device_id,
    deviceName: r.device_name,
    centre: r.centre,
    role: r.role,
    token: r.token,
    lineKey: lineKeyFromBytes(r.line_key),
    joinedAt: r.joined_at,
    cursor: r.cursor,
    lastSyncAt: r.last_sync_at,
    lastAttemptAt: r.last_attempt_at,
    offlineSince: r.offline_since,
    lastError: r.last_error,
    failures: r.failures,
    updateNeeded: r.update_needed,
  };
}

export function saveHubLink(db: Db, link: Pick<HubLink, 'url' | 'hubId' | 'deviceId' | 'deviceName' | 'centre' | 'role' | 'token' | 'lineKey' | 'joinedAt'>, joinedBy: string | null): void {
  db.prepare(
    `INSERT INTO hub_link (id, url, hub_id, device_id, device_name, centre, role, token, line_key, line_key_id, joined_at, joined_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(link.url, link.hubId, link.deviceId, link.deviceName, link.centre, link.role, link.token, link.lineKey.key, link.lineKey.id, link.joinedAt, joinedBy);
}

export function deleteHubLink(db: Db): void {
  db.prepare('DELETE FROM hub_link WHERE id = 1').run();
}

export function recordSyncSuccess(db: Db, at: string): void {
  db.prepare('UPDATE hub_link SET last_sync_at = ?, last_attempt_at = ?, offline_since = NULL, last_error = NULL, failures = 0, update_needed = NULL WHERE id = 1').run(at, at);
}

export function recordSyncFailure(db: Db, at: string, error: string): void {
  db.prepare('UPDATE hub_link SET last_attempt_at = ?, offline_since = coalesce(offline_since, ?), last_error = ?, failures = failures + 1, update_needed = NULL WHERE id = 1').run(at, at, error.slice(0, 300));
}

/** The hub answered, but sent a change this Relais does not understand: not offline, out of date. */
export function recordUpdateNeeded(db: Db, at: string, error: string, what: string): void {
  db.prepare('UPDATE hub_link SET last_attempt_at = ?, offline_since = NULL, last_error = ?, failures = failures + 1, update_needed = ? WHERE id = 1').run(at, error.slice(0, 300), what.slice(0, 80));
}

export function moveCursor(db: Db, cursor: number): void {
  db.prepare('UPDATE hub_link SET cursor = ? WHERE id = 1').run(cursor);
}
