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
import { helpFactsForCalls } from './followUpCounts.ts';
import { hubServices } from './hubServices.ts';
import type { PeriodFacts } from '../reports/periodFacts.ts';

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
    // Issue 16's facts; a PC not yet updated sends none: counted as unknown / none / not flagged.
    noRequest: f.noRequest ?? null,
    ...(f.socialAidContact ? { socialAidContact: f.socialAidContact } : {}),
    barriers: f.barriers ?? [],
    debrief: f.debrief ?? false,
  };
}

/** Names the barometer's services from the line's directory on the hub (call facts carry ids only). */
function nameServices(facts: PeriodFacts, directory: ReadonlyMap<string, { name: string }>): void {
  for (const id of Object.keys(facts.barometerServices)) {
    const name = directory.get(id)?.name;
    if (name) facts.serviceNames[id] = name;
  }
}

export async function lineReportBundle(ctx: HubContext, opts: { from: string; to: string; flavour: 'internal' | 'public'; generator: string }): Promise<ReportBundle> {
  checkPeriod(opts.from, opts.to);
  // The period rules of issue 17 (previous calendar month / year, else the same length before;
  // a calendar month also shows the same month a year earlier), as on a workstation.
  const comparison = comparisonFor({ from: opts.from, to: opts.to });
  const periods = [{ from: opts.from, to: opts.to }, comparison.previous, ...(comparison.yearEarlier ? [comparison.yearEarlier] : [])];
  const bounds = periods.map((p) => periodInstants(p.from, p.to));
  const start = bounds.reduce((a, b) => (b.startIso < a ? b.startIso : a), bounds[0]!.startIso);
  const end = bounds[0]!.endIso;
  const rows = await ctx.db.query<{ centre: string; facts: unknown; started_at: unknown }>('SELECT centre, facts, started_at FROM hub_call_facts WHERE started_at >= $1 AND started_at < $2', [start, end]);
  const calls = rows.map((r) => ({ centre: r.centre, call: asReportCall((typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) as CallFactsWire) }));
  const directory = await hubServices(ctx.db);
  const [current, previous, yearEarlier = null] = await Promise.all(
    periods.map(async (p, i) => {
      const facts = factsFromCalls(calls.map((c) => c.call), p.from, p.to);
      // Did help arrive (issue 15): follow-ups of shared callbacks, for the calls of the period.
      Object.assign(facts, await helpFactsForCalls(ctx, bounds[i]!.startIso, bounds[i]!.endIso));
      nameServices(facts, directory);
      return facts;
    }),
  );
  const centres = [...new Set(calls.filter((c) => c.call.startedAt >= bounds[0]!.startIso).map((c) => c.centre))].sort();
  const themes = BUILTIN_THEMES.map((t) => ({ code: t.code, labels: { ...t.labels }, sensitive: SENSITIVE_THEME_CODES.has(t.code) }));
  const bundle = bundleFromInput(
    { current: current!, previous: previous!, yearEarlier, themes, centres, taxonomyVersion: taxonomyVersion(themes.map((t) => t.code)), generatedAt: ctx.clock.now().toISOString(), generator: opts.generator, quotes: [] },
    opts.flavour,
    [`hub:${await hubId(ctx.db)}`],
  );
  bundle.report.title = LINE_REPORT_TITLE;
  return bundle;
}
