import type { PurgeContext, PurgeStep, PurgeStepReport } from '../services/purgeStep.ts';
import { DAY } from '../domain/brusselsTime.ts';
import { readCallbackSettings } from './callbackSettings.ts';
import { callbacksRepository } from './callbacksRepository.ts';

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
