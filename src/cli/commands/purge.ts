import path from 'node:path';
import type { Command } from 'commander';
import { createLogger } from '../../log/logger.ts';
import { rotatingFileSink } from '../../log/rotatingFileSink.ts';
import { systemClock } from '../../platform/clock.ts';
import { purgeAll } from '../../app/purgeSteps.ts';
import type { PurgeReport } from '../../retention/purge.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';

// `relais-admin purge [--dry-run] [--json]`: runs the data-minimisation purge steps now (the
// app runs them hourly). Each step reports a count, the oldest item's closing time and its
// rule — never what it deleted. A real run is also written to the app's log.

function human(r: PurgeReport): string {
  const lines = [r.dryRun ? 'Dry run: nothing was deleted.' : `Purge done: ${r.total} item(s) deleted.`];
  for (const s of r.steps) {
    lines.push(`  ${s.step}: ${s.count} ${r.dryRun ? 'would be deleted' : 'deleted'} — ${s.description.toLowerCase()}, ${s.rule}${s.oldest ? `; oldest closed ${s.oldest}` : ''}`);
  }
  return lines.join('\n');
}

export const purgeCommand: CliCommand = (program, ctx) => {
  program
    .command('purge')
    .description('Delete personal data past its retention now (callback numbers N days after closing, free-text notes of calls older than N months; config.json purge.* sets the ceilings). The app does this hourly by itself.')
    .option('--dry-run', 'show what would be deleted, step by step, without deleting anything')
    .action(async (opts: { dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      const session = await openStoreForCli(dataDir, ctx);
      try {
        const log = opts.dryRun ? undefined : createLogger(rotatingFileSink(path.join(dataDir, 'logs')));
        const report = purgeAll(session.database(), systemClock.now(), { dryRun: opts.dryRun ?? false, policy: ctx.config().values.purge, actor: { profileId: null, actor: 'relais-admin', role: null }, ...(log ? { log } : {}) });
        emit(ctx.io, g.json ?? false, { ok: true, ...report }, () => human(report));
        ctx.setExit(EXIT_OK);
      } finally {
        session.close();
      }
    });
};
