import { callsRepository } from '../calls/callsRepository.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';

// What callbacks need from the call console (issue 5): that a call exists, the responders'
// display names (the queue shows who holds what), and a way to record on the call that its
// callback ended unreachable. Kept behind this small port so the callback rules are tested
// without caring how calls are stored.

export const CALLBACK_OUTCOMES = ['reached', 'unreachable', 'withdrawn'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export interface CallLink {
  callExists(callId: string): boolean;
  /** Records the callback's outcome on the call record (`calls.callback_outcome`). */
  setCallbackOutcome(callId: string, outcome: CallbackOutcome, now: Date): void;
  /** Display names ("Marie D. — CASG Ixelles") of the given profiles; unknown ids are left out. */
  profileNames(ids: Iterable<string>): Map<string, string>;
}

export function callLink(db: Db): CallLink {
  const calls = callsRepository(db);
  const setOutcome = db.prepare('UPDATE calls SET callback_outcome = ?, updated_at = ? WHERE id = ?');
  return {
    callExists: (callId) => calls.get(callId) !== null,
    setCallbackOutcome(callId, outcome, now) {
      setOutcome.run(outcome, now.toISOString(), callId);
    },
    profileNames(ids) {
      const profiles = profilesRepository(db);
      const out = new Map<string, string>();
      for (const id of new Set(ids)) {
        const p = profiles.get(id);
        if (p) out.set(id, p.displayName);
      }
      return out;
    },
  };
}
