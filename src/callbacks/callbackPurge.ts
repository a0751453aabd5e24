import type { PurgeContext, PurgeStep, PurgeStepReport } from '../services/purgeStep.ts';
import { DAY, monthsBefore } from '../domain/brusselsTime.ts';
import { readCallbackSettings } from './callbackSettings.ts';
import { callbacksRepository } from './callbacksRepository.ts';
import { readNotesRetentionMonths } from '../access/retentionSettings.ts';

// Purge step: the phone number of a callback is deleted `numberRetentionDays` (default 30)
// after the callback was completed or closed. The row stays (status, attempts, dates: what
// the statistics need) with `phone_e164` NULL and `number_deleted_at` / `_reason` set.
// Withdrawn consent deletes the number at once (callbackActions.withdrawConsent); this step
// would also catch any closed row still holding one.

function cutoffOf(ctx: PurgeContext): { cutoff: string; days: number } {
  const days = readCallbackSettings(ctx.db, ctx.policy.callbackNumberRetentionDays).numberRetentionDays;
  return { cutoff: new Date(ctx.now.getTime() - days * DAY).toISOString(), days };
}

function report(count: number, oldest: string | null, days: number): PurgeStepReport {
  return {
    step: callbackNumbersPurge.name,
    description: callbackNumbersPurge.description,
    count,
    oldest,
    rule: `${days} days after the callback was completed or closed`,
  };
}

export const callbackNumbersPurge: PurgeStep = {
  name: 'callbacks.numbers',
  description: 'Phone numbers of completed or closed callbacks',
  plan(ctx) {
    const { cutoff, days } = cutoffOf(ctx);
    const rows = callbacksRepository(ctx.db).closedWithNumberBefore(cutoff);
    return report(rows.length, rows[0]?.closedAt ?? null, days);
  },
  apply(ctx) {
    const { cutoff, days } = cutoffOf(ctx);
    const repo = callbacksRepository(ctx.db);
    const oldest = repo.closedWithNumberBefore(cutoff)[0]?.closedAt ?? null;
    const count = repo.deleteNumbersClosedBefore(cutoff, ctx.now.toISOString());
    return report(count, oldest, days);
  },
};

// Purge step (issue 15): a callback of another centre (pulled from the hub) is a copy, kept here
// so this permanence can make it. Once closed, it goes whole — with its number, reason, "pour qui
// rappellera", the call's summary (pseudonym included), attempts and follow-up — by the same
// rule and at the same time as a number here: `numberRetentionDays` after it closed. The
// scheduling centre keeps its own record; the hub keeps metadata only past that limit too
// (src/hub/hubPurge.ts).
export const otherCentresCallbacksPurge: PurgeStep = {
  name: 'callbacks.otherCentres',
  description: "Other centres' callbacks, once closed",
  plan(ctx) {
    const { cutoff, days } = cutoffOf(ctx);
    const rows = callbacksRepository(ctx.db).otherCentresClosedBefore(cutoff);
    return { step: this.name, description: this.description, count: rows.length, oldest: rows[0]?.closedAt ?? null, rule: `${days} days after the callback was completed or closed` };
  },
  apply(ctx) {
    const { cutoff, days } = cutoffOf(ctx);
    const repo = callbacksRepository(ctx.db);
    const oldest = repo.otherCentresClosedBefore(cutoff)[0]?.closedAt ?? null;
    return { step: this.name, description: this.description, count: repo.deleteOtherCentresClosedBefore(cutoff), oldest, rule: `${days} days after the callback was completed or closed` };
  },
};

// Purge step (issue 15): the context of a callback scheduled here — its reason and "pour qui
// rappellera" — is free text about the call, so it goes with the call's notes, at the notes
// retention (default 24 months after the call; access/notesPurge.ts erases the rest). The
// callback itself stays (status, attempts, dates, follow-up: what the bilans count).
function notesCutoffOf(ctx: PurgeContext): { cutoff: string; months: number } {
  const months = readNotesRetentionMonths(ctx.db, ctx.policy.notesRetentionMonths);
  return { cutoff: monthsBefore(ctx.now, months).toISOString(), months };
}

export const callbackContextPurge: PurgeStep = {
  name: 'callbacks.context',
  description: 'Reasons and "pour qui rappellera" notes of old callbacks',
  plan(ctx) {
    const { cutoff, months } = notesCutoffOf(ctx);
    const rows = callbacksRepository(ctx.db).localContextBefore(cutoff);
    return { step: this.name, description: this.description, count: rows.length, oldest: rows[0]?.startedAt ?? null, rule: `${months} months after the call (with its notes)` };
  },
  apply(ctx) {
    const { cutoff, months } = notesCutoffOf(ctx);
    const repo = callbacksRepository(ctx.db);
    const oldest = repo.localContextBefore(cutoff)[0]?.startedAt ?? null;
    return { step: this.name, description: this.description, count: repo.eraseLocalContextBefore(cutoff, ctx.now.toISOString()), oldest, rule: `${months} months after the call (with its notes)` };
  },
};
