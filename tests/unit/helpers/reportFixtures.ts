import { BUILTIN_THEMES, SENSITIVE_THEME_CODES } from '../../../src/domain/taxonomy.ts';
import { generateDemoCalls } from '../../../src/reports/demoCalls.ts';
import type { ReportCall } from '../../../src/reports/factsFromCalls.ts';
import { serviceKind } from '../../../src/reports/serviceKinds.ts';

// Shared by the report tests: the built-in taxonomy as report themes, and demo calls as the
// plain records the reference aggregation reads.

export const THEMES = BUILTIN_THEMES.map((t) => ({ code: t.code, labels: t.labels, sensitive: SENSITIVE_THEME_CODES.has(t.code) }));

export function demoReportCalls(calls: number, days: number, endDay: string, seed: number): ReportCall[] {
  return generateDemoCalls({ calls, days, endDay, seed }).map((d) => ({
    ...d,
    status: 'closed' as const,
    referrals: d.referrals.map((r) => ({ serviceId: r.serviceId, serviceName: r.serviceName, kind: serviceKind(r.serviceId, r.serviceName, r.firstTheme), contacted: r.contacted, outcome: r.outcome })),
    callbacks: d.callback ? [d.callback.status] : [],
  }));
}
