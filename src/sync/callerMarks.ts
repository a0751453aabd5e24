import { z } from 'zod';
import type { Db } from '../store/openDatabase.ts';
import type { LineKey } from './lineKey.ts';
import { callerMarkId, pseudonymHash } from './lineKeyDerived.ts';
import { openJson, recordAad, sealJson } from './sealedJson.ts';
import type { CallerMarkWire } from './wire.ts';

// Repeat callers across centres (issue 15, point 7). Each closed call with a pseudonym leaves a
// mark on the hub: the keyed hash of its normalised pseudonym (so equal pseudonyms meet without
// anyone reading them) and, sealed, its date, themes and "à savoir" note. The pseudonym itself
// never leaves the PC, not even sealed: whoever types it again already knows it.

export const sealedMark = z.strictObject({
  at: z.string(),
  themes: z.array(z.string()).max(30),
  knowThat: z.string().max(200).nullable(),
});
export type SealedMark = z.infer<typeof sealedMark>;

const aadOf = (id: string, hash: string) => recordAad('callerMark', id, hash);

/**
 * The mark of a call as it stands: sent when the call is closed with a pseudonym, withdrawn when
 * it has none any more (even while reopened: the withdrawal must not wait for a close that may
 * never come); null while a reopened call still has its pseudonym (its next close sends it).
 */
export function readCallerMark(db: Db, lineKey: LineKey, callId: string): CallerMarkWire | null {
  const c = db.prepare('SELECT status, started_at, pseudonym, know_that FROM calls WHERE id = ?').get(callId) as { status: string; started_at: string; pseudonym: string | null; know_that: string | null } | undefined;
  if (!c) return null;
  const id = callerMarkId(lineKey, callId);
  const hash = c.pseudonym ? pseudonymHash(lineKey, c.pseudonym) : null;
  if (!hash) return { id, hash: null, sealed: null };
  if (c.status !== 'closed') return null;
  const themes = db.prepare('SELECT theme_code FROM call_themes WHERE call_id = ? ORDER BY position').pluck().all(callId) as string[];
  const knowThat = c.know_that?.trim() ? c.know_that.trim() : null;
  return { id, hash, sealed: sealJson(lineKey, { at: c.started_at, themes, knowThat } satisfies SealedMark, aadOf(id, hash)) };
}

export function applyPulledMark(db: Db, mark: { id: string; hash: string; sealed: string; centre: string }, receivedAt: string): void {
  db.prepare(
    `INSERT INTO shared_caller_marks (id, hash, centre, sealed, received_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, centre = excluded.centre, sealed = excluded.sealed, received_at = excluded.received_at`,
  ).run(mark.id, mark.hash, mark.centre, mark.sealed, receivedAt);
}

export function dropPulledMark(db: Db, id: string): void {
  db.prepare('DELETE FROM shared_caller_marks WHERE id = ?').run(id);
}

/** The line's marks for this pseudonym, opened (those that do not open with this key are left out). */
export function sharedMarksOf(db: Db, lineKey: LineKey, pseudonym: string): Array<SealedMark & { id: string; centre: string }> {
  const hash = pseudonymHash(lineKey, pseudonym);
  if (!hash) return [];
  const rows = db.prepare('SELECT id, centre, sealed FROM shared_caller_marks WHERE hash = ?').all(hash) as Array<{ id: string; centre: string; sealed: string }>;
  return rows.flatMap((r) => {
    try {
      return [{ id: r.id, centre: r.centre, ...openJson(lineKey, r.sealed, aadOf(r.id, hash), sealedMark) }];
    } catch {
      return [];
    }
  });
}
