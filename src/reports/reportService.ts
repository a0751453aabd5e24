import crypto from 'node:crypto';
import type { Report } from '../contract/reportSchemas.ts';
import { SENSITIVE_THEME_CODES } from '../domain/taxonomy.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import type { Db } from '../store/openDatabase.ts';
import { comparisonFor } from './comparisonPeriods.ts';
import { cachedPeriods } from './factsCache.ts';
import type { PeriodFacts } from './periodFacts.ts';
import { buildReport, type ReportInput } from './periodReport.ts';
import { checkPeriod } from './periodTime.ts';
import { quotesRepository } from './quotesRepository.ts';
import type { ThemeInfo } from './reportSpecs.ts';

// The period report of a store: its facts (this period and the previous one), its taxonomy,
// its centres and its approved excerpts, and the report built from them. Also what a JSON
// export carries so another centre's Relais can merge it (reportJson.ts).

export interface ReportBundle {
  report: Report;
  /** Unsuppressed facts: only ever in an internal bundle. */
  facts: { current: PeriodFacts; previous: PeriodFacts; yearEarlier?: PeriodFacts | null } | null;
  taxonomy: { version: string; themes: ThemeInfo[] };
  source: { storeIds: string[]; centres: string[] };
}

/** A short fingerprint of the theme codes: two centres with the same codes have the same version. */
export function taxonomyVersion(codes: Iterable<string>): string {
  const sorted = [...new Set(codes)].sort();
  return `tx-${crypto.createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 12)}`;
}

export function storeThemes(db: Db): ThemeInfo[] {
  return directoryRepository(db)
    .listThemes()
    .map((t) => ({ code: t.code, labels: { fr: t.labels.fr, nl: t.labels.nl, en: t.labels.en }, sensitive: SENSITIVE_THEME_CODES.has(t.code) }));
}

export function storeId(db: Db): string {
  return (db.prepare(`SELECT value FROM meta WHERE key = 'store_id'`).pluck().get() as string | undefined) ?? 'unknown';
}

export interface StoreReportOptions {
  from: string;
  to: string;
  flavour: 'internal' | 'public';
  now: Date;
  generator: string;
}

export function reportInputFromStore(db: Db, opts: Pick<StoreReportOptions, 'from' | 'to' | 'now' | 'generator'>): ReportInput & { storeId: string } {
  checkPeriod(opts.from, opts.to);
  const comparison = comparisonFor({ from: opts.from, to: opts.to });
  const themes = storeThemes(db);
  const periods = [{ from: opts.from, to: opts.to }, comparison.previous, ...(comparison.yearEarlier ? [comparison.yearEarlier] : [])];
  const { facts, centres } = cachedPeriods(db, periods);
  return {
    current: facts[0]!,
    previous: facts[1]!,
    yearEarlier: facts[2] ?? null,
    themes,
    centres: centres[0]!,
    taxonomyVersion: taxonomyVersion(themes.map((t) => t.code)),
    generatedAt: opts.now.toISOString(),
    generator: opts.generator,
    quotes: quotesRepository(db)
      .approved(opts.from, opts.to)
      .map((q) => ({ theme: q.theme, text: q.text })),
    storeId: storeId(db),
  };
}

export function bundleFromInput(input: ReportInput, flavour: 'internal' | 'public', storeIds: readonly string[]): ReportBundle {
  return {
    report: buildReport(input, flavour),
    facts: flavour === 'internal' ? { current: input.current, previous: input.previous, yearEarlier: input.yearEarlier ?? null } : null,
    taxonomy: { version: input.taxonomyVersion, themes: [...input.themes] },
    source: { storeIds: [...storeIds], centres: [...input.centres] },
  };
}

export function reportBundleFromStore(db: Db, opts: StoreReportOptions): ReportBundle {
  const input = reportInputFromStore(db, opts);
  return bundleFromInput(input, opts.flavour, [input.storeId]);
}
