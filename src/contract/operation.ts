import type { z } from 'zod';

export const ROLES = ['responder', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call an operation, checked by the router in main, never only hidden in the UI:
 * - `open`: before any store is open (status, first-run set-up, unlock);
 * - `unlocked`: the store must be open, any profile;
 * - a list of roles: the store must be open and the signed-in profile must hold one of them.
 */
export type Access = 'open' | 'unlocked' | readonly Role[];

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Still answered while the session is locked (status, unlock); everything else is refused with `Locked`. */
  whileLocked?: true;
  summary: string;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(spec: Operation<I, O>): Operation<I, O> {
  return spec;
}
