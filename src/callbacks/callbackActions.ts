import crypto from 'node:crypto';
import { AppError } from '../errors.ts';
import { withSecureDelete } from '../retention/secureDelete.ts';
import type { Db } from '../store/openDatabase.ts';
import type { CallLink } from './callLink.ts';
import { nextAttemptAt, type ResolvedWindow } from './callbackSchedule.ts';
import type { CallbackSettings } from '../domain/callbackSettings.ts';
import { type AttemptResult, type CallbackRow, callbacksRepository } from './callbacksRepository.ts';
import type { CallbackShare } from './callbackShare.ts';

// The callback rules, each change in one transaction:
// - a callback hangs on a call and exists only with the caller's oral consent;
// - "reached" completes it; "no answer" and "voicemail" are failed attempts that reschedule
//   the next one `noAnswerDelayMinutes` later, until `maxFailedAttempts` closes it as
//   unreachable; "wrong number" closes it as unreachable at once (there is nobody to retry);
// - closing records the outcome on the call record;
// - withdrawing consent deletes the number at once and closes a pending callback.

export interface ActionContext {
  db: Db;
  now: Date;
  /** The signed-in responder profile, if any. */
  profileId: string | null;
  link: CallLink;
  settings: CallbackSettings;
  /** The line's hub, when this PC is joined to one (issue 15); null: everything stays here. */
  share: CallbackShare | null;
}

export interface ScheduleInput {
  callId: string;
  phoneE164: string;
  window: ResolvedWindow;
  language: string;
  reason: string;
  /** "Pour qui rappellera": what the responder who calls back should know (optional). */
  forNext?: string | null;
  assignTo: 'me' | 'team';
}

function requireProfile(ctx: ActionContext): string {
  if (!ctx.profileId) throw new AppError('Forbidden', 'callbacks.signInToTake');
  return ctx.profileId;
}

function pendingOrThrow(row: CallbackRow | null, id: string): CallbackRow {
  if (!row) throw new AppError('NotFound', 'callbacks.notFound', { id: JSON.stringify(id) });
  if (row.status !== 'pending') throw new AppError('Conflict', 'callbacks.alreadyClosed', { status: row.status });
  return row;
}

export function scheduleCallback(ctx: ActionContext, input: ScheduleInput): CallbackRow {
  if (!ctx.link.callExists(input.callId)) throw new AppError('NotFound', 'callbacks.noSuchCall', {}, [{ path: 'callId', message: 'unknown call' }]);
  const assignee = input.assignTo === 'me' ? requireProfile(ctx) : null;
  const iso = ctx.now.toISOString();
  return ctx.db.transaction(() => {
    const row = callbacksRepository(ctx.db).insert({
      id: crypto.randomUUID(),
      callId: input.callId,
      phoneE164: input.phoneE164,
      consentAt: iso,
      language: input.language,
      reason: input.reason,
      windowStart: input.window.start.toISOString(),
      windowEnd: input.window.end?.toISOString() ?? null,
      dueAt: input.window.start.toISOString(),
      assigneeProfileId: assignee,
      createdByProfileId: ctx.profileId,
      createdAt: iso,
      forNext: input.forNext?.trim() ? input.forNext.trim() : null,
    });
    ctx.share?.created(row);
    return callbacksRepository(ctx.db).get(row.id) as CallbackRow;
  })();
}

/** The call a callback hangs on, when it is on this PC (a callback of another centre has none here). */
function recordOutcome(ctx: ActionContext, row: CallbackRow, outcome: 'reached' | 'unreachable' | 'withdrawn'): void {
  if (row.callId) ctx.link.setCallbackOutcome(row.callId, outcome, ctx.now);
}

export interface AttemptOutcome {
  callback: CallbackRow;
  /** What the attempt led to. */
  outcome: 'done' | 'rescheduled' | 'unreachable';
}

export function logAttempt(ctx: ActionContext, id: string, result: AttemptResult): AttemptOutcome {
  return ctx.db.transaction((): AttemptOutcome => {
    const repo = callbacksRepository(ctx.db);
    const row = pendingOrThrow(repo.get(id), id);
    const iso = ctx.now.toISOString();
    const uid = repo.addAttempt(id, result, iso, ctx.profileId);
    const by = ctx.profileId ? (ctx.link.profileNames([ctx.profileId]).get(ctx.profileId) ?? null) : null;
    const done = (r: AttemptOutcome): AttemptOutcome => {
      ctx.share?.attempted(r.callback, { uid, result, at: iso, by });
      return r;
    };
    if (result === 'reached') {
      repo.close(id, 'done', row.failedAttempts, iso);
      recordOutcome(ctx, row, 'reached');
      return done({ callback: repo.get(id) as CallbackRow, outcome: 'done' });
    }
    const failed = row.failedAttempts + 1;
    if (result === 'wrong_number' || failed >= ctx.settings.maxFailedAttempts) {
      repo.close(id, 'unreachable', failed, iso);
      recordOutcome(ctx, row, 'unreachable');
      return done({ callback: repo.get(id) as CallbackRow, outcome: 'unreachable' });
    }
    repo.setDue(id, nextAttemptAt(ctx.now, ctx.settings.noAnswerDelayMinutes).toISOString(), failed, iso);
    return done({ callback: repo.get(id) as CallbackRow, outcome: 'rescheduled' });
  })();
}

/** Moves the reminder to `until` (later than now); it will be announced again then. */
export function snoozeCallback(ctx: ActionContext, id: string, until: Date): CallbackRow {
  if (until.getTime() <= ctx.now.getTime()) throw new AppError('InvalidInput', 'callbacks.snoozeLater', {}, [{ path: 'until', message: 'must be in the future' }]);
  return ctx.db.transaction(() => {
    const repo = callbacksRepository(ctx.db);
    const row = pendingOrThrow(repo.get(id), id);
    repo.setDue(id, until.toISOString(), row.failedAttempts, ctx.now.toISOString());
    const after = repo.get(id) as CallbackRow;
    ctx.share?.snoozed(after);
    return after;
  })();
}

/**
 * Handover: take a callback yourself, or give it back to the shift team. A shared callback's
 * take is provisional until the hub, which referees between centres, confirms or refuses it at
 * the next sync (issue 15).
 */
export function assignCallback(ctx: ActionContext, id: string, to: 'me' | 'team'): CallbackRow {
  const assignee = to === 'me' ? requireProfile(ctx) : null;
  return ctx.db.transaction(() => {
    const repo = callbacksRepository(ctx.db);
    const before = pendingOrThrow(repo.get(id), id);
    const iso = ctx.now.toISOString();
    const shared = ctx.share !== null && before.shared === 1;
    repo.assign(id, assignee, iso, shared && assignee ? 'provisional' : null);
    if (shared) {
      const name = assignee ? (ctx.link.profileNames([assignee]).get(assignee) ?? '?') : null;
      ctx.share?.took(before, assignee && name ? { profileId: assignee, name, at: iso } : null);
    }
    return repo.get(id) as CallbackRow;
  })();
}

/** The caller withdrew consent: the number goes at once; a pending callback is closed. */
export function withdrawConsent(ctx: ActionContext, id: string): CallbackRow {
  return withSecureDelete(ctx.db, () => ctx.db.transaction(() => {
    const repo = callbacksRepository(ctx.db);
    const row = repo.get(id);
    if (!row) throw new AppError('NotFound', 'callbacks.notFound', { id: JSON.stringify(id) });
    const iso = ctx.now.toISOString();
    if (row.status === 'pending') {
      repo.close(id, 'withdrawn', row.failedAttempts, iso);
      recordOutcome(ctx, row, 'withdrawn');
    }
    // Before the number goes: the erase trigger (migration 011) queues the hub's erase order after this.
    ctx.share?.withdrew(row, iso);
    repo.deleteNumber(id, 'consent_withdrawn', iso);
    return repo.get(id) as CallbackRow;
  })());
}
