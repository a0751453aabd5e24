import { AppError, type ErrorIssue } from '../errors.ts';
import { addFacts, emptyFacts, mapThemes, type PeriodFacts } from './periodFacts.ts';
import type { ReportInput } from './periodReport.ts';
import type { ReportDocument } from './reportJson.ts';
import { bundleFromInput, type ReportBundle, taxonomyVersion } from './reportService.ts';
import type { ThemeInfo } from './reportSpecs.ts';

// The regional merge: each centre exports the internal JSON of the same period; the merge adds
// their facts and builds one report from the sum — disclosure control comes after the merge
// (suppressing each centre first and adding the survivors would hide too much and still leak
// through differences). Refused: public files (no exact counts), different periods, the same
// store or the same centre twice (overlapping duplicates), and different theme lists unless a
// mapping brings them onto the same codes.

export interface MergeInput {
  name: string;
  doc: ReportDocument;
}

export interface MergeOptions {
  /** Theme code → theme code, applied to every file before the taxonomies are compared. */
  themeMap?: Readonly<Record<string, string>>;
  now: Date;
  generator: string;
}

export interface MergeResult {
  input: ReportInput;
  storeIds: string[];
  files: number;
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

export function mergeReportInputs(files: readonly MergeInput[], opts: MergeOptions): MergeResult {
  if (files.length < 2) throw new AppError('InvalidInput', 'reports.mergeNeedsTwo');
  const map = opts.themeMap ?? {};
  const issues: ErrorIssue[] = [];
  for (const f of files) {
    if (f.doc.flavour !== 'internal' || !f.doc.facts) {
      issues.push({ path: f.name, message: 'a public report: merge the centres\' internal JSON files (disclosure control is applied after the merge)' });
    }
  }
  if (issues.length) throw new AppError('FileRejected', 'reports.mergeInternalOnly', undefined, issues);

  const first = files[0]!.doc;
  for (const f of files) {
    if (f.doc.period.from !== first.period.from || f.doc.period.to !== first.period.to) {
      issues.push({ path: f.name, message: `period ${f.doc.period.from} – ${f.doc.period.to}, not ${first.period.from} – ${first.period.to}` });
    }
  }
  if (issues.length) throw new AppError('InvalidInput', 'reports.mergePeriods', undefined, issues);

  // Overlapping duplicates: one store, or one centre, in two files for the same period.
  const seenStore = new Map<string, string>();
  const seenCentre = new Map<string, string>();
  for (const f of files) {
    for (const id of f.doc.source.storeIds) {
      const other = seenStore.get(id);
      if (other) issues.push({ path: f.name, message: `the same store as ${other} (exported twice?)` });
      else seenStore.set(id, f.name);
    }
    for (const c of f.doc.source.centres) {
      const other = seenCentre.get(norm(c));
      if (other) issues.push({ path: f.name, message: `centre "${c}" is already counted in ${other} for this period` });
      else seenCentre.set(norm(c), f.name);
    }
  }
  if (issues.length) throw new AppError('Conflict', 'reports.mergeDuplicates', undefined, issues);

  // Taxonomies: after the mapping, every file must offer the same theme codes.
  const codeSets = files.map((f) => new Set(f.doc.taxonomy.themes.map((t) => map[t.code] ?? t.code)));
  const union = new Set(codeSets.flatMap((s) => [...s]));
  files.forEach((f, i) => {
    const missing = [...union].filter((c) => !codeSets[i]!.has(c));
    if (missing.length) issues.push({ path: f.name, message: `taxonomy ${f.doc.taxonomy.version} lacks ${missing.join(', ')}` });
  });
  if (issues.length) {
    throw new AppError('InvalidInput', 'reports.mergeThemes', undefined, issues);
  }

  const themes: ThemeInfo[] = [];
  const byCode = new Map<string, ThemeInfo>();
  for (const f of files) {
    for (const t of f.doc.taxonomy.themes) {
      const code = map[t.code] ?? t.code;
      if (byCode.has(code)) continue;
      // A mapped theme takes the labels of its target where a file defines it.
      const target = files.flatMap((x) => x.doc.taxonomy.themes).find((x) => x.code === code) ?? t;
      const info = { code, labels: target.labels, sensitive: target.sensitive || t.sensitive };
      byCode.set(code, info);
      themes.push(info);
    }
  }

  const sum = (pick: (d: ReportDocument) => PeriodFacts): PeriodFacts => {
    const base = pick(first);
    const total = emptyFacts(base.from, base.to);
    for (const f of files) addFacts(total, mapThemes(pick(f.doc), map));
    return total;
  };
  const current = sum((d) => d.facts!.current);
  const previous = sum((d) => d.facts!.previous);
  // The year-earlier figure only when every centre's file carries it: a partial sum would
  // compare the whole line with a few centres a year before.
  const yearEarlier = files.every((f) => f.doc.facts!.yearEarlier) ? sum((d) => d.facts!.yearEarlier!) : null;
  const centres = [...new Set(files.flatMap((f) => f.doc.source.centres))];
  return {
    input: {
      current,
      previous,
      yearEarlier,
      themes,
      centres,
      taxonomyVersion: taxonomyVersion(themes.map((t) => t.code)),
      generatedAt: opts.now.toISOString(),
      generator: opts.generator,
      quotes: files.flatMap((f) => f.doc.quotes.map((q) => ({ theme: map[q.theme] ?? q.theme, text: q.text }))).sort((a, b) => a.theme.localeCompare(b.theme)),
    },
    storeIds: [...seenStore.keys()],
    files: files.length,
  };
}

export function mergeReports(files: readonly MergeInput[], flavour: 'internal' | 'public', opts: MergeOptions): ReportBundle {
  const m = mergeReportInputs(files, opts);
  return bundleFromInput(m.input, flavour, m.storeIds);
}

/** `old=new,old2=new2` → a mapping (the CLI's --map-themes). */
export function parseThemeMap(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z][a-z0-9_]{1,39})=([a-z][a-z0-9_]{1,39})$/.exec(part);
    if (!m) throw new AppError('InvalidInput', 'reports.mapThemesSyntax', { part });
    out[m[1]!] = m[2]!;
  }
  return out;
}
