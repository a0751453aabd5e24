import { AppError, isAppError } from '../errors.ts';
import { EXIT_FAILED } from './exitCodes.ts';
import type { Io } from './io.ts';

/** Prints either JSON (for scripts) or human text, never both. */
export function emit(io: Io, json: boolean, value: unknown, human: () => string): void {
  io.out(json ? JSON.stringify(value, null, 2) : human());
}

/** One error path for every command: a typed message, JSON if asked, exit code 1. */
export function reportFailure(io: Io, json: boolean, e: unknown): number {
  const err = isAppError(e) ? e : new AppError('Internal', e instanceof Error ? e.message : String(e));
  if (json) io.out(JSON.stringify({ ok: false, error: err.toPayload() }, null, 2));
  io.err(`relais-admin: ${err.code}: ${err.message}`);
  return EXIT_FAILED;
}
