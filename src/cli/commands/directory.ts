import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { AppError } from '../../errors.ts';
import { exportDirectory, EXPORT_FORMATS, type ExportFormat } from '../../directory/export/exportDirectory.ts';
import type { CsvDelimiter } from '../../directory/export/toCsv.ts';
import { importDirectoryFile } from '../../directory/import/importFile.ts';
import { MAX_IMPORT_BYTES, tooLarge } from '../../directory/import/importLimits.ts';
import type { ImportDiff, ImportProgress } from '../../directory/import/types.ts';
import { writeFileAtomic } from '../../store/atomicWrite.ts';
import type { CliCommand, CommandContext } from '../command.ts';
import { EXIT_OK, EXIT_PARTIAL } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';
import { registerDirectorySearch } from './directorySearch.ts';
import { registerDirectoryPublish } from './feed.ts';

/** A `directory` subcommand defined in another file (e.g. the search engine's `search`). */
export type DirectorySubcommand = (dir: Command, ctx: CommandContext) => void;

// ▼▼ OTHER `directory` SUBCOMMANDS — add yours here (import it above), e.g. registerDirectorySearch ▼▼
const OTHER_SUBCOMMANDS: DirectorySubcommand[] = [registerDirectorySearch, registerDirectoryPublish];
// ▲▲ ▲▲

export const directoryCommand: CliCommand = (program, ctx) => {
  const dir = program
    .command('directory')
    .description('The service directory: import and export (CSV, XLSX, HSDS 3.0 JSON), search.');
  registerDirectoryImport(dir, ctx);
  registerDirectoryExport(dir, ctx);
  for (const register of OTHER_SUBCOMMANDS) register(dir, ctx);
  for (const sub of dir.commands) sub.exitOverride();
};

export function registerDirectoryImport(dir: Command, ctx: CommandContext): void {
  dir
    .command('import')
    .description(
      'Import services from a flat CSV (`;` or `,`, UTF-8 or Windows-1252), an XLSX (first sheet) or HSDS 3.0 JSON. ' +
        'Valid rows are applied in one transaction; rejected rows are listed with their row number and field.\n' +
        'Exit codes: 0 every row applied, 2 some rows rejected (the valid ones applied), 1 file rejected (nothing changed).',
    )
    .argument('<file>', 'file to import')
    .option('--dry-run', 'show the diff (added / changed / unchanged / rejected) without writing anything')
    .option('--max-mb <n>', `raise the file size limit (default ${MAX_IMPORT_BYTES / 1048576} MB, like the app); the row, column and cell limits stay`, (v) => maxMb(v))
    .action(async (file: string, opts: { dryRun?: boolean; maxMb?: number }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const maxBytes = opts.maxMb !== undefined ? opts.maxMb * 1048576 : MAX_IMPORT_BYTES;
      // The size is checked before the file is read (issue 12).
      const size = fileSize(file);
      if (size !== null && size > maxBytes) throw tooLarge(path.basename(file), size, maxBytes);
      const bytes = readInput(file);
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      try {
        const diff = await importDirectoryFile(session.database(), bytes, path.basename(file), {
          dryRun: opts.dryRun ?? false,
          now: new Date(),
          onProgress: progressPrinter(ctx),
          maxBytes,
        });
        emit(ctx.io, g.json ?? false, { ok: diff.counts.rejected === 0, dryRun: opts.dryRun ?? false, ...diff }, () => humanDiff(diff, opts.dryRun ?? false));
        ctx.setExit(diff.counts.rejected > 0 ? EXIT_PARTIAL : EXIT_OK);
      } finally {
        session.close();
      }
    });
}

export function registerDirectoryExport(dir: Command, ctx: CommandContext): void {
  dir
    .command('export')
    .description('Export every service. The default export keeps every field (for IT round-trips); --public leaves out professional_contact.')
    .addOption(new Option('--format <format>', 'file format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .addOption(new Option('--delimiter <char>', 'CSV separator: ";" (with BOM, for Excel) or ","').choices([';', ',']).default(';'))
    .option('--public', 'public flavour: never includes professional_contact')
    .requiredOption('--out <file>', 'file to write')
    .action(async (opts: { format: ExportFormat; delimiter: CsvDelimiter; public?: boolean; out: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      try {
        const file = await exportDirectory(session.database(), { format: opts.format, delimiter: opts.delimiter, public: opts.public ?? false }, new Date());
        const out = path.resolve(opts.out);
        try {
          writeFileAtomic(out, file.bytes, 0o600);
        } catch (e) {
          throw new AppError('ReadOnly', 'cli.cannotWrite', { file: out, detail: (e as Error).message });
        }
        const report = { ok: true, file: out, format: opts.format, delimiter: opts.format === 'csv' ? opts.delimiter : null, public: opts.public ?? false, services: file.count, bytes: file.bytes.length };
        emit(ctx.io, g.json ?? false, report, () => `Exported ${file.count} services to ${out} (${opts.format}${opts.format === 'csv' ? `, "${opts.delimiter}"` : ''}${report.public ? ', public: without professional contacts' : ''}).`);
        ctx.setExit(EXIT_OK);
      } finally {
        session.close();
      }
    });
}

function readInput(file: string): Buffer {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError('FileRejected', 'import.notAFile', { file });
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FileRejected', 'import.cannotRead', { file, code: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
}

/** Progress on stderr for people at a terminal; scripts (and stdout) stay clean. */
function progressPrinter(ctx: CommandContext): ((p: ImportProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const t = Date.now();
    if (p.phase === 'reading' || t - last < 500) return;
    last = t;
    ctx.io.err(`${p.phase === 'checking' ? 'Checking' : 'Writing'} rows: ${p.processed}/${p.total}`);
  };
}

function humanDiff(d: ImportDiff, dryRun: boolean): string {
  const lines = [
    `${d.fileName}: ${d.format.toUpperCase()}${d.encoding ? `, ${d.encoding}` : ''}${d.delimiter ? `, separator "${d.delimiter === '\t' ? 'tab' : d.delimiter}"` : ''}; ${d.rows} rows.`,
    `Added ${d.counts.added}, changed ${d.counts.changed}, unchanged ${d.counts.unchanged}, rejected ${d.counts.rejected}.`,
  ];
  if (d.columns.length > 0) lines.push(`Columns: ${d.columns.map((c) => `${c.header} → ${c.field ?? '(ignored)'}`).join(', ')}`);
  for (const c of d.changed.slice(0, 50)) lines.push(`  changed row ${c.row} [${c.id}]: ${c.fields.join(', ')}`);
  if (d.changed.length > 50) lines.push(`  … and ${d.changed.length - 50} more changed`);
  for (const r of d.rejected) {
    for (const p of r.problems) lines.push(`  rejected row ${r.row}${r.id ? ` [${r.id}]` : ''}: ${p.field}: ${p.message}`);
  }
  for (const w of d.warnings) lines.push(`  warning: ${w.message}`);
  if (d.demoRemoved) lines.push(dryRun ? `The demonstration directory (${d.demoRemoved} services with fictitious numbers) would be removed.` : `The demonstration directory (${d.demoRemoved} services with fictitious numbers) was removed.`);
  lines.push(dryRun ? 'Dry run: nothing was written.' : d.applied ? `Applied in one transaction: ${d.counts.added + d.counts.changed} services written.` : 'Nothing was written.');
  return lines.join('\n');
}

function maxMb(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1024) throw new AppError('InvalidInput', 'cli.maxMb', { value: JSON.stringify(v) });
  return n;
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
