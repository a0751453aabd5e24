import { notesPurge } from '../access/notesPurge.ts';
import { callbackContextPurge, callbackNumbersPurge, otherCentresCallbacksPurge } from '../callbacks/callbackPurge.ts';
import { handoverPurge } from '../sync/handoverPurge.ts';
import { pendingNotesPurge } from '../sync/pendingNotesPurge.ts';
import { type PurgeOptions, type PurgeReport, runPurge } from '../retention/purge.ts';
import type { PurgeStep } from '../services/purgeStep.ts';
import type { Db } from '../store/openDatabase.ts';

// The purge's step list, built here (the app layer knows every domain; the retention runner
// knows none): one step per kind of personal data, each owned by its domain.
// Order matters once: numbers first, so a callback of another centre has its number erased
// (and the hub's erase order queued) before its row goes.
export const PURGE_STEPS: readonly PurgeStep[] = [callbackNumbersPurge, otherCentresCallbacksPurge, callbackContextPurge, notesPurge, handoverPurge, pendingNotesPurge];

/** Every purge step of the app (see retention/purge.ts for the run itself). */
export function purgeAll(db: Db, now: Date, opts: Omit<PurgeOptions, 'steps'> = {}): PurgeReport {
  return runPurge(db, now, { ...opts, steps: PURGE_STEPS });
}
