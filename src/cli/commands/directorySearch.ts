import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { buildStoreSearchIndex } from '../../directory/search/storeSearch.ts';
import type { SearchIndex } from '../../directory/search/searchIndex.ts';
import type { CommandContext } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';

// relais-admin directory search [QUERY] [--commune C] [--theme T] [--limit N] [--json]
// Without QUERY: one query per line on stdin, one answer per line (with --json:
// {"query": "...", "results": [{"id": "...", "name": "...", "score": 0.12}, ...]}).
// Scores: 0 = best, 1 = worst (lower is better, like fuse.js). The index is built in memory
// from the encrypted store for this process only; nothing is cached on disk.

interface SearchOpts {
  commune?: string;
  theme?: string;
  language?: string;
  limit?: string;
  openNow?: boolean;
  includeInactive?: boolean;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return 10;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new AppError('InvalidInput', 'cli.limitRange', { value: JSON.stringify(text) });
  return n;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerDirectorySearch(dir: Command, ctx: CommandContext): void {
  dir
    .command('search')
    .description('Search the directory like the app does. Without QUERY, reads one query per line on stdin and answers one line per query. Scores: 0 best, 1 worst.')
    .argument('[query]', 'what a responder would type')
    .option('--commune <commune>', 'only services serving this commune (FR or NL name, or postcode); whole-region services always match')
    .option('--theme <theme>', 'only services with this theme (code or label)')
    .option('--language <code>', 'only services speaking this language (ISO 639-1)')
    .option('--open-now', 'only services open now according to their structured hours')
    .option('--include-inactive', 'also show inactive services')
    .option('--limit <n>', 'results per query (1–100, default 10)')
    .action(async (query: string | undefined, opts: SearchOpts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const json = Boolean(g.json);
      const limit = parseLimit(opts.limit);
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      let index: SearchIndex;
      try {
        index = buildStoreSearchIndex(session.database());
      } finally {
        session.close();
      }
      const queries = query !== undefined ? [query] : (await readStdin()).split(/\r?\n/);
      if (query === undefined && queries[queries.length - 1] === '') queries.pop();
      const out: string[] = [];
      for (const q of queries) {
        const results = index.search(q, {
          commune: opts.commune,
          theme: opts.theme,
          language: opts.language,
          openAt: opts.openNow ? new Date() : undefined,
          includeInactive: opts.includeInactive,
          limit,
        });
        if (json) {
          out.push(JSON.stringify({ query: q, results: results.map((r) => ({ id: r.id, name: r.name, score: r.score })) }));
        } else {
          out.push(`» ${q}`);
          if (results.length === 0) out.push('  (no result)');
          results.forEach((r, i) => out.push(`  ${String(i + 1).padStart(2)}. ${r.name} [${r.id}] ${r.score.toFixed(3)}`));
        }
      }
      if (out.length) ctx.io.out(out.join('\n'));
      ctx.setExit(EXIT_OK);
    });
}
