import { AppError } from '../errors.ts';
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

export function quotesRepository(db: Db) {
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
          `SELECT q.id, q.call_id AS callId, q.theme_code AS theme, q.text, p.display_name AS approvedBy, q.approved_at AS approvedAt
           FROM report_quotes q JOIN calls c ON c.id = q.call_id JOIN profiles p ON p.id = q.approved_by
           WHERE ${RANGE} ORDER BY q.theme_code, c.started_at`,
        )
        .all({ s: startIso, e: endIso }) as ApprovedQuoteRow[];
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
          `SELECT h.id AS id, h.text AS text, p.display_name AS author, NULL AS centre, h.created_at AS createdAt FROM handover_notes h JOIN profiles p ON p.id = h.author_profile_id WHERE h.day = @day
           UNION ALL SELECT -s.rowid, s.text, s.author, s.centre, s.created_at FROM shared_handover_notes s WHERE s.day = @day
           ORDER BY createdAt, id`,
        )
        .all({ day }) as HandoverNoteRow[];
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
        .prepare(`SELECT h.id, h.text, p.display_name AS author, h.created_at AS createdAt FROM handover_notes h JOIN profiles p ON p.id = h.author_profile_id WHERE h.day = ? ORDER BY h.created_at, h.id`)
        .all(day) as Array<{ id: number; text: string; author: string; createdAt: string }>;
    },
  };
}
