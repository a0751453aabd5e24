import crypto from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

// SQL for the callbacks tables (migration 004), nothing else: rules live in callbackActions.ts.

export const CALLBACK_STATUSES = ['pending', 'done', 'unreachable', 'withdrawn'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const ATTEMPT_RESULTS = ['reached', 'no_answer', 'voicemail', 'wrong_number'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];
export type NumberDeletedReason = 'retention' | 'consent_withdrawn';

/** What a callback's reason becomes once the notes retention erased it (the column is required). */
const ERASED_REASON = '—';

export type TakeState = 'provisional' | 'confirmed' | 'refused';

export interface CallbackRow {
  id: string;
  /** The call on this PC; null for a callback scheduled at another centre (origin 'hub'). */
  callId: string | null;
  phoneE164: string | null;
  consentAt: string;
  language: string;
  reason: string;
  windowStart: string;
  windowEnd: string | null;
  dueAt: string;
  notifiedDueAt: string | null;
  assigneeProfileId: string | null;
  createdByProfileId: string | null;
  status: CallbackStatus;
  failedAttempts: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  numberDeletedAt: string | null;
  numberDeletedReason: NumberDeletedReason | null;
  origin: 'local' | 'hub';
  originCentre: string | null;
  originCallId: string | null;
  createdByName: string | null;
  /** JSON of the original call's summary (callbacks of other centres only). */
  callSummary: string | null;
  forNext: string | null;
  shared: 0 | 1;
  holderName: string | null;
  holderCentre: string | null;
  heldAt: string | null;
  holderRev: number;
  takeState: TakeState | null;
  /** JSON of the hub's refusal of a take made here ({code, name, centre, at}). */
  takeNote: string | null;
}

export interface AttemptRow {
  id: number;
  callbackId: string;
  result: AttemptResult;
  at: string;
  byProfileId: string | null;
  uid: string;
  byName: string | null;
  byCentre: string | null;
}

const COLUMNS = `id, call_id AS callId, phone_e164 AS phoneE164, consent_at AS consentAt, language, reason,
  window_start AS windowStart, window_end AS windowEnd, due_at AS dueAt, notified_due_at AS notifiedDueAt,
  assignee_profile_id AS assigneeProfileId, created_by_profile_id AS createdByProfileId, status,
  failed_attempts AS failedAttempts, created_at AS createdAt, updated_at AS updatedAt, closed_at AS closedAt,
  number_deleted_at AS numberDeletedAt, number_deleted_reason AS numberDeletedReason, origin, origin_centre AS originCentre,
  origin_call_id AS originCallId, created_by_name AS createdByName, call_summary AS callSummary, for_next AS forNext, shared,
  holder_name AS holderName, holder_centre AS holderCentre, held_at AS heldAt, holder_rev AS holderRev, take_state AS takeState, take_note AS takeNote`;

export type NewCallback = Pick<
  CallbackRow,
  'id' | 'callId' | 'phoneE164' | 'consentAt' | 'language' | 'reason' | 'windowStart' | 'windowEnd' | 'dueAt' | 'assigneeProfileId' | 'createdByProfileId' | 'createdAt'
> & { forNext?: string | null };

/** A callback of another centre as applyPulledCallback writes it (named parameters of insertPulled). */
interface PulledCallbackRow {
  id: string;
  number: string | null;
  consentAt: string;
  language: string;
  reason: string;
  windowStart: string;
  windowEnd: string | null;
  dueAt: string;
  assignee: string | null;
  status: CallbackStatus;
  failed: number;
  createdAt: string;
  now: string;
  closedAt: string | null;
  erasedAt: string | null;
  erasedReason: NumberDeletedReason | null;
  centre: string;
  callId: string;
  createdBy: string | null;
  summary: string | null;
  forNext: string | null;
  holderName: string | null;
  holderCentre: string | null;
  heldAt: string | null;
  rev: number;
}

/** The hub's state of a callback known here (named parameters of applyHubState). */
type HubStateRow = Pick<PulledCallbackRow, 'id' | 'status' | 'failed' | 'dueAt' | 'closedAt' | 'assignee' | 'holderName' | 'holderCentre' | 'heldAt' | 'rev' | 'now'>;

// Prepared statements are cached per database handle: the reminder engine ticks every few
// seconds for a whole shift and must not allocate new statements each time.
const cache = new WeakMap<Database, Map<string, Statement>>();
function stmt(db: Database, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

export function callbacksRepository(db: Database) {
  return {
    insert(c: NewCallback): CallbackRow {
      stmt(
        db,
        `INSERT INTO callbacks (id, call_id, phone_e164, consent_at, language, reason, window_start, window_end, due_at,
           assignee_profile_id, created_by_profile_id, created_at, updated_at, for_next)
         VALUES (@id, @callId, @phoneE164, @consentAt, @language, @reason, @windowStart, @windowEnd, @dueAt,
           @assigneeProfileId, @createdByProfileId, @createdAt, @createdAt, @forNext)`,
      ).run({ ...c, forNext: c.forNext ?? null });
      return this.get(c.id) as CallbackRow;
    },

    get(id: string): CallbackRow | null {
      return (stmt(db, `SELECT ${COLUMNS} FROM callbacks WHERE id = ?`).get(id) as CallbackRow | undefined) ?? null;
    },

    /** Every callback not yet closed, soonest first. */
    listOpen(): CallbackRow[] {
      return stmt(db, `SELECT ${COLUMNS} FROM callbacks WHERE status = 'pending' ORDER BY due_at, id`).all() as CallbackRow[];
    },

    /** The most recently closed callbacks. */
    listClosed(limit: number): CallbackRow[] {
      return stmt(db, `SELECT ${COLUMNS} FROM callbacks WHERE status <> 'pending' ORDER BY closed_at DESC, id LIMIT ?`).all(limit) as CallbackRow[];
    },

    listForCall(callId: string): CallbackRow[] {
      return stmt(db, `SELECT ${COLUMNS} FROM callbacks WHERE call_id = ? ORDER BY created_at, id`).all(callId) as CallbackRow[];
    },

    /** Attempts of the given callbacks, oldest first, grouped by callback. */
    attemptsFor(ids: readonly string[]): Map<string, AttemptRow[]> {
      const out = new Map<string, AttemptRow[]>();
      if (ids.length === 0) return out;
      const rows = stmt(
        db,
        `SELECT id, callback_id AS callbackId, result, at, by_profile_id AS byProfileId, uid, by_name AS byName, by_centre AS byCentre FROM callback_attempts
         WHERE callback_id IN (SELECT value FROM json_each(?)) ORDER BY at, id`,
      ).all(JSON.stringify(ids)) as AttemptRow[];
      for (const r of rows) {
        const list = out.get(r.callbackId);
        if (list) list.push(r);
        else out.set(r.callbackId, [r]);
      }
      return out;
    },

    /** Records an attempt made here; returns its id shared with the other workstations. */
    addAttempt(callbackId: string, result: AttemptResult, at: string, byProfileId: string | null): string {
      const uid = crypto.randomUUID();
      stmt(db, `INSERT INTO callback_attempts (callback_id, result, at, by_profile_id, uid) VALUES (?, ?, ?, ?, ?)`).run(callbackId, result, at, byProfileId, uid);
      return uid;
    },

    /** A new due time (snooze, reschedule): it will be announced again. */
    setDue(id: string, dueAt: string, failedAttempts: number, now: string): void {
      stmt(db, `UPDATE callbacks SET due_at = ?, failed_attempts = ?, notified_due_at = NULL, updated_at = ? WHERE id = ? AND status = 'pending'`).run(dueAt, failedAttempts, now, id);
    },

    close(id: string, status: Exclude<CallbackStatus, 'pending'>, failedAttempts: number, now: string): void {
      stmt(db, `UPDATE callbacks SET status = ?, failed_attempts = ?, closed_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'`).run(status, failedAttempts, now, now, id);
    },

    /** A holder on this PC (or the team); a take of a shared callback is provisional until the hub answers. */
    assign(id: string, profileId: string | null, now: string, takeState: TakeState | null = null): void {
      stmt(db, `UPDATE callbacks SET assignee_profile_id = ?, holder_name = NULL, holder_centre = NULL, held_at = ?, take_state = ?, take_note = NULL, updated_at = ? WHERE id = ?`).run(profileId, profileId ? now : null, takeState, now, id);
    },

    /** Deletes the number of one callback (consent withdrawn); the row keeps when and why. */
    deleteNumber(id: string, reason: NumberDeletedReason, now: string): number {
      return stmt(db, `UPDATE callbacks SET phone_e164 = NULL, number_deleted_at = ?, number_deleted_reason = ?, updated_at = ? WHERE id = ? AND phone_e164 IS NOT NULL`).run(now, reason, now, id).changes;
    },

    /** Pending callbacks due at `now` whose current due time has not been announced yet. */
    dueUnannounced(now: string): CallbackRow[] {
      return stmt(
        db,
        `SELECT ${COLUMNS} FROM callbacks WHERE status = 'pending' AND due_at <= ? AND (notified_due_at IS NULL OR notified_due_at <> due_at) ORDER BY due_at, id`,
      ).all(now) as CallbackRow[];
    },

    markAnnounced(ids: readonly string[]): void {
      if (ids.length === 0) return;
      stmt(db, `UPDATE callbacks SET notified_due_at = due_at WHERE id IN (SELECT value FROM json_each(?)) AND status = 'pending'`).run(JSON.stringify(ids));
    },

    /** How many pending callbacks are due at `now` (due now and overdue together). */
    countDue(now: string): number {
      return stmt(db, `SELECT count(*) FROM callbacks WHERE status = 'pending' AND due_at <= ?`).pluck().get(now) as number;
    },

    /** Closed callbacks still holding a number, closed at or before `cutoff`. */
    closedWithNumberBefore(cutoff: string): Array<{ id: string; closedAt: string; status: CallbackStatus }> {
      return stmt(db, `SELECT id, closed_at AS closedAt, status FROM callbacks WHERE status <> 'pending' AND phone_e164 IS NOT NULL AND closed_at <= ? ORDER BY closed_at, id`).all(cutoff) as Array<{
        id: string;
        closedAt: string;
        status: CallbackStatus;
      }>;
    },

    /** Closed callbacks of other centres (pulled from the hub), closed at or before `cutoff`, oldest first. */
    otherCentresClosedBefore(cutoff: string): Array<{ id: string; closedAt: string }> {
      return stmt(db, `SELECT id, closed_at AS closedAt FROM callbacks WHERE origin = 'hub' AND status <> 'pending' AND closed_at <= ? ORDER BY closed_at, id`).all(cutoff) as Array<{ id: string; closedAt: string }>;
    },

    /** Deletes them, with their attempts and follow-ups (cascade); returns how many. */
    deleteOtherCentresClosedBefore(cutoff: string): number {
      return stmt(db, `DELETE FROM callbacks WHERE origin = 'hub' AND status <> 'pending' AND closed_at <= ?`).run(cutoff).changes;
    },

    /** Closed callbacks of this PC whose call started before `cutoff` and that still hold their context (reason, "pour qui rappellera"). */
    localContextBefore(cutoff: string): Array<{ id: string; startedAt: string }> {
      return stmt(
        db,
        `SELECT cb.id, c.started_at AS startedAt FROM callbacks cb JOIN calls c ON c.id = cb.call_id
         WHERE cb.origin = 'local' AND cb.status <> 'pending' AND c.started_at < ? AND c.status <> 'active' AND (cb.reason <> ? OR cb.for_next IS NOT NULL)
         ORDER BY c.started_at, cb.id`,
      ).all(cutoff, ERASED_REASON) as Array<{ id: string; startedAt: string }>;
    },

    /** Erases that context (the reason is required: it becomes a dash); returns how many. */
    eraseLocalContextBefore(cutoff: string, now: string): number {
      return stmt(
        db,
        `UPDATE callbacks SET reason = @erased, for_next = NULL, updated_at = @now
         WHERE origin = 'local' AND status <> 'pending' AND (reason <> @erased OR for_next IS NOT NULL)
           AND call_id IN (SELECT id FROM calls WHERE started_at < @cutoff AND status <> 'active')`,
      ).run({ erased: ERASED_REASON, now, cutoff }).changes;
    },

    // --- Shared through the hub (issue 15): src/sync/sharedCallbacks.ts decides, these write. ---

    /** The hub knows this callback from now on (scheduled while joined, or shared when joining). */
    markShared(id: string, holderRev: number): void {
      stmt(db, 'UPDATE callbacks SET shared = 1, holder_rev = ? WHERE id = ?').run(holderRev, id);
    },

    /** The hub's answer to a take made here: confirmed, or refused (the holder here is dropped; the note says who won). */
    answerTake(id: string, answer: { confirmed: true } | { confirmed: false; note: string }): void {
      if (answer.confirmed) stmt(db, `UPDATE callbacks SET take_state = 'confirmed' WHERE id = ? AND take_state = 'provisional'`).run(id);
      else stmt(db, `UPDATE callbacks SET take_state = 'refused', take_note = ?, assignee_profile_id = NULL WHERE id = ? AND take_state = 'provisional'`).run(answer.note, id);
    },

    /** A callback of another centre, as the hub holds it, its sealed values opened. */
    insertPulled(c: PulledCallbackRow): void {
      stmt(
        db,
        `INSERT INTO callbacks (id, call_id, phone_e164, consent_at, language, reason, window_start, window_end, due_at, assignee_profile_id, status,
           failed_attempts, created_at, updated_at, closed_at, number_deleted_at, number_deleted_reason, origin, origin_centre, origin_call_id, created_by_name,
           call_summary, for_next, shared, holder_name, holder_centre, held_at, holder_rev)
         VALUES (@id, NULL, @number, @consentAt, @language, @reason, @windowStart, @windowEnd, @dueAt, @assignee, @status,
           @failed, @createdAt, @now, @closedAt, @erasedAt, @erasedReason, 'hub', @centre, @callId, @createdBy,
           @summary, @forNext, 1, @holderName, @holderCentre, @heldAt, @rev)`,
      ).run(c);
    },

    /** The hub's state of a shared callback known here: status, due time, holder (a provisional take held here is confirmed by it). */
    applyHubState(c: HubStateRow): void {
      stmt(
        db,
        `UPDATE callbacks SET status = @status, failed_attempts = @failed, due_at = @dueAt, notified_due_at = CASE WHEN due_at = @dueAt THEN notified_due_at ELSE NULL END,
           closed_at = @closedAt, assignee_profile_id = @assignee, holder_name = @holderName, holder_centre = @holderCentre, held_at = @heldAt, holder_rev = @rev,
           take_state = CASE WHEN take_state = 'provisional' AND @assignee IS NOT NULL THEN 'confirmed' ELSE take_state END, updated_at = @now
         WHERE id = @id`,
      ).run(c);
    },

    /** The hub erased the number (another PC's purge or withdrawal, or the hub's own purge). */
    eraseNumberFromHub(id: string, at: string, reason: NumberDeletedReason): void {
      stmt(db, 'UPDATE callbacks SET phone_e164 = NULL, number_deleted_at = ?, number_deleted_reason = ? WHERE id = ? AND phone_e164 IS NOT NULL').run(at, reason, id);
    },

    /** An attempt made on another PC (kept once, by its id). */
    addPulledAttempt(callbackId: string, a: { uid: string; result: AttemptResult; at: string; by: string | null; centre: string }): void {
      stmt(db, `INSERT INTO callback_attempts (callback_id, result, at, by_profile_id, uid, by_name, by_centre) VALUES (?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`).run(callbackId, a.result, a.at, a.uid, a.by, a.centre);
    },

    /** Deletes the numbers of closed callbacks closed at or before `cutoff`; returns how many. */
    deleteNumbersClosedBefore(cutoff: string, now: string): number {
      return stmt(
        db,
        `UPDATE callbacks SET phone_e164 = NULL, number_deleted_at = ?, number_deleted_reason = 'retention', updated_at = ?
         WHERE status <> 'pending' AND phone_e164 IS NOT NULL AND closed_at <= ?`,
      ).run(now, now, cutoff).changes;
    },
  };
}

