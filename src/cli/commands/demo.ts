import type { Command } from 'commander';
import { seedDemoDirectory } from '../../directory/demo/seedDemoDirectory.ts';
import { AppError } from '../../errors.ts';
import { seedDemoCalls } from '../../reports/demoSeed.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';

// relais-admin demo seed --calls N [--days D] [--seed S] [--centre NAME]: fictitious calls for
// demos, screenshots and benchmarks, written through the call console's and the callbacks'
// repositories. Never on a production store by accident: it says what it added, and the
// demo responders are named "(démo)".

const MAX_CALLS = 2_000_000;

function positiveInt(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new AppError('InvalidInput', 'cli.wholeNumberUpTo', { option: name, max });
  return n;
}

export const demoCommand: CliCommand = (program, ctx) => {
  const demo = program.command('demo').description('Demo data for demos, screenshots and benchmarks.');
  demo
    .command('seed')
    .description(
      'Fill the store with realistic fictitious calls (themes, communes, lengths, referrals, callbacks) spread over the last D days, ' +
        'by demo responders of several centres (one with --centre). Also seeds the demo directory when the store has none.\n' +
        'Exit codes: 0 written, 1 failed (nothing written).',
    )
    .requiredOption('--calls <n>', 'how many calls')
    .option('--days <d>', 'over how many days, ending today (default 90)')
    .option('--seed <s>', 'random seed (same seed, same calls)')
    .option('--centre <name>', 'every demo responder belongs to this centre (one centre\'s store)')
    .action(async (opts: { calls: string; days?: string; seed?: string; centre?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const calls = positiveInt('calls', opts.calls, 0, MAX_CALLS);
      const days = positiveInt('days', opts.days, 90, 3_650);
      const seed = positiveInt('seed', opts.seed, 20200330, 2 ** 31);
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      try {
        const db = session.database();
        const now = new Date();
        const services = seedDemoDirectory(db, now);
        let last = 0;
        const res = seedDemoCalls(db, {
          calls,
          days,
          now,
          seed,
          ...(opts.centre ? { centre: opts.centre } : {}),
          onProgress: (done, total) => {
            if (!process.stderr.isTTY || Date.now() - last < 500) return;
            last = Date.now();
            ctx.io.err(`Writing calls: ${done}/${total}`);
          },
        });
        emit(ctx.io, g.json ?? false, { ok: true, ...res, directoryServices: services }, () =>
          [`Added ${res.calls} demo calls (${res.from} – ${res.to}) with ${res.callbacks} callbacks, by ${res.profiles} demo profiles.`, services ? `Seeded the demo directory (${services} services).` : ''].filter(Boolean).join('\n'),
        );
        ctx.setExit(EXIT_OK);
      } finally {
        session.close();
      }
    });
  for (const sub of demo.commands) sub.exitOverride();
};
