import { readNotesRetentionMonths } from '../access/retentionSettings.ts';
import { monthsBefore } from '../domain/brusselsTime.ts';
import type { PurgeContext, PurgeStep, PurgeStepReport } from '../services/purgeStep.ts';
import { countPendingNotesBefore, deletePendingNotesBefore } from './sharedRecords.ts';

// Purge step: a reachability note pulled from the hub about a service this PC does not have
// waits in sync_pending_notes (migration 013) until the service arrives. One whose service never
// comes would wait forever, unseen. It is free text written by a responder of another centre —
// the same kind of data as a handover note — so it follows the notes retention (the centre's
// `retention.notesMonths`, at most IT's `purge.notesRetentionMonths`, default 24), counted from
// when the note was written; not the callback numbers' days, which are about callers' numbers.
// Comparison through julianday: the wire allows an offset ("…+01:00"), so text order is not time order.

function cutoffOf(ctx: PurgeContext): { cutoff: string; months: number } {
  const months = readNotesRetentionMonths(ctx.db, ctx.policy.notesRetentionMonths);
  return { cutoff: monthsBefore(ctx.now, months).toISOString(), months };
}

function report(count: number, oldest: string | null, months: number): PurgeStepReport {
  return { step: pendingNotesPurge.name, description: pendingNotesPurge.description, count, oldest, rule: `${months} months after the note was written` };
}

export const pendingNotesPurge: PurgeStep = {
  name: 'reachability.pendingNotes',
  description: 'Reachability notes from the hub still waiting for their service',
  plan(ctx) {
    const { cutoff, months } = cutoffOf(ctx);
    const p = countPendingNotesBefore(ctx.db, cutoff);
    return report(p.n, p.oldest, months);
  },
  apply(ctx) {
    const { cutoff, months } = cutoffOf(ctx);
    const p = countPendingNotesBefore(ctx.db, cutoff);
    return report(deletePendingNotesBefore(ctx.db, cutoff), p.oldest, months);
  },
};
