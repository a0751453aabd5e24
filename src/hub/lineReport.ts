import { periodInstants } from '../domain/brusselsTime.ts';
import { LINE_REPORT_TITLE } from '../domain/reportLabels.ts';
import { BUILTIN_THEMES, SENSITIVE_THEME_CODES } from '../domain/taxonomy.ts';
import { factsFromCalls, type ReportCall } from '../reports/factsFromCalls.ts';
import { checkPeriod } from '../reports/periodTime.ts';
import { comparisonFor } from '../reports/comparisonPeriods.ts';
import { bundleFromInput, type ReportBundle, taxonomyVersion } from '../reports/reportService.ts';
import type { CallFactsWire } from '../sync/wire.ts';
import type { HubContext } from './hubContext.ts';
import { hubId } from './hubMeta.ts';
import { helpByKindForCalls } from './followUpCounts.ts';

// "Bilan de la ligne": the period report of every centre, from the call facts the hub holds,
// through Relais's own report and disclosure-control code (buildReport, protectReport) — the
// same tables, thresholds and suppression as a workstation's bilan. The facts carry no notes,
// pseudonym, free text or number, so a line report has no excerpts.

/** One hub facts row as the report's call record. `unmet` is a flag on the wire: it stands for the described need. */
function asReportCall(f: CallFactsWire): ReportCall {
  return {
    startedAt: f.startedAt,
    status: 'closed',
    durationMs: f.durationMs,
    callerType: f.callerType,
    language: f.language,
    interpreter: f.interpreter,
    commune: f.commune,
    callerHistory: f.callerHistory,
    heardFrom: f.heardFrom,
    resolution: f.resolution,
    unmetNeed: f.unmet ? 'unmet' : null,
    themes: f.themes,
    interventions: f.interventions,
    referrals: f.referrals,
    callbacks: f.callbacks,
  };
}

export async function lineReportBundle(ctx: HubContext, opts: { from: string; to: string; flavour: 'internal' | 'public'; generator: string }): Promise<ReportBundle> {
  checkPeriod(opts.from, opts.to);
  // The period rules of issue 17 (previous calendar month / year, else the same length before).
  const prev = comparisonFor({ from: opts.from, to: opts.to }).previous;
  const start = periodInstants(prev.from, prev.to).startIso;
  const end = periodInstants(opts.from, opts.to).endIso;
  const rows = await ctx.db.query<{ centre: string; facts: unknown; started_at: unknown }>('SELECT centre, facts, started_at FROM hub_call_facts WHERE started_at >= $1 AND started_at < $2', [start, end]);
  const calls = rows.map((r) => ({ centre: r.centre, call: asReportCall((typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) as CallFactsWire) }));
  const current = factsFromCalls(calls.map((c) => c.call), opts.from, opts.to);
  const previous = factsFromCalls(calls.map((c) => c.call), prev.from, prev.to);
  // Did help arrive (issue 15): follow-ups of shared callbacks, for the calls of each period.
  current.helpByKind = await helpByKindForCalls(ctx, periodInstants(opts.from, opts.to).startIso, end);
  previous.helpByKind = await helpByKindForCalls(ctx, start, periodInstants(prev.from, prev.to).endIso);
  const { startIso } = periodInstants(opts.from, opts.to);
  const centres = [...new Set(calls.filter((c) => c.call.startedAt >= startIso).map((c) => c.centre))].sort();
  const themes = BUILTIN_THEMES.map((t) => ({ code: t.code, labels: { ...t.labels }, sensitive: SENSITIVE_THEME_CODES.has(t.code) }));
  const bundle = bundleFromInput(
    { current, previous, themes, centres, taxonomyVersion: taxonomyVersion(themes.map((t) => t.code)), generatedAt: ctx.clock.now().toISOString(), generator: opts.generator, quotes: [] },
    opts.flavour,
    [`hub:${await hubId(ctx.db)}`],
  );
  bundle.report.title = LINE_REPORT_TITLE;
  return bundle;
}
