import type { Command } from 'commander';
import { assertNotLastSupervisor, findProfile, setProfileRole } from '../../reports/supervisorRole.ts';
import { CLI_ACTOR, writeAudit } from '../../store/auditLog.ts';
import { setRight } from '../../access/profileRights.ts';
import { systemClock } from '../../platform/clock.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';

// relais-admin supervisor grant|revoke NAME [--centre C]: who may export public reports and
// approve excerpts, until the access issue brings profile management in the app. Needs the
// recovery passphrase (IT).

export const supervisorCommand: CliCommand = (program, ctx) => {
  const sup = program.command('supervisor').description('Give or take back the supervisor role of a profile (public reports, excerpt approval).');
  for (const [name, role, verb] of [
    ['grant', 'supervisor', 'is now a supervisor'],
    ['revoke', 'responder', 'is now a responder'],
  ] as const) {
    sup
      .command(name)
      .description(`${name === 'grant' ? 'Make' : 'Turn back'} a profile ${name === 'grant' ? 'a supervisor' : 'into a responder'}. Exit codes: 0 done, 1 failed.`)
      .argument('<name>', 'the profile\'s display name')
      .option('--centre <centre>', 'its centre, when several profiles share the name')
      .action(async (displayName: string, opts: { centre?: string }, cmd: Command) => {
        const g = cmd.optsWithGlobals();
        const session = await openStoreForCli(ctx.dataDir(g), ctx);
        try {
          const db = session.database();
          const p = findProfile(db, displayName, opts.centre);
          db.transaction(() => {
            if (role === 'responder') assertNotLastSupervisor(db, p.id, 'revoke');
            setProfileRole(db, p.id, role);
          })();
          writeAudit(db, systemClock.now(), CLI_ACTOR, 'profile.role', { targetProfileId: p.id, targetName: p.displayName, role });
          emit(ctx.io, g.json ?? false, { ok: true, profileId: p.id, displayName: p.displayName, centre: p.centre, role }, () => `${p.displayName} (${p.centre}) ${verb}.`);
          ctx.setExit(EXIT_OK);
        } finally {
          session.close();
        }
      });
  }
  // Issue 17: the directory maintainer right (edit, verify, deactivate services; edit the lexicon).
  sup
    .command('maintainer')
    .description('Give (or with --revoke take back) the directory maintainer right of a supervisor profile. Exit codes: 0 done, 1 failed.')
    .argument('<name>', 'the supervisor\'s display name')
    .option('--centre <centre>', 'its centre, when several profiles share the name')
    .option('--revoke', 'take the right back')
    .action(async (displayName: string, opts: { centre?: string; revoke?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      try {
        const db = session.database();
        const p = findProfile(db, displayName, opts.centre);
        const on = !opts.revoke;
        setRight(db, p.id, 'directory_maintainer', on);
        writeAudit(db, systemClock.now(), CLI_ACTOR, 'profile.right', { targetProfileId: p.id, targetName: p.displayName, right: 'directory_maintainer', granted: on });
        emit(ctx.io, g.json ?? false, { ok: true, profileId: p.id, displayName: p.displayName, centre: p.centre, maintainer: on }, () =>
          `${p.displayName} (${p.centre}) ${on ? 'is now a directory maintainer' : 'is no longer a directory maintainer'}.`,
        );
        ctx.setExit(EXIT_OK);
      } finally {
        session.close();
      }
    });
  for (const sub of sup.commands) sub.exitOverride();
};
