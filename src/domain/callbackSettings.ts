// The three numbers a centre may tune for callbacks, their defaults and bounds: pure data the
// contract (shared with the renderer) validates with; callbacks/callbackSettings.ts keeps them
// in the store.

export interface CallbackSettings {
  /** "No answer" or "voicemail" reschedules the next attempt this many minutes later. */
  noAnswerDelayMinutes: number;
  /** After this many failed attempts the callback is closed as unreachable. */
  maxFailedAttempts: number;
  /** The number is deleted this many days after the callback is completed or closed. */
  numberRetentionDays: number;
}

export interface EffectiveCallbackSettings extends CallbackSettings {
  /** The ceiling set by the machine configuration (IT). */
  numberRetentionMaxDays: number;
}

export const DEFAULT_CALLBACK_SETTINGS: Readonly<CallbackSettings> = Object.freeze({
  noAnswerDelayMinutes: 60,
  maxFailedAttempts: 3,
  numberRetentionDays: 30,
});

/** Inclusive bounds, shared by the contract and the CLI. */
export const CALLBACK_SETTING_BOUNDS: Readonly<Record<keyof CallbackSettings, readonly [number, number]>> = Object.freeze({
  noAnswerDelayMinutes: [5, 7 * 24 * 60] as const,
  maxFailedAttempts: [1, 10] as const,
  numberRetentionDays: [0, 365] as const,
});
