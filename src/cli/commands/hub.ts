import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { profilesRepository } from '../../profiles/profilesRepository.ts';
import { findProfile } from '../../reports/supervisorRole.ts';
import { type AuditActor, writeAudit } from '../../store/auditLog.ts';
import type { Db } from '../../store/openDatabase.ts';
import { systemClock } from '../../platform/clock.ts';
import { inviteWorkstation, type Joined, joinHub, type Left, leaveHub, type LocalWrite } from '../../sync/hubEnrolment.ts';
import { queueResync } from '../../sync/hubResync.ts';
import { readHubStatus } from '../../sync/hubStatus.ts';
import { syncRound } from '../../sync/syncRound.ts';
import type { CliCommand, CommandContext } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';

// relais-admin hub join|invite|sync|status|leave|resync: the Administration screen's hub section
// for IT and scripts, on the same functions (src/sync). Opening the store takes the recovery
// passphrase; joining and inviting are a supervisor's acts, so they name the supervisor
// (--as) and the audit log records it. Exit codes: 0 done, 1 failed (nothing changed).

interface G {
  json?: boolean;
  dataDir?: string;
}

/** The supervisor named by --as (or the only supervisor of this store when --as is absent and there is one). */
function supervisorOf(db: Db, name: string | undefined, centre: string | undefined): { id: string; displayName: string; centre: string } {
  if (!name) {
    const all = profilesRepository(db).list().filter((p) => p.role === 'supervisor');
    if (all.length === 1) return all[0]!;
    throw new AppError('InvalidInput', 'hubAdmin.whichSupervisor');
  }
  const p = findProfile(db, name, centre);
  if (p.role !== 'supervisor') throw new AppError('Forbidden', 'hubAdmin.notSupervisor', { name: p.displayName });
  return p;
}

const asActor = (p: { id: string; displayName: string }): AuditActor => ({ profileId: p.id, actor: `${p.displayName} (relais-admin)`, role: 'supervisor' });

async function withStore<T>(ctx: CommandContext, cmd: Command, fn: (db: Db, g: G) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<G>();
  const session = await openStoreForCli(ctx.dataDir(g), ctx);
  try {
    return await fn(session.database(), g);
  } finally {
    session.close();
  }
}

function statusText(s: ReturnType<typeof readHubStatus>): string {
  if (!s.joined) return 'Not joined to a hub (relais-admin hub join --url URL --code CODE).';
  return [
    `Hub: ${s.url}`,
    `This workstation: ${s.centre} — ${s.deviceName} (${s.role})`,
    `Last synchronised: ${s.lastSyncAt ?? 'never'}${s.offlineSince ? `; offline since ${s.offlineSince}` : ''}`,
    `Changes waiting: ${s.pending}${s.lastError ? `\nLast error: ${s.lastError}` : ''}`,
    `Line key id: ${s.lineKeyId}`,
  ].join('\n');
}

export const hubCommand: CliCommand = (program, ctx) => {
  const hub = program.command('hub').description('The line\'s hub: join, invite another centre\'s workstation, synchronise, status, leave.');

  hub
    .command('join')
    .description('Join the line\'s hub with a founding code (the coordination) or an invitation code.')
    .requiredOption('--url <url>', 'the hub\'s address, e.g. https://hub.example.be')
    .requiredOption('--code <code>', 'the founding or invitation code')
    .option('--as <name>', 'the supervisor profile joining (needed when this store has several supervisors)')
    .option('--centre <centre>', 'the supervisor\'s centre, when several profiles share the name')
    .option('--device-name <name>', 'this PC\'s name on the hub\'s devices list (default: the host name)')
    .action(async (o: { url: string; code: string; as?: string; centre?: string; deviceName?: string }, cmd: Command) =>
      withStore(ctx, cmd, async (db, g) => {
        const me = supervisorOf(db, o.as, o.centre);
        const now = systemClock.now();
        // The local write and its audit entry in one transaction, as in the app (issue 13).
        const write: LocalWrite<Joined> = (work) =>
          db.transaction(() => {
            const joined = work();
            writeAudit(db, now, asActor(me), 'hub.join', { role: joined.role, source: new URL(o.url).host });
            return joined;
          })();
        const res = await joinHub(db, now, { url: o.url, code: o.code, centre: me.centre, deviceName: o.deviceName, profileId: me.id }, { write });
        emit(ctx.io, g.json ?? false, { ok: true, ...res }, () => `Joined the hub as ${res.centre} (${res.role === 'founder' ? 'founder: the line key was made here' : 'member'}). Device ${res.deviceId}.`);
        ctx.setExit(EXIT_OK);
      }),
    );

  hub
    .command('invite')
    .description('Make a one-time invitation code (72 hours) for another centre\'s workstation.')
    .requiredOption('--centre <name>', 'the invited centre')
    .requiredOption('--as <name>', 'the supervisor making the invitation')
    .option('--as-centre <centre>', 'that supervisor\'s centre, when several profiles share the name')
    .action(async (o: { centre: string; as: string; asCentre?: string }, cmd: Command) =>
      withStore(ctx, cmd, async (db, g) => {
        const me = supervisorOf(db, o.as, o.asCentre);
        const res = await inviteWorkstation(db, o.centre);
        writeAudit(db, systemClock.now(), asActor(me), 'hub.invite', { kind: 'invitation' });
        emit(ctx.io, g.json ?? false, { ok: true, ...res }, () => `Invitation for ${res.centre} (one use, expires ${res.expiresAt}):\n\n  ${res.code}\n\nOn that workstation: Administration → Hub → Join, or\n  relais-admin hub join --url URL --code ${res.code}`);
        ctx.setExit(EXIT_OK);
      }),
    );

  hub
    .command('sync')
    .description('One sync round now: push what waits, pull what changed on the hub.')
    .action(async (_o, cmd: Command) =>
      withStore(ctx, cmd, async (db, g) => {
        const { pushed, pulled, pending } = await syncRound(db, () => systemClock.now());
        const r = { pushed, pulled, pending };
        emit(ctx.io, g.json ?? false, r, () => `Pushed ${r.pushed}, pulled ${r.pulled}, ${r.pending} waiting.`);
        ctx.setExit(EXIT_OK);
      }),
    );

  hub
    .command('status')
    .description('Whether this workstation is joined, when it last synchronised, what waits.')
    .action(async (_o, cmd: Command) =>
      withStore(ctx, cmd, async (db, g) => {
        const s = readHubStatus(db);
        emit(ctx.io, g.json ?? false, s, () => statusText(s));
        ctx.setExit(EXIT_OK);
      }),
    );

  hub
    .command('leave')
    .description('Leave the hub: this device revokes itself on the hub when it answers; the token, line key and waiting changes are erased here. Local data stays.')
    .action(async (_o, cmd: Command) =>
      withStore(ctx, cmd, async (db, g) => {
        const write: LocalWrite<Left> = (work) =>
          db.transaction(() => {
            const left = work();
            writeAudit(db, systemClock.now(), { profileId: null, actor: 'relais-admin', role: null }, 'hub.leave', { count: left.droppedChanges });
            return left;
          })();
        const res = await leaveHub(db, { write });
        emit(ctx.io, g.json ?? false, { ok: true, ...res }, () => `Left the hub${res.revokedOnHub ? '' : ' (the hub did not answer: ask its operator to revoke this device)'}; ${res.droppedChanges} waiting change(s) dropped.`);
        ctx.setExit(EXIT_OK);
      }),
    );

  hub
    .command('resync')
    .description('Push all of this PC\'s notes, call facts, handover notes, caller marks and its part of shared callbacks again and pull everything again (idempotent: nothing is doubled).')
    .action(async (_o, cmd: Command) =>
      withStore(ctx, cmd, async (db, g) => {
        const queued = queueResync(db);
        const { pushed, pulled, pending } = await syncRound(db, () => systemClock.now());
        const r = { pushed, pulled, pending };
        emit(ctx.io, g.json ?? false, { queued, ...r }, () => `Queued ${queued.notes} note(s), ${queued.calls} call(s), ${queued.handovers} handover note(s), ${queued.callerMarks} caller mark(s) and ${queued.callbackOps} callback operation(s) again; pushed ${r.pushed}, pulled ${r.pulled}, ${r.pending} waiting.`);
        ctx.setExit(EXIT_OK);
      }),
    );

  for (const sub of hub.commands) sub.exitOverride();
};
