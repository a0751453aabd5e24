import { addDays, dayOf, monthsBefore } from '../domain/brusselsTime.ts';
import type { CallbackStateWire } from '../sync/wire.ts';
import type { HubSql } from './db/hubDb.ts';
import type { HubContext } from './hubContext.ts';

// The hub's own purge (issue 15): sealed values leave the hub by its own rule, from the metadata
// it holds in clear, whether or not the workstation that wrote them is still there to send an
// erase order (offline, revoked, reinstalled). `relais-hub serve` runs it at start and every hour
// (`relais-hub purge` runs it once); running it again changes nothing (idempotent).
//
// - A closed callback (done, unreachable, withdrawn), `callbackDays` after it closed: the
//   number's ciphertext AND the context's (reason, "pour qui rappellera", pseudonym, the call's
//   summary) leave its row. Its metadata stays (the line's counts and follow-ups). The change
//   takes a new sequence number, so every workstation erases its copy of the number at its next
//   pull, as after a workstation's erase order. An open callback is never touched: it is a
//   promise the next permanence may have to keep.
// - A handover note, `handoverDays` after its day: its sealed text leaves the hub (deleted, no
//   payload). Workstations keep what they pulled until their own purge (notes retention):
//   the hub only relays, so this takes no new sequence number and nobody drops anything.
// - A repeat-caller mark, `callerMarkMonths` after the hub received it: withdrawn as its
//   workstation's notes purge would withdraw it (new sequence number, every workstation drops it).

export interface HubRetention {
  /** Days after a callback closed before its sealed number and context leave the hub. */
  callbackDays: number;
  /** Days after a handover note's day before its sealed text leaves the hub. */
  handoverDays: number;
  /** Months after a caller mark reached the hub before it is withdrawn everywhere. */
  callerMarkMonths: number;
}

/** The workstation's defaults: callback number 30 days (purge.callbackNumberRetentionDays), notes 24 months. */
export const DEFAULT_HUB_RETENTION: Readonly<HubRetention> = Object.freeze({ callbackDays: 30, handoverDays: 30, callerMarkMonths: 24 });

/** `serve` runs the purge at start and then every hour. */
export const HUB_PURGE_INTERVAL_MS = 60 * 60_000;

export interface HubPurgeReport {
  callbacks: number;
  handovers: number;
  callerMarks: number;
}

const DAY_MS = 86_400_000;

async function takeSequence(tx: HubSql, count: number): Promise<number> {
  const [row] = await tx.query<{ value: string | number }>('UPDATE hub_sequence SET value = value + $1 WHERE id = 1 RETURNING value', [count]);
  return Number(row?.value ?? count) - count;
}

const parse = (payload: unknown) => (typeof payload === 'string' ? JSON.parse(payload) : payload) as CallbackStateWire;

export async function purgeHub(ctx: HubContext, retention: HubRetention = DEFAULT_HUB_RETENTION, opts: { dryRun?: boolean } = {}): Promise<HubPurgeReport> {
  const now = ctx.clock.now();
  const callbackCutoff = new Date(now.getTime() - retention.callbackDays * DAY_MS).toISOString();
  // A note's day is a Brussels calendar day: its relay period ends at Brussels midnight.
  const handoverCutoff = addDays(dayOf(now), -retention.handoverDays);
  const markCutoff = monthsBefore(now, retention.callerMarkMonths).toISOString();
  const nowIso = now.toISOString();

  return ctx.db.transaction(async (tx) => {
    // Locked as they are read: a workstation's operation on the same callback waits, then sees
    // the erased state; a second hub process purging at the same moment waits, re-reads the rows
    // and finds nothing left to do (PostgreSQL re-checks the conditions on the new row versions).
    const callbacks = await tx.query<{ id: string; payload: unknown }>(
      `SELECT id, payload FROM hub_items WHERE kind = 'callback' AND NOT deleted AND payload->>'status' <> 'pending'
         AND (payload->>'closedAt')::timestamptz <= $1::timestamptz AND (payload->>'number' IS NOT NULL OR payload->>'context' IS NOT NULL)
       ORDER BY seq ${opts.dryRun ? '' : 'FOR UPDATE'}`,
      [callbackCutoff],
    );
    const handovers = await tx.query<{ id: string }>(`SELECT id FROM hub_items WHERE kind = 'handover' AND NOT deleted AND payload->>'day' < $1`, [handoverCutoff]);
    const marks = await tx.query<{ id: string }>(
      `SELECT i.id FROM hub_items i WHERE i.kind = 'callerMark' AND NOT i.deleted
         AND (SELECT r.received_at FROM hub_receipts r WHERE r.seq = i.seq) <= $1::timestamptz ORDER BY i.seq ${opts.dryRun ? '' : 'FOR UPDATE'}`,
      [markCutoff],
    );
    const report = { callbacks: callbacks.length, handovers: handovers.length, callerMarks: marks.length };
    if (opts.dryRun) return report;

    if (handovers.length) await tx.query(`UPDATE hub_items SET payload = NULL, deleted = true WHERE kind = 'handover' AND id = ANY($1::text[])`, [handovers.map((h) => h.id)]);
    const renumbered = callbacks.length + marks.length;
    if (!renumbered) return report;
    // New sequence numbers, taken under the counter row's lock as a push takes them: every
    // workstation pulls the erased callbacks and the withdrawn marks.
    let seq = await takeSequence(tx, renumbered);
    for (const row of callbacks) {
      const state = parse(row.payload);
      if (state.number) {
        state.number = null;
        state.numberErasedAt = nowIso;
        state.numberErasedReason = 'retention';
      }
      state.context = null;
      await tx.query(`UPDATE hub_items SET payload = $2, seq = $3 WHERE kind = 'callback' AND id = $1`, [row.id, JSON.stringify(state), ++seq]);
    }
    for (const m of marks) await tx.query(`UPDATE hub_items SET payload = NULL, deleted = true, seq = $2 WHERE kind = 'callerMark' AND id = $1`, [m.id, ++seq]);
    return report;
  });
}
