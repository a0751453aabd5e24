import type { Command } from 'commander';
import { callLink } from '../../callbacks/callLink.ts';
import { buildQueue } from '../../callbacks/callbackQueue.ts';
import { dayOf, MINUTE, timeOf } from '../../domain/brusselsTime.ts';
import { readCallbackSettings } from '../../callbacks/callbackSettings.ts';
import { maskPhone } from '../../domain/phoneNumber.ts';
import type { CallbackView } from '../../contract/callbacksContract.ts';
import { systemClock } from '../../platform/clock.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';

// `relais-admin callbacks list [--due] [--json]`: the open callbacks as the responders' queue
// sorts them, for IT and supervisors checking that nothing is left behind. Numbers are masked
// (`+324••••••56`): nobody dials from here, and listings end up in tickets and e-mails.

export interface CallbackListEntry {
  id: string;
  /** Null for a callback scheduled at another centre (shared through the hub). */
  callId: string | null;
  state: 'dueNow' | 'overdue' | 'upcoming';
  dueAt: string;
  /** Brussels wall-clock time of the due time, `YYYY-MM-DD HH:MM`. */
  dueLocal: string;
  windowEnd: string | null;
  lateMinutes: number;
  language: string;
  holder: string | null;
  failedAttempts: number;
  maxFailedAttempts: number;
  number: string | null;
  reason: string;
}

function entry(c: CallbackView, state: CallbackListEntry['state']): CallbackListEntry {
  const due = new Date(c.dueAt);
  return {
    id: c.id,
    callId: c.callId,
    state,
    dueAt: c.dueAt,
    dueLocal: `${dayOf(due)} ${timeOf(due)}`,
    windowEnd: c.windowEnd,
    lateMinutes: Math.floor(c.latenessMs / MINUTE),
    language: c.language,
    holder: c.holder?.name ?? null,
    failedAttempts: c.failedAttempts,
    maxFailedAttempts: c.maxFailedAttempts,
    number: c.phone ? maskPhone(c.phone) : null,
    reason: c.reason,
  };
}

function late(minutes: number): string {
  if (minutes <= 0) return '';
  const h = Math.floor(minutes / 60);
  return h ? `${h} h ${String(minutes % 60).padStart(2, '0')}` : `${minutes} min`;
}

function table(rows: CallbackListEntry[]): string[] {
  const head = ['Due (Brussels)', 'State', 'Late', 'Lang', 'Held by', 'Tries', 'Number', 'Id'];
  const body = rows.map((r) => [r.dueLocal, r.state === 'dueNow' ? 'due now' : r.state, late(r.lateMinutes), r.language, r.holder ?? 'team', `${r.failedAttempts}/${r.maxFailedAttempts}`, r.number ?? '—', r.id.slice(0, 8)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [line(head), ...body.map(line)];
}

export const callbacksCommand: CliCommand = (program, ctx) => {
  const cb = program.command('callbacks').description('Callbacks: the open ones, who holds them and when they are due (Brussels time).');
  cb.command('list')
    .description('List open callbacks: overdue first (most late first), then due now, then upcoming. Numbers are masked.')
    .option('--due', 'only the callbacks due now or overdue')
    .action(async (opts: { due?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      try {
        const db = session.database();
        const now = systemClock.now();
        const settings = readCallbackSettings(db, ctx.config().values.purge.callbackNumberRetentionDays);
        const q = buildQueue(db, callLink(db), { holder: 'all', doneLimit: 0 }, now, null, settings.maxFailedAttempts);
        const rows = [
          ...q.overdue.map((c) => entry(c, 'overdue')),
          ...q.dueNow.map((c) => entry(c, 'dueNow')),
          ...(opts.due ? [] : q.upcoming.map((c) => entry(c, 'upcoming'))),
        ];
        const counts = { overdue: q.counts.overdue, dueNow: q.counts.dueNow, upcoming: q.counts.upcoming };
        emit(ctx.io, g.json ?? false, { ok: true, now: q.now, due: opts.due ?? false, counts, callbacks: rows }, () =>
          [
            `Open callbacks at ${dayOf(now)} ${timeOf(now)} (Brussels): ${counts.overdue} overdue, ${counts.dueNow} due now, ${counts.upcoming} upcoming.`,
            ...(rows.length ? table(rows) : [opts.due ? 'Nothing is due.' : 'No open callback.']),
          ].join('\n'),
        );
        ctx.setExit(EXIT_OK);
      } finally {
        session.close();
      }
    });
  for (const sub of cb.commands) sub.exitOverride();
};
