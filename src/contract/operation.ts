import type { z } from 'zod';

export const ROLES = ['responder', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * When a guarded operation answers without sign-in (issue 12), decided by the router from the
 * store's state, never by the renderer:
 * - `noSupervisor`: the store is open and holds no supervisor yet (the first-run flow);
 * - `storeNotOpen`: the store is locked, absent or damaged (the recovery screen).
 */
export const OPEN_CONDITIONS = ['noSupervisor', 'storeNotOpen'] as const;
export type OpenCondition = (typeof OPEN_CONDITIONS)[number];

export interface ConditionalAccess {
  openWhile: OpenCondition;
  /** Who may call it the rest of the time (an empty list: nobody). */
  otherwise: readonly Role[];
}

/**
 * Who may call an operation, checked by the router in main, never only hidden in the UI:
 * - `open`: what must answer before anyone signs in (store status, set-up, unlock, config, app
 *   info, access status, the profile picker's list and sign-in); the handler itself needs the
 *   store where it reads it. The exact list, each with its reason, is in docs/architecture.md
 *   and a test keeps it equal to the contract;
 * - a list of roles: the store must be open and the signed-in profile must hold one of them;
 * - `{ openWhile, otherwise }`: open only in that state of the store, else the list of roles.
 * There is no "any caller once the store is open" (issue 8): every other operation names its roles.
 */
export type Access = 'open' | readonly Role[] | ConditionalAccess;

/**
 * Rights a profile holds beside its role (issue 17): `directory_maintainer`, held by supervisors
 * only, lets them edit, verify and deactivate services and edit the situation lexicon. Checked
 * by the router after the role.
 */
export const RIGHTS = ['directory_maintainer'] as const;
export type Right = (typeof RIGHTS)[number];

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** A right the signed-in profile must also hold (checked by the router). */
  right?: Right;
  /** Still answered while the session is locked (status, unlock); everything else is refused with `Locked`. */
  whileLocked?: true;
  summary: string;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(spec: Operation<I, O>): Operation<I, O> {
  return spec;
}

export function isConditionalAccess(access: Access): access is ConditionalAccess {
  return typeof access === 'object' && !Array.isArray(access) && 'openWhile' in access;
}

/** The roles that may call an operation when it is not open (null: always open). */
export function guardedRoles(access: Access): readonly Role[] | null {
  if (access === 'open') return null;
  return isConditionalAccess(access) ? access.otherwise : (access as readonly Role[]);
}
