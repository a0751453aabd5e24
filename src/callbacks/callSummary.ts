import type { Db } from '../store/openDatabase.ts';

// "A callback carries its call" (issue 15): what the responder who calls back needs to know of
// the original call — when it was, its themes, the referrals and how each ended, how the call
// ended, and the caller's pseudonym if one was given. Never the call's notes: they stay on the
// PC where they were typed. Shared callbacks carry this summary sealed with the line key.

export interface CallSummary {
  startedAt: string;
  themes: string[];
  referrals: Array<{ serviceId: string; serviceName: string; contacted: boolean; outcome: string | null }>;
  resolution: string | null;
  pseudonym: string | null;
}

export function readCallSummary(db: Db, callId: string): CallSummary | null {
  const c = db.prepare('SELECT started_at AS startedAt, resolution, pseudonym FROM calls WHERE id = ?').get(callId) as { startedAt: string; resolution: string | null; pseudonym: string | null } | undefined;
  if (!c) return null;
  const themes = db.prepare('SELECT theme_code FROM call_themes WHERE call_id = ? ORDER BY position').pluck().all(callId) as string[];
  const referrals = (db.prepare('SELECT service_id AS serviceId, service_name AS serviceName, contacted, outcome FROM call_referrals WHERE call_id = ? ORDER BY position').all(callId) as Array<{ serviceId: string; serviceName: string; contacted: number; outcome: string | null }>).map((r) => ({ ...r, contacted: r.contacted === 1 }));
  return { startedAt: c.startedAt, themes, referrals, resolution: c.resolution, pseudonym: c.pseudonym && c.pseudonym.trim() ? c.pseudonym : null };
}

/** The summary a callback shows: read live from its call here, or as sealed by the PC that scheduled it. */
export function summaryOf(db: Db, row: { callId: string | null; callSummary: string | null }): CallSummary | null {
  if (row.callId) return readCallSummary(db, row.callId);
  return row.callSummary ? (JSON.parse(row.callSummary) as CallSummary) : null;
}

/** Summaries of many calls in three queries (the queue shows one per row). */
export function readCallSummaries(db: Db, callIds: readonly string[]): Map<string, CallSummary> {
  const out = new Map<string, CallSummary>();
  if (callIds.length === 0) return out;
  const ids = JSON.stringify([...new Set(callIds)]);
  const calls = db.prepare('SELECT id, started_at AS startedAt, resolution, pseudonym FROM calls WHERE id IN (SELECT value FROM json_each(?))').all(ids) as Array<{ id: string; startedAt: string; resolution: string | null; pseudonym: string | null }>;
  for (const c of calls) out.set(c.id, { startedAt: c.startedAt, themes: [], referrals: [], resolution: c.resolution, pseudonym: c.pseudonym && c.pseudonym.trim() ? c.pseudonym : null });
  for (const t of db.prepare('SELECT call_id AS callId, theme_code AS code FROM call_themes WHERE call_id IN (SELECT value FROM json_each(?)) ORDER BY call_id, position').all(ids) as Array<{ callId: string; code: string }>) out.get(t.callId)?.themes.push(t.code);
  for (const r of db.prepare('SELECT call_id AS callId, service_id AS serviceId, service_name AS serviceName, contacted, outcome FROM call_referrals WHERE call_id IN (SELECT value FROM json_each(?)) ORDER BY call_id, position').all(ids) as Array<{ callId: string; serviceId: string; serviceName: string; contacted: number; outcome: string | null }>) {
    out.get(r.callId)?.referrals.push({ serviceId: r.serviceId, serviceName: r.serviceName, contacted: r.contacted === 1, outcome: r.outcome });
  }
  return out;
}
