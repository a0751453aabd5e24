import type { ErrorPayload } from '../errors.ts';

/** What crosses the process boundary: never an exception, always one of these. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
