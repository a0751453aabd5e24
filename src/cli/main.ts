import { Command, CommanderError, Option } from 'commander';
import { APP_VERSION } from '../app/appVersion.ts';
import type { CliCommand, CommandContext } from './command.ts';
import type { GlobalOptions } from './context.ts';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.ts';
import { type Io, processIo } from './io.ts';

// Only commander and the index are loaded up front. The context (machine config: zod, date-fns),
// the error types (i18next) and the support log are imported when a command actually runs, so
// the top-level `--help` pays for none of them (issue 13: ≤ 300 ms; see docs/benchmarks.md).

// Subcommands, one file each, loaded lazily: only the command being run is imported (each
// pulls in the store, reports, exceljs…), so `relais-admin --help` answers at once. The
// top-level help lists them from this index; tests/unit/cliLazy.test.ts checks it reads exactly
// as with every command loaded (descriptions, [options], arguments). Add a command here.
interface IndexedCommand {
  name: string;
  description: string;
  /** The command has options / positional arguments (they show in the top-level listing). */
  options?: true;
  args?: string[];
  load: () => Promise<CliCommand>;
}

export const COMMAND_INDEX: readonly IndexedCommand[] = [
  { name: "doctor", load: async () => (await import('./commands/doctor.ts')).doctorCommand,
    description: "Summarise versions, data folder and store health (for support calls). Reads the passphrase from RELAIS_PASSPHRASE to look inside the store." },
  { name: "init", load: async () => (await import('./commands/init.ts')).initCommand, options: true,
    description: "Create a new encrypted store in the data folder, guarded by a recovery passphrase (RELAIS_PASSPHRASE, or prompted twice on a terminal). Refuses if a store is already there." },
  { name: "backup", load: async () => (await import('./commands/backup.ts')).backupCommand, options: true,
    description: "Write an encrypted, verified backup (.relaisbak: database + key file, opens with the recovery passphrase). Without --out, into the backup folder (a configured backup.folder that does not exist is not created: exit 1)." },
  { name: "restore", load: async () => (await import('./commands/restore.ts')).restoreCommand, options: true,
    description: "Restore a .relaisbak backup into the data folder, with the recovery passphrase that was current when it was made. Verified before anything is replaced; refuses an existing store without --force (which moves it aside, never deletes it). Says when the backup's passphrase differs from the current store's. Quit Relais first." },
  { name: "verify", load: async () => (await import('./commands/verify.ts')).verifyCommand, options: true,
    description: "Full integrity check of the store (or, with --backup, of a backup file). Exit 1 if damaged." },
  { name: "change-passphrase", load: async () => (await import('./commands/changePassphrase.ts')).changePassphraseCommand,
    description: "Replace the recovery passphrase (current one from RELAIS_PASSPHRASE, new one from RELAIS_NEW_PASSPHRASE, or prompted). The data key and the database are unchanged; backups made earlier still open with the old passphrase." },
  { name: "directory", load: async () => (await import('./commands/directory.ts')).directoryCommand,
    description: "The service directory: import and export (CSV, XLSX, HSDS 3.0 JSON), search." },
  { name: "callbacks", load: async () => (await import('./commands/callbacks.ts')).callbacksCommand,
    description: "Callbacks: the open ones, who holds them and when they are due (Brussels time)." },
  { name: "purge", load: async () => (await import('./commands/purge.ts')).purgeCommand, options: true,
    description: "Delete personal data past its retention now (callback numbers N days after closing, free-text notes of calls older than N months; config.json purge.* sets the ceilings). The app does this hourly by itself." },
  { name: "feed", load: async () => (await import('./commands/feed.ts')).feedCommand,
    description: "The published directory feed: check and apply the bundle the coordination publishes (location and public key from config.json), make a signing key pair." },
  { name: "report", load: async () => (await import('./commands/report.ts')).reportCommand, options: true, args: ['[action]', '[files...]'],
    description: "The period report (\"bilan des appels\") with the previous period of equal length, as CSV, XLSX, PDF or JSON.\nInternal by default (exact counts, marked \"usage interne\"); --public applies disclosure control and needs a supervisor profile (--as).\n`report merge` adds up the centres' internal JSON reports of the same period, then applies disclosure control (public unless --internal); it refuses public files, different periods, a store or centre present twice, and different theme lists unless mapped.\nExit codes: 0 written, 1 failed or refused (nothing written)." },
  { name: "demo", load: async () => (await import('./commands/demo.ts')).demoCommand,
    description: "Demo data for demos, screenshots and benchmarks." },
  { name: "supervisor", load: async () => (await import('./commands/supervisor.ts')).supervisorCommand,
    description: "Give or take back the supervisor role of a profile (public reports, excerpt approval)." },
  { name: "taxonomy", load: async () => (await import('./commands/taxonomy.ts')).taxonomyCommand,
    description: "The shared themes (taxonomy) of services and calls." },
  { name: "hub", load: async () => (await import('./commands/hub.ts')).hubCommand,
    description: "The line's hub: join, invite another centre's workstation, synchronise, status, leave." },
];

/** The subcommand argv names (after the global options; `help <name>` included), or null. */
function commandNamed(argv: string[]): IndexedCommand | null {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--data-dir') i++;
    else if (!a.startsWith('-')) words.push(a);
    if (words.length === 2) break;
  }
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMAND_INDEX.find((c) => c.name === name) ?? null;
}

/** Registers the command being run for real and the others as their help entry only. */
async function registerCommands(program: Command, ctx: CommandContext | null, wanted: IndexedCommand | null, loadAll: boolean): Promise<void> {
  const loaded = new Map<string, CliCommand>();
  for (const c of COMMAND_INDEX) if (loadAll || c === wanted) loaded.set(c.name, await c.load());
  for (const c of COMMAND_INDEX) {
    const register = loaded.get(c.name);
    if (register && ctx) {
      register(program, ctx);
      continue;
    }
    const entry = program.command(c.name).description(c.description);
    for (const a of c.args ?? []) entry.argument(a);
    if (c.options) entry.addOption(new Option('--options').hideHelp());
  }
}

export async function runCli(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env, opts: { loadAll?: boolean } = {}): Promise<number> {
  let exitCode = EXIT_OK;
  const wanted = commandNamed(argv);
  const loadAll = opts.loadAll ?? process.env.RELAIS_CLI_EAGER === '1';
  const ctx: CommandContext | null = wanted || loadAll
    ? { ...(await import('./context.ts')).createCliContext(io, env), setExit: (c) => (exitCode = c) }
    : null;
  const program = new Command('relais-admin')
    .description('Relais administration: store, directory, callbacks and reports, for IT staff and supervisors.\nExit codes: 0 success, 1 failure (nothing changed), 2 partial success.')
    .version(APP_VERSION, '-V, --version')
    .option('--data-dir <dir>', 'data folder (default: RELAIS_DATA_DIR, else dataDir in config.json, else the app\'s per-user folder)')
    .option('--json', 'print JSON for scripts instead of text')
    .option('--allow-upgrade', 'let this relais-admin upgrade the store\'s schema past what the installed Relais last wrote (it could then no longer open it)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  await registerCommands(program, ctx, wanted, loadAll);
  for (const sub of program.commands) sub.exitOverride();
  // Which command runs, for the support log line written once it ends.
  let ran: { name: string; opts: Record<string, unknown> } | null = null;
  program.hook('preAction', (_program, action) => {
    const opts = action.optsWithGlobals() as Record<string, unknown> & GlobalOptions;
    if (ctx) ctx.allowUpgrade = opts.allowUpgrade === true;
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
    const [{ reportFailure }, { isAppError }] = await Promise.all([import('./output.ts'), import('../errors.ts')]);
    exitCode = reportFailure(io, json, e);
    code = isAppError(e) ? e.code : 'Internal';
  }
  const done = ran as { name: string; opts: Record<string, unknown> & GlobalOptions } | null;
  const cliLog = done && ctx ? await import('./cliLog.ts') : null;
  if (done && ctx && cliLog?.changesSomething(done.name, done.opts)) {
    let dataDir: string | null = null;
    try {
      dataDir = ctx.dataDir(done.opts);
    } catch {
      // config.json unreadable and no --data-dir: there is no data folder to log into.
    }
    cliLog.logCliCommand(dataDir, done.name, exitCode, code);
  }
  return exitCode;
}
