import type { z } from 'zod';

export const ROLES = ['responder', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call an operation, checked by the router in main, never only hidden in the UI:
 * - `open`: what must answer before anyone signs in (store status, set-up, unlock and recovery,
 *   config, app info, access status and the first supervisor, the profile picker's list, creation
 *   and sign-in); the handler itself needs the store where it reads it;
 * - a list of roles: the store must be open and the signed-in profile must hold one of them.
 * There is no "any caller once the store is open" (issue 8): every other operation names its roles.
 */
export type Access = 'open' | readonly Role[];

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
