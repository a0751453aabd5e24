import { AppError } from '../errors.ts';
import type { ActionContext } from './callbackActions.ts';
import { summaryOf } from './callSummary.ts';
import { callbacksRepository } from './callbacksRepository.ts';
import type { FollowUpInput } from './callbackShare.ts';
import type { HelpOutcome } from '../domain/helpOutcomes.ts';
import type { Db } from '../store/openDatabase.ts';

// The follow-up a reached callback writes (issue 15): for each referral of the original call,
// did help arrive; any new request; does the person agree to another callback. One per
// callback (written again, it replaces the first), linked to the original call. Codes only:
// it feeds the "help arrived" rate of the bilans, here and on the hub.


export interface FollowUpRow {
  callbackId: string;
  callId: string | null;
  recordedAt: string;
  byName: string | null;
  centre: string | null;
  referrals: Array<{ serviceId: string; serviceName: string; help: HelpOutcome }>;
  newRequest: boolean;
  anotherCallback: boolean;
}

export function readFollowUp(ctx: Pick<ActionContext, 'db'>, callbackId: string): FollowUpRow | null {
  const r = ctx.db.prepare('SELECT callback_id AS callbackId, call_id AS callId, recorded_at AS recordedAt, by_name AS byName, centre, referrals, new_request AS newRequest, another_callback AS anotherCallback FROM callback_follow_ups WHERE callback_id = ?').get(callbackId) as
    | { callbackId: string; callId: string | null; recordedAt: string; byName: string | null; centre: string | null; referrals: string; newRequest: number; anotherCallback: number }
    | undefined;
  return r ? { ...r, referrals: JSON.parse(r.referrals) as FollowUpRow['referrals'], newRequest: r.newRequest === 1, anotherCallback: r.anotherCallback === 1 } : null;
}

/** Records the follow-up of a reached callback; referrals must be the original call's. */
export function recordFollowUp(ctx: ActionContext, callbackId: string, input: FollowUpInput): FollowUpRow {
  return ctx.db.transaction(() => {
    const row = callbacksRepository(ctx.db).get(callbackId);
    if (!row) throw new AppError('NotFound', 'callbacks.notFound', { id: JSON.stringify(callbackId) });
    if (row.status !== 'done') throw new AppError('Conflict', 'callbacks.followUpNotReached');
    const known = new Map((summaryOf(ctx.db, row)?.referrals ?? []).map((r) => [r.serviceId, r.serviceName]));
    const unknown = input.referrals.find((r) => !known.has(r.serviceId));
    if (unknown) throw new AppError('InvalidInput', 'callbacks.followUpUnknownReferral', {}, [{ path: 'referrals', message: `not a referral of the call: ${unknown.serviceId}` }]);
    const iso = ctx.now.toISOString();
    const by = ctx.profileId ? (ctx.link.profileNames([ctx.profileId]).get(ctx.profileId) ?? null) : null;
    const referrals = input.referrals.map((r) => ({ serviceId: r.serviceId, serviceName: known.get(r.serviceId) as string, help: r.help }));
    ctx.db
      .prepare(
        `INSERT OR REPLACE INTO callback_follow_ups (callback_id, call_id, recorded_at, by_profile_id, by_name, centre, referrals, new_request, another_callback, origin)
         VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, 'local')`,
      )
      .run(callbackId, row.callId ?? row.originCallId, iso, ctx.profileId, by, JSON.stringify(referrals), input.newRequest ? 1 : 0, input.anotherCallback ? 1 : 0);
    ctx.share?.followedUp(row, { ...input, recordedAt: iso, by });
    return readFollowUp(ctx, callbackId) as FollowUpRow;
  })();
}

/**
 * A follow-up recorded on another PC, as the hub's state of the callback carries it (issue 15):
 * written here unless this PC wrote its own (which stays as written).
 */
export function savePulledFollowUp(db: Db, callbackId: string, f: { callId: string; recordedAt: string; by: string | null; centre: string; referrals: Array<{ serviceId: string; serviceName: string; help: HelpOutcome }>; newRequest: boolean; anotherCallback: boolean }): void {
  if (db.prepare(`SELECT 1 FROM callback_follow_ups WHERE callback_id = ? AND origin = 'local'`).get(callbackId)) return;
  db.prepare(
    `INSERT OR REPLACE INTO callback_follow_ups (callback_id, call_id, recorded_at, by_profile_id, by_name, centre, referrals, new_request, another_callback, origin)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, 'hub')`,
  ).run(callbackId, f.callId, f.recordedAt, f.by, f.centre, JSON.stringify(f.referrals), f.newRequest ? 1 : 0, f.anotherCallback ? 1 : 0);
}
