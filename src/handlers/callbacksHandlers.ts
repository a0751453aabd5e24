import { type ActionContext, assignCallback, logAttempt, scheduleCallback, snoozeCallback, withdrawConsent } from '../callbacks/callbackActions.ts';
import { badgeCounts, publishBadge } from '../callbacks/callbackBadge.ts';
import { callLink } from '../callbacks/callLink.ts';
import { buildQueue, callbackViews } from '../callbacks/callbackQueue.ts';
import { resolveWindow, type WindowProblem } from '../callbacks/callbackSchedule.ts';
import { MINUTE, zonedToInstant } from '../domain/brusselsTime.ts';
import { readCallbackSettings, writeCallbackSettings } from '../callbacks/callbackSettings.ts';
import { type CallbackRow, callbacksRepository } from '../callbacks/callbacksRepository.ts';
import type { CallbackView, callbacksContract } from '../contract/callbacksContract.ts';
import { AppError } from '../errors.ts';
import { guardOutgoingText } from '../guard/outgoingText.ts';
import type { HandlerMap } from './handlerMap.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';
import { callbackShare } from '../sync/sharedCallbacks.ts';
import { readFollowUp, recordFollowUp } from '../callbacks/followUps.ts';

// Callbacks. Logs carry operation names, outcomes and counts: never a number or a reason.

function context(s: Services, c: HandlerContext): ActionContext {
  const db = s.store.database();
  return { db, now: s.clock.now(), profileId: c.actor?.profileId ?? null, link: callLink(db), settings: readCallbackSettings(db, retentionMax(s)), share: callbackShare(db) };
}

/** The machine configuration's ceiling for keeping a closed callback's number. */
function retentionMax(s: Services): number {
  return s.config.values.purge.callbackNumberRetentionDays;
}

function view(ctx: ActionContext, row: CallbackRow): CallbackView {
  return callbackViews(ctx.db, ctx.link, [row], ctx.now, ctx.profileId, ctx.settings.maxFailedAttempts)[0] as CallbackView;
}

const WINDOW_MESSAGES: Record<WindowProblem, string> = {
  'end-before-start': 'the end of the window must be after its start',
  'in-the-past': 'this time has already passed',
  'too-far': 'a callback is planned at most 90 days ahead',
};

export const callbacksHandlers: HandlerMap<typeof callbacksContract> = {
  'callbacks.schedule': (input, s, c) => {
    // The reason travels to the next permanence (and, with the hub, to other centres).
    guardOutgoingText(s, { text: input.reason, field: 'callbackReason', path: 'reason', override: input.override });
    if (input.forNext) guardOutgoingText(s, { text: input.forNext, field: 'callbackReason', path: 'forNext', override: input.override });
    const ctx = context(s, c);
    const resolved = resolveWindow(input.window, ctx.now);
    if (!resolved.ok) {
      const path = resolved.problem === 'end-before-start' ? 'window.to' : 'window.from';
      throw new AppError('InvalidInput', 'callbacks.invalidWindow', { problem: WINDOW_MESSAGES[resolved.problem] }, [{ path, message: WINDOW_MESSAGES[resolved.problem] }]);
    }
    const row = scheduleCallback(ctx, { callId: input.callId, phoneE164: input.phone, window: resolved.window, language: input.language, reason: input.reason, forNext: input.forNext ?? null, assignTo: input.assignTo });
    s.log.info('callbacks.scheduled', { assignedTo: input.assignTo, belgian: input.phone.startsWith('+32') });
    publishBadge(s);
    return { callback: view(ctx, row), adjustments: resolved.window.adjustments };
  },
  'callbacks.queue': (input, s, c) => {
    const ctx = context(s, c);
    return buildQueue(ctx.db, ctx.link, input, ctx.now, ctx.profileId, ctx.settings.maxFailedAttempts);
  },
  'callbacks.forCall': ({ callId }, s, c) => {
    const ctx = context(s, c);
    if (!ctx.link.callExists(callId)) throw new AppError('NotFound', 'calls.notFound');
    const rows = callbacksRepository(ctx.db).listForCall(callId);
    return { callbacks: callbackViews(ctx.db, ctx.link, rows, ctx.now, ctx.profileId, ctx.settings.maxFailedAttempts) };
  },
  'callbacks.get': ({ id }, s, c) => {
    const ctx = context(s, c);
    const row = callbacksRepository(ctx.db).get(id);
    if (!row) throw new AppError('NotFound', 'callbacks.notFound', { id: JSON.stringify(id) });
    return { callback: view(ctx, row), followUp: readFollowUp(ctx, id) };
  },
  'callbacks.followUp': ({ id, ...input }, s, c) => {
    const ctx = context(s, c);
    const f = recordFollowUp(ctx, id, input);
    s.log.info('callbacks.follow_up', { referrals: f.referrals.length, arrived: f.referrals.filter((r) => r.help === 'arrived').length, anotherCallback: f.anotherCallback });
    return f;
  },
  'callbacks.logAttempt': ({ id, result }, s, c) => {
    const ctx = context(s, c);
    const r = logAttempt(ctx, id, result);
    s.log.info('callbacks.attempt', { result, outcome: r.outcome, failed: r.callback.failedAttempts });
    publishBadge(s);
    return { callback: view(ctx, r.callback), outcome: r.outcome };
  },
  'callbacks.snooze': (input, s, c) => {
    const ctx = context(s, c);
    const target = input.minutes !== undefined ? { at: new Date(ctx.now.getTime() + input.minutes * MINUTE), adjustment: 'none' as const } : zonedToInstant(input.until!.date, input.until!.time);
    const row = snoozeCallback(ctx, input.id, target.at);
    s.log.info('callbacks.snoozed', { minutes: Math.round((target.at.getTime() - ctx.now.getTime()) / MINUTE) });
    publishBadge(s);
    return { callback: view(ctx, row), adjustment: target.adjustment };
  },
  'callbacks.assign': ({ id, to }, s, c) => {
    const ctx = context(s, c);
    const row = assignCallback(ctx, id, to);
    s.log.info('callbacks.assigned', { to });
    return view(ctx, row);
  },
  'callbacks.withdrawConsent': ({ id }, s, c) => {
    const ctx = context(s, c);
    const row = withdrawConsent(ctx, id);
    s.log.info('callbacks.consent_withdrawn', { numberDeleted: true });
    publishBadge(s);
    return view(ctx, row);
  },
  'callbacks.badge': (_input, s) => badgeCounts(s.store.database(), s.clock.now()),
  'callbacks.settings': (_input, s) => ({ ...readCallbackSettings(s.store.database(), retentionMax(s)), lineHours: s.config.values.lineHours }),
  'callbacks.updateSettings': (input, s) => {
    const max = retentionMax(s);
    if (input.numberRetentionDays !== undefined && input.numberRetentionDays > max) {
      throw new AppError('InvalidInput', 'callbacks.numberRetentionCeiling', { max }, [{ path: 'numberRetentionDays', message: `at most ${max}` }]);
    }
    const settings = writeCallbackSettings(s.store.database(), input, s.clock.now(), max);
    s.log.info('callbacks.settings_changed', { ...settings });
    return settings;
  },
};

