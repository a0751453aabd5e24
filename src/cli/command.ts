import type { Command } from 'commander';
import type { CliContext } from './context.ts';

export interface CommandContext extends CliContext {
  setExit(code: number): void;
}

/** Each command file registers its subcommand(s) on the program; main.ts lists them once. */
export type CliCommand = (program: Command, ctx: CommandContext) => void;
