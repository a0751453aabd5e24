import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { createAppCore } from '../../app/appCore.ts';
import { APP_VERSION } from '../../app/appVersion.ts';
import { REPORT_FORMATS, REPORT_LANGS, type ReportFormat } from '../../contract/reportsContract.ts';
import type { Lang } from '../../domain/taxonomy.ts';
import { AppError, appErrorFrom } from '../../errors.ts';
import { exportReport } from '../../reports/exportReport.ts';
import { readReportDocument } from '../../reports/reportJson.ts';
import { mergeReports, parseThemeMap } from '../../reports/reportMerge.ts';
import { reportBundleFromStore } from '../../reports/reportService.ts';
import { findProfile } from '../../reports/supervisorRole.ts';
import { writeFileAtomic } from '../../store/atomicWrite.ts';
import type { CliCommand, CommandContext } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';
import { readPassphrase } from '../passphrase.ts';

// relais-admin report --from --to --format csv|xlsx|pdf|json [--public --as NAME] --out FILE
// relais-admin report merge A.json B.json … --out bilan.xlsx|pdf|json|csv [--internal] [--map-themes …]
//
// An internal report needs the recovery passphrase (the same authority as a backup). A public
// report is a supervisor's: the CLI signs in as the named profile and asks the router for
// reports.exportPublic, so the role check is the very one main applies to the app.

const MAX_MERGE_FILE_BYTES = 64 * 1024 * 1024;

interface ReportOpts {
  from: string;
  to: string;
  format: ReportFormat;
  public?: boolean;
  as?: string;
  centre?: string;
  lang: Lang;
  delimiter: ';' | ',';
  out: string;
}

function formatOf(file: string, explicit?: string): ReportFormat {
  const ext = (explicit ?? path.extname(file).slice(1)).toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(ext)) throw new AppError('InvalidInput', 'cli.reportFormatUnknown', { file });
  return ext as ReportFormat;
}

function write(out: string, bytes: Buffer): string {
  const file = path.resolve(out);
  try {
    writeFileAtomic(file, bytes, 0o600);
  } catch (e) {
    throw new AppError('ReadOnly', 'cli.cannotWrite', { file, detail: (e as Error).message });
  }
  return file;
}

/** The public report through the router (the app's role check); its saver is the --out file. */
async function publicExport(ctx: CommandContext, dataDir: string, opts: ReportOpts): Promise<{ file: string; bytes: number }> {
  if (!opts.as) throw new AppError('Forbidden', 'cli.publicNeedsSupervisor');
  const core = createAppCore({ dataDir, shell: 'cli', saveFile: async (file) => write(opts.out, file.bytes) });
  try {
    await core.start();
    const unlocked = await core.router.dispatch('store.unlock', { passphrase: await readPassphrase(undefined, ctx.env) });
    if (!unlocked.ok) throw appErrorFrom(unlocked.error);
    const profile = findProfile(core.services.store.database(), opts.as, opts.centre);
    const signed = await core.router.dispatch('profiles.signIn', { profileId: profile.id });
    if (!signed.ok) throw appErrorFrom(signed.error);
    const r = await core.router.dispatch('reports.exportPublic', { from: opts.from, to: opts.to, format: opts.format, delimiter: opts.delimiter, lang: opts.lang });
    if (!r.ok) throw appErrorFrom(r.error);
    const value = r.value as { savedTo: string; bytes: number };
    return { file: value.savedTo, bytes: value.bytes };
  } finally {
    core.shutdown();
  }
}

interface CliReportOpts {
  from?: string;
  to?: string;
  format?: string;
  public?: boolean;
  as?: string;
  centre?: string;
  lang: Lang;
  delimiter: ';' | ',';
  out?: string;
  internal?: boolean;
  mapThemes?: string;
}

// One command for both uses (`report …` and `report merge …`): commander would hand a
// subcommand's --out to its parent, so "merge" is read as the first argument instead.
export const reportCommand: CliCommand = (program, ctx) => {
  program
    .command('report')
    .usage('--from YYYY-MM-DD --to YYYY-MM-DD [--format csv|xlsx|pdf|json] [--public --as NAME] --out FILE\n       relais-admin report merge A.json B.json … --out bilan.xlsx|pdf|json|csv [--internal] [--map-themes old=new,…]')
    .description(
      'The period report ("bilan des appels") with the previous period of equal length, as CSV, XLSX, PDF or JSON.\n' +
        'Internal by default (exact counts, marked "usage interne"); --public applies disclosure control and needs a supervisor profile (--as).\n' +
        '`report merge` adds up the centres\' internal JSON reports of the same period, then applies disclosure control (public unless --internal); ' +
        'it refuses public files, different periods, a store or centre present twice, and different theme lists unless mapped.\n' +
        'Exit codes: 0 written, 1 failed or refused (nothing written).',
    )
    .argument('[action]', '"merge" to merge report files')
    .argument('[files...]', 'merge: internal report JSON files')
    .option('--from <date>', 'first day, YYYY-MM-DD (Brussels)')
    .option('--to <date>', 'last day, YYYY-MM-DD (included)')
    .addOption(new Option('--format <format>', 'file format (default: from --out)').choices([...REPORT_FORMATS]))
    .option('--public', 'public report: disclosure control applied, approved excerpts only (supervisors)')
    .option('--as <name>', 'the supervisor profile producing a public report')
    .option('--centre <centre>', 'the profile\'s centre, when several profiles share the name')
    .option('--internal', 'merge: write the merged report without disclosure control (for a further merge), marked "usage interne"')
    .option('--map-themes <map>', 'merge: theme mapping "old=new,…" or a JSON file {"old": "new"}')
    .addOption(new Option('--lang <lang>', 'language of the file').choices([...REPORT_LANGS]).default('fr'))
    .addOption(new Option('--delimiter <char>', 'CSV: ";" (BOM, decimal comma, Belgian Excel) or ","').choices([';', ',']).default(';'))
    .option('--out <file>', 'file to write')
    .action(async (action: string | undefined, files: string[], raw: CliReportOpts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      if (!raw.out) throw new AppError('InvalidInput', 'cli.reportNeedsOut');
      if (action === 'merge') return merge(ctx, files, { ...raw, out: raw.out }, g.json ?? false);
      if (action !== undefined) throw new AppError('InvalidInput', 'cli.reportUnknownAction', { action });
      if (!raw.from || !raw.to) throw new AppError('InvalidInput', 'cli.reportNeedsPeriod');
      const opts: ReportOpts = { ...raw, from: raw.from, to: raw.to, out: raw.out, format: formatOf(raw.out, raw.format) };
      const dataDir = ctx.dataDir(g);
      let written: { file: string; bytes: number };
      let calls: number | null = null;
      if (opts.public) {
        written = await publicExport(ctx, dataDir, opts);
      } else {
        const session = await openStoreForCli(dataDir, ctx);
        try {
          const bundle = reportBundleFromStore(session.database(), { from: opts.from, to: opts.to, flavour: 'internal', now: new Date(), generator: `Relais ${APP_VERSION}` });
          calls = bundle.report.headline.calls.v;
          const { bytes } = await exportReport(bundle, { format: opts.format, delimiter: opts.delimiter, lang: opts.lang });
          written = { file: write(opts.out, bytes), bytes: bytes.length };
        } finally {
          session.close();
        }
      }
      const { file, bytes } = written;
      const result = { ok: true, file, format: opts.format, flavour: opts.public ? 'public' : 'internal', from: opts.from, to: opts.to, bytes, ...(calls === null ? {} : { calls }) };
      emit(ctx.io, g.json ?? false, result, () => `Wrote the ${result.flavour} report ${opts.from} – ${opts.to} to ${file} (${opts.format}, ${bytes} bytes).`);
      ctx.setExit(EXIT_OK);
    });
};

async function merge(ctx: CommandContext, files: string[], opts: CliReportOpts & { out: string }, json: boolean): Promise<void> {
  const format = formatOf(opts.out, opts.format);
  const inputs = files.map((f) => ({ name: path.basename(f), doc: readReportDocument(readFile(f), path.basename(f)) }));
  const themeMap = opts.mapThemes ? readThemeMap(opts.mapThemes) : {};
  const flavour = opts.internal ? 'internal' : 'public';
  const bundle = mergeReports(inputs, flavour, { themeMap, now: new Date(), generator: `Relais ${APP_VERSION}` });
  const out = await exportReport(bundle, { format, delimiter: opts.delimiter, lang: opts.lang });
  const file = write(opts.out, out.bytes);
  const result = { ok: true, file, format, flavour, files: inputs.length, centres: bundle.report.centres, from: bundle.report.period.from, to: bundle.report.period.to, bytes: out.bytes.length };
  emit(ctx.io, json, result, () => `Merged ${inputs.length} reports (${bundle.report.centres.join(', ')}) into ${file} (${flavour}, ${format}).`);
  ctx.setExit(EXIT_OK);
}

function readFile(f: string): Buffer {
  try {
    const st = fs.statSync(f);
    if (!st.isFile()) throw new AppError('FileRejected', 'cli.notAFile', { file: f });
    if (st.size > MAX_MERGE_FILE_BYTES) throw new AppError('FileRejected', 'cli.mergeFileTooLarge', { file: f, max: MAX_MERGE_FILE_BYTES / 1024 / 1024 });
    return fs.readFileSync(f);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FileRejected', 'cli.cannotRead', { file: f, code: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
}

function readThemeMap(spec: string): Record<string, string> {
  if (spec.toLowerCase().endsWith('.json')) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFile(spec).toString('utf8'));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('InvalidInput', 'reports.notJson', { file: spec });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('InvalidInput', 'cli.mapThemesObject', { file: spec });
    return parseThemeMap(Object.entries(raw as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join(','));
  }
  return parseThemeMap(spec);
}
