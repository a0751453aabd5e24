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
import { verifyCommand } from './commands/verify.ts';
import { createCliContext } from './context.ts';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.ts';
import { type Io, processIo, reportFailure } from './output.ts';

// Subcommands, one file each. Later issues append theirs here.
const COMMANDS: CliCommand[] = [doctorCommand, initCommand, backupCommand, restoreCommand, verifyCommand, changePassphraseCommand, directoryCommand, callbacksCommand, purgeCommand, feedCommand, reportCommand, demoCommand, supervisorCommand];

export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode = EXIT_OK;
  const ctx: CommandContext = { ...createCliContext(io, env), setExit: (c) => (exitCode = c) };
  const program = new Command('relais-admin')
    .description('Relais administration: store, directory, callbacks and reports, for IT staff and supervisors.\nExit codes: 0 success, 1 failure (nothing changed), 2 partial success.')
    .version(APP_VERSION, '-V, --version')
    .option('--data-dir <dir>', 'data folder (default: RELAIS_DATA_DIR, else dataDir in config.json, else the app\'s per-user folder)')
    .option('--json', 'print JSON for scripts instead of text')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of COMMANDS) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride();
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return e.exitCode === 0 ? EXIT_OK : EXIT_FAILED;
    }
    return reportFailure(io, json, e);
  }
}
