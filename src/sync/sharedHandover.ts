import { z } from 'zod';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';
import type { LineKey } from './lineKey.ts';
import { openJson, recordAad, sealJson } from './sealedJson.ts';
import type { HandoverWire } from './wire.ts';

// Handover notes across centres (issue 15, point 6): a note written here travels sealed under
// the line key — text and author's name together, bound to the note's id and day — so the hub
// relays it to the next permanence's workstation, whatever its centre, without reading it.

const sealedHandover = z.strictObject({ text: z.string().min(1).max(2000), author: z.string().min(1).max(100) });
const aadOf = (uid: string, day: string) => recordAad('handover', uid, day);

/** The wire form of a local handover note (outbox row `entity_id` = its row id). */
export function readLocalHandover(db: Db, lineKey: LineKey, rowId: string): HandoverWire | null {
  const n = db
    .prepare('SELECT uid, day, text, created_at, author_profile_id FROM handover_notes WHERE id = ?')
    .get(Number(rowId)) as { uid: string; day: string; text: string; created_at: string; author_profile_id: string } | undefined;
  const author = n ? profilesRepository(db).displayName(n.author_profile_id) : null;
  if (!n || !author) return null;
  return { uid: n.uid, day: n.day, writtenAt: n.created_at, sealed: sealJson(lineKey, { text: n.text, author }, aadOf(n.uid, n.day)) };
}

/**
 * A note pulled from the hub: opened and kept with its centre. One written here (its uid) or
 * already pulled is left alone; one that does not open with this line's key is skipped.
 */
export function applyPulledHandover(db: Db, lineKey: LineKey, note: HandoverWire & { centre: string }, receivedAt: string): 'added' | 'known' | 'unreadable' {
  if (db.prepare('SELECT 1 FROM handover_notes WHERE uid = ? UNION ALL SELECT 1 FROM shared_handover_notes WHERE uid = ?').get(note.uid, note.uid)) return 'known';
  let opened: z.infer<typeof sealedHandover>;
  try {
    opened = openJson(lineKey, note.sealed, aadOf(note.uid, note.day), sealedHandover);
  } catch {
    return 'unreadable';
  }
  db.prepare('INSERT INTO shared_handover_notes (uid, day, text, author, centre, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(note.uid, note.day, opened.text, opened.author, note.centre, note.writtenAt, receivedAt);
  return 'added';
}

/** Other centres' handover notes of a day before `day`: how many, and the oldest day. */
export function countSharedHandoverBefore(db: Db, day: string): { n: number; oldest: string | null } {
  return db.prepare('SELECT count(*) AS n, min(day) AS oldest FROM shared_handover_notes WHERE day < ?').get(day) as { n: number; oldest: string | null };
}

/** Deletes them (the notes retention, handoverPurge.ts); returns how many. */
export function deleteSharedHandoverBefore(db: Db, day: string): number {
  return db.prepare('DELETE FROM shared_handover_notes WHERE day < ?').run(day).changes;
}
