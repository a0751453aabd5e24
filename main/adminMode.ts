import { runCli } from '../src/cli/main.ts';

// `Relais --admin <command> …`: relais-admin inside the installed app — the same commands,
// options, output and exit codes as `npx relais-admin`, run by the app's own code and SQLite
// module, so it always matches the installed version. No window opens. The RunAsNode fuse stays
// off (docs/security.md): this runs only the fixed relais-admin commands, never arbitrary code.

/**
 * The arguments after `--admin`, or null when the app should start normally.
 * @public main/entry.ts loads this module with require() before anything else, which knip does not follow into members.
 */
export function adminArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--admin');
  return at === -1 ? null : argv.slice(at + 1);
}

/** @public loaded with require() by main/entry.ts */
export async function runAdmin(args: string[]): Promise<never> {
  const code = await runCli(args);
  // Let redirected stdout/stderr drain before the process ends.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  process.exit(code);
}
