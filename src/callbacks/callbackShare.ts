import type { HelpOutcome } from '../domain/helpOutcomes.ts';
import type { AttemptResult, CallbackRow } from './callbacksRepository.ts';

// The port through which callback actions tell the line's hub what changed (issue 15),
// implemented by src/sync/sharedCallbacks.ts when this PC is joined to a hub (null otherwise).
// Every method runs inside the action's transaction and only writes the outbox: the push comes
// later (local first, sync after).

export interface FollowUpInput {
  referrals: Array<{ serviceId: string; help: HelpOutcome }>;
  newRequest: boolean;
  anotherCallback: boolean;
}

export interface CallbackShare {
  /** A callback scheduled here: the hub gets it with its number and context sealed. */
  created(row: CallbackRow): void;
  /** Taken (holder) or given back (null), naming the holder revision this PC had seen. */
  took(row: CallbackRow, holder: { profileId: string; name: string; at: string } | null): void;
  attempted(row: CallbackRow, attempt: { uid: string; result: AttemptResult; at: string; by: string | null }): void;
  snoozed(row: CallbackRow): void;
  withdrew(row: CallbackRow, at: string): void;
  followedUp(row: CallbackRow, followUp: FollowUpInput & { recordedAt: string; by: string | null }): void;
}
