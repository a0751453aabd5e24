import { readNotesRetentionMonths } from '../access/retentionSettings.ts';
import { dayOf, monthsBefore } from '../domain/brusselsTime.ts';
import { handoverRepository } from '../reports/quotesRepository.ts';
import type { PurgeContext, PurgeStep, PurgeStepReport } from '../services/purgeStep.ts';
import { countSharedHandoverBefore, deleteSharedHandoverBefore } from './sharedHandover.ts';

// Purge step (issue 15): handover notes are free text, so they follow the notes retention
// (default 24 months) — those written here and those pulled from other centres alike. The hub
// keeps a handover note's sealed text only for its relay period (src/hub/hubPurge.ts, 30 days),
// and never asks a workstation to drop what it pulled.

function cutoffOf(ctx: PurgeContext): { day: string; months: number } {
  const months = readNotesRetentionMonths(ctx.db, ctx.policy.notesRetentionMonths);
  return { day: dayOf(monthsBefore(ctx.now, months)), months };
}

function report(count: number, oldest: string | null, months: number): PurgeStepReport {
  return { step: handoverPurge.name, description: handoverPurge.description, count, oldest, rule: `${months} months after the note's day` };
}

function planned(ctx: PurgeContext) {
  const { day, months } = cutoffOf(ctx);
  const here = handoverRepository(ctx.db).countBefore(day);
  const pulled = countSharedHandoverBefore(ctx.db, day);
  const oldest = [here.oldest, pulled.oldest].filter((d): d is string => d !== null).sort()[0] ?? null;
  return { day, months, count: here.n + pulled.n, oldest };
}

export const handoverPurge: PurgeStep = {
  name: 'handover.notes',
  description: 'Handover notes (this centre and others)',
  plan(ctx) {
    const p = planned(ctx);
    return report(p.count, p.oldest, p.months);
  },
  apply(ctx) {
    const p = planned(ctx);
    const count = handoverRepository(ctx.db).deleteBefore(p.day) + deleteSharedHandoverBefore(ctx.db, p.day);
    return report(count, p.oldest, p.months);
  },
};
