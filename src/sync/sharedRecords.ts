import type { Db } from '../store/openDatabase.ts';
import { serviceKind } from '../reports/serviceKinds.ts';
import { removeDemoServices } from '../directory/demo/demoMarker.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import { invalidateDirectorySearch, updateDirectorySearch } from '../directory/search/storeSearch.ts';
import type { NoteKind, Service } from '../directory/serviceSchema.ts';
import type { CallFactsWire, NoteWire } from './wire.ts';

// What leaves this PC for the hub, read at push time from the store. Call facts carry codes,
// flags, the duration and referred services' ids only: never notes, pseudonym, free text
// (language_other, heard_from_other, unmet_need's text, looked_for, debrief_reason) or a number.

export function readCallFacts(db: Db, callId: string): CallFactsWire | null {
  const c = db
    .prepare(`SELECT started_at, duration_ms, caller_type, language, interpreter, commune, caller_history, heard_from, resolution, unmet_need IS NOT NULL AND trim(unmet_need) <> '' AS unmet, no_request, social_aid_contact, debrief FROM calls WHERE id = ? AND status = 'closed'`)
    .get(callId) as { started_at: string; duration_ms: number | null; caller_type: string | null; language: string | null; interpreter: number; commune: string | null; caller_history: string | null; heard_from: string | null; resolution: string | null; unmet: number; no_request: string | null; social_aid_contact: string; debrief: number } | undefined;
  if (!c) return null;
  const col = (sql: string) => db.prepare(sql).pluck().all(callId) as string[];
  const referrals = db.prepare('SELECT r.service_id, r.service_name, r.contacted, r.outcome, json_extract(s.themes, \'$[0]\') AS first_theme FROM call_referrals r LEFT JOIN services s ON s.id = r.service_id WHERE r.call_id = ? ORDER BY r.position').all(callId) as Array<{ service_id: string; service_name: string; contacted: number; outcome: string | null; first_theme: string | null }>;
  return {
    startedAt: c.started_at,
    durationMs: c.duration_ms,
    callerType: c.caller_type,
    language: c.language,
    interpreter: c.interpreter === 1,
    commune: c.commune,
    callerHistory: c.caller_history,
    heardFrom: c.heard_from,
    resolution: c.resolution,
    unmet: c.unmet === 1,
    themes: col('SELECT theme_code FROM call_themes WHERE call_id = ? ORDER BY position'),
    interventions: col('SELECT mode FROM call_interventions WHERE call_id = ? ORDER BY mode'),
    referrals: referrals.map((r) => ({ serviceId: r.service_id, kind: serviceKind(r.service_id, r.service_name, r.first_theme), contacted: r.contacted === 1, outcome: r.outcome })),
    callbacks: col('SELECT status FROM callbacks WHERE call_id = ? ORDER BY status'),
    noRequest: c.no_request,
    socialAidContact: c.social_aid_contact,
    barriers: col('SELECT barrier FROM call_barriers WHERE call_id = ? ORDER BY barrier'),
    debrief: c.debrief === 1,
  };
}

export function readLocalNote(db: Db, rowId: string): NoteWire | null {
  const n = db.prepare(`SELECT uid, service_id, text, responder, created_at, kind FROM reachability_notes WHERE id = ? AND origin = 'local'`).get(Number(rowId)) as { uid: string; service_id: string; text: string; responder: string; created_at: string; kind: NoteKind } | undefined;
  return n ? { uid: n.uid, serviceId: n.service_id, text: n.text, author: n.responder, writtenAt: n.created_at, kind: n.kind } : null;
}

/**
 * A note pulled from the hub, stored with its centre and marked as coming from the hub (so it is
 * not sent back). A note already here (its uid) is left as is; a note about a service this PC
 * does not have yet waits in sync_pending_notes, and arrives with its service (migration 013's
 * trigger, whichever path adds the service).
 */
export function applyPulledNote(db: Db, note: NoteWire & { centre: string }): 'added' | 'known' | 'pending' {
  if (db.prepare('SELECT 1 FROM reachability_notes WHERE uid = ?').get(note.uid)) return 'known';
  if (!db.prepare('SELECT 1 FROM services WHERE id = ?').get(note.serviceId)) {
    db.prepare(`INSERT OR IGNORE INTO sync_pending_notes (uid, service_id, text, responder, created_at, centre, kind) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(note.uid, note.serviceId, note.text, note.author, note.writtenAt, note.centre, note.kind ?? 'note');
    return 'pending';
  }
  db.prepare(`INSERT INTO reachability_notes (service_id, text, responder, created_at, uid, centre, origin, kind) VALUES (?, ?, ?, ?, ?, ?, 'hub', ?)`).run(note.serviceId, note.text, note.author, note.writtenAt, note.uid, note.centre, note.kind ?? 'note');
  return 'added';
}

/** Notes still waiting for their service, written before `cutoff` (an instant): how many, and the oldest's time. */
export function countPendingNotesBefore(db: Db, cutoff: string): { n: number; oldest: string | null } {
  return db.prepare('SELECT count(*) AS n, min(created_at) AS oldest FROM sync_pending_notes WHERE julianday(created_at) < julianday(?)').get(cutoff) as { n: number; oldest: string | null };
}

/** Deletes them (the notes retention, pendingNotesPurge.ts); returns how many. */
export function deletePendingNotesBefore(db: Db, cutoff: string): number {
  return db.prepare('DELETE FROM sync_pending_notes WHERE julianday(created_at) < julianday(?)').run(cutoff).changes;
}

/** A service as this PC holds it, for a maintainer's edit pushed to the line's directory. */
export function readLocalService(db: Db, id: string): Service | null {
  return directoryRepository(db).getService(id);
}

/**
 * Services pulled from the line's directory, written in one go (the caller's transaction). The
 * line's real directory replaces the demonstration one, as an import does.
 */
export function applyPulledServices(db: Db, services: readonly Service[], now: Date): { written: number; demoRemoved: number } {
  if (!services.length) return { written: 0, demoRemoved: 0 };
  const demoRemoved = removeDemoServices(db);
  const written = directoryRepository(db).upsertServices(services, now);
  if (demoRemoved || services.length > 500) invalidateDirectorySearch(db);
  else updateDirectorySearch(db, services);
  return { written, demoRemoved };
}
