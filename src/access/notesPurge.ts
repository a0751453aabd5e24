import type { PurgeContext, PurgeStep, PurgeStepReport } from '../services/purgeStep.ts';
import { monthsBefore } from '../domain/brusselsTime.ts';
import { readNotesRetentionMonths } from './retentionSettings.ts';

// Purge step: the free text of calls that started more than N months ago (default 24) is
// erased, like iCarol's "shredding" but on by default. What goes: the timed notes (and with them
// their full-text index entries, through the FTS triggers, then an FTS `optimize` so no old
// segment keeps a token), the pseudonym (and with it the call's caller mark on the hub and every
// workstation, migration 012), the "à savoir" line, the "other" free-text answers, approved excerpts of
// those calls; the unmet need's text becomes '' (the "unmet need described" flag the reports
// count stays). What stays: every structured field (themes, interventions, referrals, commune,
// length…), so the statistics of the period do not change. Calls still in progress are never
// touched.

const OLD = `c.started_at < @cutoff AND c.status <> 'active'`;
const HAS_TEXT = `(EXISTS (SELECT 1 FROM call_notes n WHERE n.call_id = c.id) OR c.pseudonym IS NOT NULL OR c.know_that IS NOT NULL OR c.language_other IS NOT NULL OR c.heard_from_other IS NOT NULL OR (c.unmet_need IS NOT NULL AND c.unmet_need <> '') OR EXISTS (SELECT 1 FROM report_quotes q WHERE q.call_id = c.id))`;

function cutoffOf(ctx: PurgeContext): { cutoff: string; months: number } {
  const months = readNotesRetentionMonths(ctx.db, ctx.policy.notesRetentionMonths);
  return { cutoff: monthsBefore(ctx.now, months).toISOString(), months };
}

function report(count: number, oldest: string | null, months: number): PurgeStepReport {
  return { step: notesPurge.name, description: notesPurge.description, count, oldest, rule: `${months} months after the call (structured fields kept)` };
}

function planned(ctx: PurgeContext): { count: number; oldest: string | null; cutoff: string; months: number } {
  const { cutoff, months } = cutoffOf(ctx);
  const row = ctx.db.prepare(`SELECT count(*) AS n, min(c.started_at) AS oldest FROM calls c WHERE ${OLD} AND ${HAS_TEXT}`).get({ cutoff }) as { n: number; oldest: string | null };
  return { count: row.n, oldest: row.oldest, cutoff, months };
}

export const notesPurge: PurgeStep = {
  name: 'calls.notes',
  description: 'Free-text notes of old calls',
  plan(ctx) {
    const p = planned(ctx);
    return report(p.count, p.oldest, p.months);
  },
  apply(ctx) {
    const p = planned(ctx);
    if (p.count === 0) return report(0, null, p.months);
    const db = ctx.db;
    const ids = `SELECT c.id FROM calls c WHERE ${OLD}`;
    db.prepare(`DELETE FROM call_notes WHERE call_id IN (${ids})`).run({ cutoff: p.cutoff });
    db.prepare(`DELETE FROM report_quotes WHERE call_id IN (${ids})`).run({ cutoff: p.cutoff });
    db.prepare(
      `UPDATE calls SET pseudonym = NULL, know_that = NULL, language_other = NULL, heard_from_other = NULL, unmet_need = CASE WHEN unmet_need IS NULL THEN NULL ELSE '' END WHERE id IN (${ids})`,
    ).run({ cutoff: p.cutoff });
    // Merge the FTS segments so the deleted notes' tokens are gone from the index, not only marked.
    db.prepare(`INSERT INTO call_notes_fts(call_notes_fts) VALUES ('optimize')`).run();
    return report(p.count, p.oldest, p.months);
  },
};
