import { z } from 'zod';
import { MAX_PHONE_INPUT, normalisePhone } from '../domain/phoneNumber.ts';
import { isYmd, LOCAL_TIME } from '../domain/brusselsTime.ts';
import { WEEKDAY_CODES } from '../domain/lineHours.ts';
import { CALLBACK_SETTING_BOUNDS } from '../domain/callbackSettings.ts';
import { HELP_OUTCOMES } from '../domain/helpOutcomes.ts';
import { CALL_LANGUAGES, callIdSchema, freeText } from './callSchemas.ts';
import { operation } from './operation.ts';

// Callbacks (issue 6): a callback is scheduled from a call, with the caller's oral consent;
// the number is normalised to E.164 here, at the boundary, so every handler sees `+32…`.
// The queue, attempts, snooze and handover need a signed-in profile (attempts are signed);
// so do the badge count and the settings (issue 8: no operation is open to anyone once the store is open). No runtime import from store/ here (the
// preload bundles this file): the helpers above are pure.

const SIGNED_IN = ['responder', 'supervisor'] as const;

export const CALLBACK_STATUSES = ['pending', 'done', 'unreachable', 'withdrawn'] as const;
export const ATTEMPT_RESULTS = ['reached', 'no_answer', 'voicemail', 'wrong_number'] as const;
export const QUEUE_BUCKETS = ['dueNow', 'overdue', 'upcoming', 'done'] as const;
export const REASON_MAX_CHARS = 200;
export const FOR_NEXT_MAX_CHARS = 500;
// The follow-up's outcomes are a domain leaf (the hub reads them without this file's phone
// schema); the renderer's form and the callbacks module take them from here with the rest.
export const SNOOZE_MAX_MINUTES = 7 * 24 * 60;

export const callbackIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a callback id');
export const localDateSchema = z.string().refine(isYmd, 'a date YYYY-MM-DD');
export const localTimeSchema = z.string().regex(LOCAL_TIME, 'a time HH:MM');

/** What the responder types → E.164. The renderer safeParses it for its live preview. */
export const callbackPhoneSchema = z
  .string()
  .max(MAX_PHONE_INPUT, `at most ${MAX_PHONE_INPUT} characters`)
  .transform((raw, ctx) => {
    const r = normalisePhone(raw);
    if (r.ok) return r.e164;
    ctx.issues.push({ code: 'custom', message: r.message, input: raw });
    return z.NEVER;
  });

/**
 * A short reason, never identifying data (the number has its own field; names have none): the
 * shape is checked here, the anonymity guard in the handler (src/guard/outgoingText.ts), with
 * the directory's names — the reason travels to the next permanence.
 */
export const callbackReasonSchema = z
  .string()
  .trim()
  .min(1, 'say in a few words why to call back')
  .max(REASON_MAX_CHARS, `at most ${REASON_MAX_CHARS} characters`)
  .regex(/^[^\u0000-\u001F\u007F]*$/, 'one line, no control characters');

export const localWindowSchema = z.strictObject({
  date: localDateSchema,
  from: localTimeSchema,
  to: localTimeSchema.optional(),
});

const adjustment = z.enum(['none', 'skipped', 'repeated']);

export const attemptViewSchema = z.object({
  result: z.enum(ATTEMPT_RESULTS),
  at: z.string(),
  by: z.string().nullable(),
});

/** The original call as the callback carries it (issue 15): never its notes. */
export const callSummarySchema = z.object({
  startedAt: z.string(),
  themes: z.array(z.string()),
  referrals: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), contacted: z.boolean(), outcome: z.string().nullable() })),
  resolution: z.string().nullable(),
  pseudonym: z.string().nullable(),
});

export const followUpViewSchema = z.object({
  callbackId: z.string(),
  callId: z.string().nullable(),
  recordedAt: z.string(),
  byName: z.string().nullable(),
  centre: z.string().nullable(),
  referrals: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), help: z.enum(HELP_OUTCOMES) })),
  newRequest: z.boolean(),
  anotherCallback: z.boolean(),
});

export const callbackViewSchema = z.object({
  id: z.string(),
  /** The call on this PC; null for a callback scheduled at another centre. */
  callId: z.string().nullable(),
  /** Scheduled on this PC, or at another centre and shared through the line's hub. */
  origin: z.enum(['local', 'hub']),
  originCentre: z.string().nullable(),
  shared: z.boolean(),
  status: z.enum(CALLBACK_STATUSES),
  bucket: z.enum(QUEUE_BUCKETS),
  /** E.164; null once the callback is closed (not needed any more) or the number deleted. */
  phone: z.string().nullable(),
  /** How the responder dials it: `0470 12 34 56`, `+33 6 12 34 56 78`. */
  phoneDisplay: z.string().nullable(),
  hasNumber: z.boolean(),
  language: z.enum(CALL_LANGUAGES),
  reason: z.string(),
  windowStart: z.string(),
  windowEnd: z.string().nullable(),
  dueAt: z.string(),
  /** How late a pending callback is at `now` (0 when not due yet). */
  latenessMs: z.number(),
  failedAttempts: z.number(),
  maxFailedAttempts: z.number(),
  attempts: z.array(attemptViewSchema),
  /** Who holds it: a responder (on this PC: profileId; at another centre: centre), or null for the shift team. */
  holder: z.object({ profileId: z.string().nullable(), name: z.string(), centre: z.string().nullable().optional(), at: z.string().nullable().optional() }).nullable(),
  /**
   * A take made here of a shared callback: provisional until the hub answers, then confirmed or
   * refused — with who had taken it first and when ("pris par Bart (CAW Brussel) à 10:42").
   */
  take: z.object({ state: z.enum(['provisional', 'confirmed', 'refused']), by: z.object({ name: z.string(), centre: z.string().nullable(), at: z.string().nullable() }).nullable() }).nullable(),
  /** "Pour qui rappellera", written when it was scheduled. */
  forNext: z.string().nullable(),
  call: callSummarySchema.nullable(),
  mine: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  numberDeletedAt: z.string().nullable(),
  numberDeletedReason: z.enum(['retention', 'consent_withdrawn']).nullable(),
});
export type CallbackView = z.infer<typeof callbackViewSchema>;

export const badgeSchema = z.object({ due: z.number(), overdue: z.number() });

const settingsSchema = z.object({
  noAnswerDelayMinutes: z.number(),
  maxFailedAttempts: z.number(),
  numberRetentionDays: z.number(),
  /** The ceiling from the machine configuration (IT): the app may only shorten the retention. */
  numberRetentionMaxDays: z.number(),
});
const bounded = (name: keyof typeof CALLBACK_SETTING_BOUNDS) => z.number().int().min(CALLBACK_SETTING_BOUNDS[name][0]).max(CALLBACK_SETTING_BOUNDS[name][1]);

const byId = z.strictObject({ id: callbackIdSchema });

export const callbacksContract = {
  'callbacks.schedule': operation({
    summary: 'Schedule a callback from a call: oral consent ticked, number (normalised to E.164), preferred window (Brussels time), language, short reason, held by me or the shift team.',
    access: SIGNED_IN,
    input: z.strictObject({
      callId: callIdSchema,
      consent: z.literal(true, 'the caller must have agreed, orally, to be called back'),
      phone: callbackPhoneSchema,
      window: localWindowSchema,
      language: z.enum(CALL_LANGUAGES),
      reason: callbackReasonSchema,
      /** "Pour qui rappellera": what the responder who calls back should know; shared sealed with the line key. */
      forNext: freeText(FOR_NEXT_MAX_CHARS).optional(),
      assignTo: z.enum(['me', 'team']),
      /** A supervisor's explicit "keep this reason although the guard flags it" (audited). */
      override: z.boolean().default(false),
    }),
    output: z.object({
      callback: callbackViewSchema,
      /** Set when a time fell in a daylight-saving change: `skipped` (moved later by the gap) or `repeated` (the earlier one taken). */
      adjustments: z.object({ from: adjustment, to: adjustment.nullable() }),
    }),
  }),
  'callbacks.queue': operation({
    summary: 'The callback queue at main\'s clock: due now, overdue (most late first), upcoming (each up to `limit`, with the totals in `counts`), and recently done; who holds what.',
    access: SIGNED_IN,
    input: z.strictObject({
      holder: z.enum(['all', 'mine', 'team']).default('all'),
      doneLimit: z.number().int().min(0).max(200).default(20),
      /** At most this many per open list (due now, overdue, upcoming); `counts` gives the totals. */
      limit: z.number().int().min(1).max(10_000).default(50),
    }),
    output: z.object({
      now: z.string(),
      counts: z.object({ dueNow: z.number(), overdue: z.number(), upcoming: z.number(), done: z.number() }),
      dueNow: z.array(callbackViewSchema),
      overdue: z.array(callbackViewSchema),
      upcoming: z.array(callbackViewSchema),
      done: z.array(callbackViewSchema),
    }),
  }),
  'callbacks.forCall': operation({
    summary: 'The callbacks scheduled from one call (for the call console).',
    access: SIGNED_IN,
    input: z.strictObject({ callId: callIdSchema }),
    output: z.object({ callbacks: z.array(callbackViewSchema) }),
  }),
  'callbacks.get': operation({
    summary: 'One callback with the call it came from (summary, never notes) and its follow-up if the caller was reached.',
    access: SIGNED_IN,
    input: byId,
    output: z.object({ callback: callbackViewSchema, followUp: followUpViewSchema.nullable() }),
  }),
  'callbacks.followUp': operation({
    summary: 'The follow-up of a reached callback: per referral of the original call, did help arrive; any new request; does the person agree to another callback.',
    access: SIGNED_IN,
    input: z.strictObject({
      id: callbackIdSchema,
      referrals: z.array(z.strictObject({ serviceId: z.string().trim().min(1).max(100), help: z.enum(HELP_OUTCOMES) })).max(30).refine((r) => new Set(r.map((x) => x.serviceId)).size === r.length, 'each referral once'),
      newRequest: z.boolean(),
      anotherCallback: z.boolean(),
    }),
    output: followUpViewSchema,
  }),
  'callbacks.logAttempt': operation({
    summary: 'Log an attempt: reached completes; no answer / voicemail reschedule after the configured delay until N failures close it as unreachable; wrong number closes it as unreachable.',
    access: SIGNED_IN,
    input: z.strictObject({ id: callbackIdSchema, result: z.enum(ATTEMPT_RESULTS) }),
    output: z.object({ callback: callbackViewSchema, outcome: z.enum(['done', 'rescheduled', 'unreachable']) }),
  }),
  'callbacks.snooze': operation({
    summary: 'Put a reminder off by some minutes, or to a Brussels date and time; it is announced again then.',
    access: SIGNED_IN,
    input: z
      .strictObject({
        id: callbackIdSchema,
        minutes: z.number().int().min(1).max(SNOOZE_MAX_MINUTES).optional(),
        until: z.strictObject({ date: localDateSchema, time: localTimeSchema }).optional(),
      })
      .refine((v) => (v.minutes === undefined) !== (v.until === undefined), 'give either minutes or until'),
    output: z.object({ callback: callbackViewSchema, adjustment }),
  }),
  'callbacks.assign': operation({
    summary: 'Handover: take a callback yourself, or give it back to the shift team.',
    access: SIGNED_IN,
    input: z.strictObject({ id: callbackIdSchema, to: z.enum(['me', 'team']) }),
    output: callbackViewSchema,
  }),
  'callbacks.withdrawConsent': operation({
    summary: 'The caller withdrew consent: the number is deleted at once and a pending callback is closed.',
    access: SIGNED_IN,
    input: byId,
    output: callbackViewSchema,
  }),
  'callbacks.badge': operation({
    summary: 'How many callbacks are due now (overdue included), for the in-app badge.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: badgeSchema,
  }),
  'callbacks.settings': operation({
    summary: 'The no-answer delay, the failed attempts before closing, how many days a closed callback keeps its number, and the line\'s hours (callback windows are offered within them).',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: settingsSchema.extend({ lineHours: z.object({ days: z.array(z.enum(WEEKDAY_CODES)), open: z.string(), close: z.string() }) }),
  }),
  'callbacks.updateSettings': operation({
    summary: 'Change the callback settings (supervisors).',
    access: ['supervisor'],
    input: z.strictObject({
      noAnswerDelayMinutes: bounded('noAnswerDelayMinutes').optional(),
      maxFailedAttempts: bounded('maxFailedAttempts').optional(),
      numberRetentionDays: bounded('numberRetentionDays').optional(),
    }),
    output: settingsSchema,
  }),
};
