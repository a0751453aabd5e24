import type { Clock } from '../platform/clock.ts';
import type { HubDb } from './db/hubDb.ts';

/** What every hub operation receives. The hub keeps no state between requests beyond `db`. */
export interface HubContext {
  db: HubDb;
  clock: Clock;
}

export const FOUNDING_CODE_HOURS = 24;
export const INVITATION_HOURS = 72;
/** Enrolment attempts allowed per client address in the window, and per code before it is burnt. */
export const ENROL_RATE = { perClient: 10, windowMinutes: 15, perCode: 5 } as const;
