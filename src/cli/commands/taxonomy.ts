import fs from 'node:fs';
import type { Command } from 'commander';
import { BUILTIN_THEMES, SENSITIVE_THEME_CODES } from '../../domain/taxonomy.ts';
import { directoryRepository } from '../../directory/directoryRepository.ts';
import { storeFiles } from '../../store/storeFiles.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';

// `relais-admin taxonomy list [--json]`: the theme codes a directory file may use in its
// `themes` column (the import's "unknown theme code" error points here). Built-in themes
// always; with RELAIS_PASSPHRASE, the ones supervisors added in this store too.

interface ThemeRow {
  code: string;
  fr: string;
  nl: string;
  en: string;
  builtin: boolean;
  sensitive: boolean;
}

export const taxonomyCommand: CliCommand = (program, ctx) => {
  const taxonomy = program.command('taxonomy').description('The shared themes (taxonomy) of services and calls.');
  taxonomy
    .command('list')
    .description('List the theme codes a directory import may use (column "themes", separated by ; or |), with their French, Dutch and English labels. With RELAIS_PASSPHRASE, also the themes supervisors added in this store. Writes nothing.')
    .action(async (_opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      let rows: ThemeRow[] = BUILTIN_THEMES.map((t) => ({ code: t.code, ...t.labels, builtin: true, sensitive: SENSITIVE_THEME_CODES.has(t.code) }));
      let source: 'builtin' | 'store' = 'builtin';
      const dataDir = ctx.dataDir(g);
      const files = storeFiles(dataDir);
      if (ctx.env.RELAIS_PASSPHRASE && (fs.existsSync(files.keyring) || fs.existsSync(files.db))) {
        const session = await openStoreForCli(dataDir, { ...ctx, noMigrate: true });
        try {
          rows = directoryRepository(session.database())
            .listThemes()
            .map((t) => ({ code: t.code, ...t.labels, builtin: t.builtin, sensitive: SENSITIVE_THEME_CODES.has(t.code) }));
          source = 'store';
        } finally {
          session.close();
        }
      }
      emit(ctx.io, g.json ?? false, { ok: true, source, themes: rows }, () =>
        [
          ...rows.map((r) => `${r.code.padEnd(14)} ${r.fr} / ${r.nl} / ${r.en}${r.builtin ? '' : ' (added in this store)'}${r.sensitive ? ' [sensitive]' : ''}`),
          source === 'builtin' ? '(built-in themes; set RELAIS_PASSPHRASE to include the ones supervisors added in this store)' : `${rows.length} themes in this store.`,
        ].join('\n'),
      );
      ctx.setExit(EXIT_OK);
    });
  for (const sub of taxonomy.commands) sub.exitOverride();
};
