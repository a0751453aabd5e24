import { AppError } from '../errors.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';
import { periodInstants } from '../domain/brusselsTime.ts';

// SQL for quotable excerpts (migration 005) and their candidates (calls flagged "may be quoted").

export interface QuoteCandidateRow {
  callId: string;
  startedAt: string;
  themes: string | null;
  notes: string | null;
}

export interface ApprovedQuoteRow {
  id: number;
  callId: string;
  theme: string;
  text: string;
  approvedBy: string;
  approvedAt: string;
}

const RANGE = `c.started_at >= @s AND c.started_at < @e AND c.status <> 'active'`;

/** Replaces the profile id in a row's `field` by that profile's name: the profiles' owner knows it. */
function namer(db: Db) {
  const profiles = profilesRepository(db);
  return <K extends string, R extends Record<K, string>>(row: R, field: K): R => ({ ...row, [field]: profiles.displayName(row[field]) ?? '' });
}

export function quotesRepository(db: Db) {
  const named = namer(db);
  return {
    /** Calls of the period whose notes may be quoted, with their notes joined in order. */
    candidates(from: string, to: string, limit: number): QuoteCandidateRow[] {
      const { startIso, endIso } = periodInstants(from, to);
      return db
        .prepare(
          `SELECT c.id AS callId, c.started_at AS startedAt,
             (SELECT group_concat(theme_code, ',') FROM (SELECT theme_code FROM call_themes t WHERE t.call_id = c.id ORDER BY position)) AS themes,
             (SELECT group_concat(text, char(10)) FROM (SELECT text FROM call_notes n WHERE n.call_id = c.id AND n.text <> '' ORDER BY seq)) AS notes
           FROM calls c WHERE ${RANGE} AND c.may_quote = 1 ORDER BY c.started_at DESC LIMIT @limit`,
        )
        .all({ s: startIso, e: endIso, limit }) as QuoteCandidateRow[];
    },
    /** Approved excerpts of the period's calls. */
    approved(from: string, to: string): ApprovedQuoteRow[] {
      const { startIso, endIso } = periodInstants(from, to);
      return db
        .prepare(
          `SELECT q.id, q.call_id AS callId, q.theme_code AS theme, q.text, q.approved_by AS approvedBy, q.approved_at AS approvedAt
           FROM report_quotes q JOIN calls c ON c.id = q.call_id
           WHERE ${RANGE} ORDER BY q.theme_code, c.started_at`,
        )
        .all({ s: startIso, e: endIso })
        .map((r) => named(r as ApprovedQuoteRow, 'approvedBy'));
    },
    approve(q: { callId: string; theme: string; text: string; by: string; at: string }): number {
      const r = db
        .prepare(
          `INSERT INTO report_quotes (call_id, theme_code, text, approved_by, approved_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (call_id, theme_code) DO UPDATE SET text = excluded.text, approved_by = excluded.approved_by, approved_at = excluded.approved_at`,
        )
        .run(q.callId, q.theme, q.text, q.by, q.at);
      return Number(r.lastInsertRowid) || (db.prepare('SELECT id FROM report_quotes WHERE call_id = ? AND theme_code = ?').pluck().get(q.callId, q.theme) as number);
    },
    revoke(id: number): void {
      if (db.prepare('DELETE FROM report_quotes WHERE id = ?').run(id).changes === 0) throw new AppError('NotFound', 'reports.excerptNotFound');
    },
    /** The call may still be quoted and carries this theme. */
    checkQuotable(callId: string, theme: string): void {
      const row = db.prepare('SELECT may_quote FROM calls WHERE id = ?').pluck().get(callId) as number | undefined;
      if (row === undefined) throw new AppError('NotFound', 'calls.notFound');
      if (row !== 1) throw new AppError('Conflict', 'reports.notQuotable');
      const has = db.prepare('SELECT 1 FROM call_themes WHERE call_id = ? AND theme_code = ?').pluck().get(callId, theme);
      if (!has) throw new AppError('InvalidInput', 'reports.excerptTheme', {}, [{ path: 'theme', message: 'not a theme of this call' }]);
    },
  };
}

export interface HandoverNoteRow {
  /** Negative for a note pulled from the hub (its local row, not a handover_notes id). */
  id: number;
  text: string;
  author: string;
  /** The writing workstation's centre for a note from another PC; null for a note written here. */
  centre: string | null;
  createdAt: string;
}

export function handoverRepository(db: Db) {
  const named = namer(db);
  return {
    add(n: { day: string; text: string; author: string; at: string }): number {
      return Number(db.prepare('INSERT INTO handover_notes (day, text, author_profile_id, created_at) VALUES (?, ?, ?, ?)').run(n.day, n.text, n.author, n.at).lastInsertRowid);
    },
    /**
     * The notes of the latest day that has some, up to `today` (the previous shift's handover),
     * written here or pulled from another centre's workstation through the hub (`centre` set).
     */
    latest(today: string): { day: string; notes: HandoverNoteRow[] } | null {
      const day = db.prepare('SELECT max(day) FROM (SELECT day FROM handover_notes WHERE day <= @today UNION ALL SELECT day FROM shared_handover_notes WHERE day <= @today)').pluck().get({ today }) as string | null;
      if (!day) return null;
      const notes = db
        .prepare(
          `SELECT h.id AS id, h.text AS text, h.author_profile_id AS author, NULL AS centre, h.created_at AS createdAt FROM handover_notes h WHERE h.day = @day
           UNION ALL SELECT -s.rowid, s.text, s.author, s.centre, s.created_at FROM shared_handover_notes s WHERE s.day = @day
           ORDER BY createdAt, id`,
        )
        .all({ day })
        // A note written here carries its author's id, named by the profiles' owner; a pulled one its name.
        .map((r) => ((r as HandoverNoteRow).centre === null ? named(r as HandoverNoteRow, 'author') : (r as HandoverNoteRow)));
      return { day, notes };
    },
    /** Handover notes written here on a day before `day` (oldest first): how many, and the oldest day. */
    countBefore(day: string): { n: number; oldest: string | null } {
      return db.prepare('SELECT count(*) AS n, min(day) AS oldest FROM handover_notes WHERE day < ?').get(day) as { n: number; oldest: string | null };
    },
    /** Deletes them (the notes retention, sync/handoverPurge.ts); returns how many. */
    deleteBefore(day: string): number {
      return db.prepare('DELETE FROM handover_notes WHERE day < ?').run(day).changes;
    },
    forDay(day: string): Array<{ id: number; text: string; author: string; createdAt: string }> {
      return db
        .prepare(`SELECT id, text, author_profile_id AS author, created_at AS createdAt FROM handover_notes WHERE day = ? ORDER BY created_at, id`)
        .all(day)
        .map((r) => named(r as { id: number; text: string; author: string; createdAt: string }, 'author'));
    },
  };
}
