import crypto from 'node:crypto';
import type { Db } from '../store/openDatabase.ts';
import { requireLink } from './hubEnrolment.ts';
import { moveCursor } from './hubLinkRepository.ts';
import { queueCallbackReplay } from './sharedCallbacks.ts';

/**
 * `relais-admin hub resync`: every note written here, every closed call's facts (and, issue 15,
 * every handover note, caller mark and this PC's part of every shared callback) go to the
 * outbox again under new change ids, and the cursor goes back to 0 (everything is pulled
 * again). Safe by construction: the hub keeps one note per uid and one facts row per call id,
 * and a pulled note already here (its uid) is left alone. For a PC restored from a backup, or
 * one whose hub was restored from an older dump.
 */
export function queueResync(db: Db): { notes: number; calls: number; handovers: number; callerMarks: number; callbackOps: number } {
  requireLink(db);
  return db.transaction(() => {
    const add = db.prepare('INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at) VALUES (?, ?, ?, ?, ?)');
    const notes = db.prepare(`SELECT CAST(id AS TEXT) AS id, created_at FROM reachability_notes WHERE origin = 'local' ORDER BY id`).all() as { id: string; created_at: string }[];
    const calls = db.prepare(`SELECT id, coalesce(closed_at, updated_at) AS at FROM calls WHERE status = 'closed' ORDER BY started_at`).all() as { id: string; at: string }[];
    for (const n of notes) add.run(crypto.randomUUID(), 'note', n.id, '{}', n.created_at);
    for (const c of calls) add.run(crypto.randomUUID(), 'callFacts', c.id, '{}', c.at);
    // Issue 15: handover notes (one per uid on the hub) and the caller marks of closed calls with
    // a pseudonym (one per mark id, replaced) are as safe to send again.
    const handovers = db.prepare('SELECT CAST(id AS TEXT) AS id, created_at FROM handover_notes ORDER BY id').all() as { id: string; created_at: string }[];
    for (const h of handovers) add.run(crypto.randomUUID(), 'handover', h.id, '{}', h.created_at);
    const marked = db.prepare(`SELECT id, coalesce(closed_at, updated_at) AS at FROM calls WHERE status = 'closed' AND pseudonym IS NOT NULL ORDER BY started_at`).all() as { id: string; at: string }[];
    for (const c of marked) add.run(crypto.randomUUID(), 'callerMark', c.id, '{}', c.at);
    // Issue 15: this PC's part of every shared callback, as operations the hub applies once.
    const callbackOps = queueCallbackReplay(db);
    moveCursor(db, 0);
    return { notes: notes.length, calls: calls.length, handovers: handovers.length, callerMarks: marked.length, callbackOps };
  })();
}
