import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../app/appVersion.ts';
import type { CliCommand, CommandContext } from './command.ts';
import { backupCommand } from './commands/backup.ts';
import { callbacksCommand } from './commands/callbacks.ts';
import { changePassphraseCommand } from './commands/changePassphrase.ts';
import { directoryCommand } from './commands/directory.ts';
import { demoCommand } from './commands/demo.ts';
import { doctorCommand } from './commands/doctor.ts';
import { feedCommand } from './commands/feed.ts';
import { initCommand } from './commands/init.ts';
import { purgeCommand } from './commands/purge.ts';
import { reportCommand } from './commands/report.ts';
import { restoreCommand } from './commands/restore.ts';
import { supervisorCommand } from './commands/supervisor.ts';
import { taxonomyCommand } from './commands/taxonomy.ts';
import { verifyCommand } from './commands/verify.ts';
import { createCliContext, type GlobalOptions } from './context.ts';
import { changesSomething, logCliCommand } from './cliLog.ts';
import { isAppError } from '../errors.ts';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.ts';
import { type Io, processIo, reportFailure } from './output.ts';

// Subcommands, one file each. Later issues append theirs here.
const COMMANDS: CliCommand[] = [doctorCommand, initCommand, backupCommand, restoreCommand, verifyCommand, changePassphraseCommand, directoryCommand, callbacksCommand, purgeCommand, feedCommand, reportCommand, demoCommand, supervisorCommand, taxonomyCommand];

export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode = EXIT_OK;
  const ctx: CommandContext = { ...createCliContext(io, env), setExit: (c) => (exitCode = c) };
  const program = new Command('relais-admin')
    .description('Relais administration: store, directory, callbacks and reports, for IT staff and supervisors.\nExit codes: 0 success, 1 failure (nothing changed), 2 partial success.')
    .version(APP_VERSION, '-V, --version')
    .option('--data-dir <dir>', 'data folder (default: RELAIS_DATA_DIR, else dataDir in config.json, else the app\'s per-user folder)')
    .option('--json', 'print JSON for scripts instead of text')
    .option('--allow-upgrade', 'let this relais-admin upgrade the store\'s schema past what the installed Relais last wrote (it could then no longer open it)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of COMMANDS) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride();
  // Which command runs, for the support log line written once it ends.
  let ran: { name: string; opts: Record<string, unknown> } | null = null;
  program.hook('preAction', (_program, action) => {
    const opts = action.optsWithGlobals() as Record<string, unknown> & GlobalOptions;
    ctx.allowUpgrade = opts.allowUpgrade === true;
    const names: string[] = [];
    for (let c: Command | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
    ran = { name: names.join(' '), opts };
  });
  const json = argv.includes('--json');
  let code: string | null = null;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return e.exitCode === 0 ? EXIT_OK : EXIT_FAILED;
    }
    exitCode = reportFailure(io, json, e);
    code = isAppError(e) ? e.code : 'Internal';
  }
  const done = ran as { name: string; opts: Record<string, unknown> & GlobalOptions } | null;
  if (done && changesSomething(done.name, done.opts)) {
    let dataDir: string | null = null;
    try {
      dataDir = ctx.dataDir(done.opts);
    } catch {
      // config.json unreadable and no --data-dir: there is no data folder to log into.
    }
    logCliCommand(dataDir, done.name, exitCode, code);
  }
  return exitCode;
}
