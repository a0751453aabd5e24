import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../log/logger.ts';
import { rotatingFileSink } from '../log/rotatingFileSink.ts';
import { inspectDataFolder } from '../store/dataFolderAccess.ts';

// Every relais-admin command that changes something leaves one line in the data folder's
// relais.log — the command, its exit code and error code, never content, numbers or paths of
// exported files — so support can follow what IT did. Read-only commands (and --dry-run) write
// nothing: `doctor` and `feed check` promise so.

const READ_ONLY = new Set(['doctor', 'verify', 'callbacks list', 'directory search', 'feed check', 'taxonomy list', 'hub status']);

export function changesSomething(command: string, opts: Record<string, unknown>): boolean {
  return !READ_ONLY.has(command) && opts.dryRun !== true && opts.help !== true;
}

export function logFilePath(dataDir: string): string {
  return path.join(dataDir, 'logs', 'relais.log');
}

/** Appends `cli.command` to relais.log when the data folder exists and belongs to this account. */
export function logCliCommand(dataDir: string | null, command: string, exit: number, code: string | null): void {
  if (!dataDir || !fs.existsSync(dataDir) || inspectDataFolder(dataDir).problem) return;
  const log = createLogger(rotatingFileSink(path.dirname(logFilePath(dataDir))));
  const fields = { command, exit, code, source: 'relais-admin' };
  if (exit === 0) log.info('cli.command', fields);
  else log.warn('cli.command', fields);
}
