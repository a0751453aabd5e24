import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { type LineKey, openTextWithLineKey, sealWithLineKey } from './lineKey.ts';

// Records shared end to end (issue 15: handover notes, caller marks): a JSON value sealed under
// the line key, bound by its associated data to what it is about, and checked against its
// schema once opened — a sealed value that opens but does not have the expected shape is
// refused like a tampered one. Opening errors are lineKey.ts's (malformed, unknown key id,
// does not open).

/** The associated data naming a sealed value: `kind:id[:bound…]` (e.g. `handover:<uid>:<day>`). */
export function recordAad(kind: string, id: string, ...bound: string[]): string {
  return [kind, id, ...bound].join(':');
}

export function sealJson(lineKey: LineKey, value: unknown, aad: string): string {
  return sealWithLineKey(lineKey, JSON.stringify(value), aad);
}

export function openJson<T>(lineKey: LineKey, sealed: string, aad: string, schema: z.ZodType<T>): T {
  const text = openTextWithLineKey(lineKey, sealed, aad);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new AppError('InvalidInput', 'sync.sealedShape', {}, undefined, { cause: e });
  }
  const r = schema.safeParse(parsed);
  if (!r.success) throw new AppError('InvalidInput', 'sync.sealedShape');
  return r.data;
}
