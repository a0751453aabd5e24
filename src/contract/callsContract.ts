import { z } from 'zod';
import {
  CALL_LANGUAGES,
  CALLER_TYPES,
  callIdSchema,
  callRecordDraftSchema,
  callRecordSchema,
  COMMUNE_CHOICES,
  freeText,
  INTERVENTIONS,
  LOOKED_FOR_MAX_CHARS,
  NO_REQUEST_KINDS,
  NOTE_MAX_CHARS,
  PSEUDONYM_MAX_CHARS,
  profileIdSchema,
  referralSchema,
  storedRecordSchema,
  themeCodeSchema,
} from './callSchemas.ts';
import { operation } from './operation.ts';
import { PIN_RULE } from './pinRule.ts';

// The call console (issue 5): responder profiles and the shift, calls with their timer, timed
// notes and the anonymous call record, and the call history. Every call operation needs a
// signed-in profile (the `responder` role the sign-in gives), so each call is attributed.

const CALL_ACCESS = ['responder', 'supervisor'] as const;

export const profileViewSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  centre: z.string(),
  role: z.enum(['responder', 'supervisor']),
  /** Reserved for the access issue: whether a PIN guards this profile. */
  hasPin: z.boolean(),
  createdAt: z.string(),
  lastSignedInAt: z.string().nullable(),
});

/** The call timer, computed in main from the injected clock: the renderer only displays it. */
export const timerSchema = z.object({
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** When the current hold began, or null when the call is not on hold. */
  pausedAt: z.string().nullable(),
  /** Time spent on hold (finished holds and the current one). */
  pausedMs: z.number(),
  /** Talk time: from start to now (or to the end), minus holds. */
  elapsedMs: z.number(),
  running: z.boolean(),
  /** main's clock when this was computed. */
  now: z.string(),
});
export type TimerView = z.infer<typeof timerSchema>;

export const noteViewSchema = z.object({
  id: z.number(),
  seq: z.number(),
  /** Call-relative time of the entry (talk time when it was begun). */
  offsetMs: z.number(),
  /** Wall-clock time of the entry. */
  wallAt: z.string(),
  text: z.string(),
  updatedAt: z.string(),
});
export type NoteView = z.infer<typeof noteViewSchema>;

export const CALL_STATUSES = ['active', 'ended', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const callViewSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  responderName: z.string(),
  centre: z.string(),
  /** active: the call goes on; ended: the timer stopped, the record may still change; closed: done. */
  status: z.enum(CALL_STATUSES),
  timer: timerSchema,
  durationMs: z.number().nullable(),
  closedAt: z.string().nullable(),
  lastActivityAt: z.string(),
  record: storedRecordSchema,
  complete: z.boolean(),
  notes: z.array(noteViewSchema),
  /** The signed-in profile may reopen this closed call (its own, of today's shift). */
  canReopen: z.boolean(),
  /** The signed-in profile may change notes and record (its own call, not closed). */
  editable: z.boolean(),
});
export type CallView = z.infer<typeof callViewSchema>;

export const callSummarySchema = z.object({
  id: z.string(),
  profileId: z.string(),
  responderName: z.string(),
  status: z.enum(CALL_STATUSES),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  themes: z.array(z.string()),
  interventions: z.array(z.enum(INTERVENTIONS)),
  commune: z.string().nullable(),
  callerType: z.enum(CALLER_TYPES).nullable(),
  language: z.enum(CALL_LANGUAGES).nullable(),
  pseudonym: z.string().nullable(),
  noteCount: z.number(),
  complete: z.boolean(),
  /** The call carried no request (silence, wrong number, out of scope, test). */
  noRequest: z.enum(NO_REQUEST_KINDS).nullable(),
  /** Flagged "à débriefer". */
  debrief: z.boolean(),
  /** The start of the first note, or the note matching the search. */
  excerpt: z.string().nullable(),
  canReopen: z.boolean(),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const callRef = z.strictObject({ callId: callIdSchema });

export const callsContract = {
  'profiles.list': operation({
    summary: 'Responder profiles of this PC, the most recently signed in first.',
    access: 'open',
    input: z.strictObject({}),
    output: z.object({ profiles: z.array(profileViewSchema) }),
  }),
  'profiles.create': operation({
    summary: 'Create a responder profile: a display name, a partner centre (no identity beyond that) and its PIN (6 digits or more). Supervisors only (issue 12): a passer-by never makes themselves a profile.',
    access: ['supervisor'] as const,
    input: z.strictObject({
      displayName: z.string().trim().min(1, 'a name is needed').max(80),
      centre: z.string().trim().min(1, 'a partner centre is needed').max(120),
      pin: z.string().regex(PIN_RULE, 'a PIN of 6 to 12 digits'),
    }),
    output: profileViewSchema,
  }),
  'profiles.signIn': operation({
    summary: 'Start a shift as this profile, with its PIN (or a supervisor\'s passphrase): every call is attributed to it until sign-out. A responder profile made before PINs existed gives `newPin` instead, once: it becomes its PIN.',
    access: 'open',
    input: z.strictObject({ profileId: profileIdSchema, secret: z.string().min(1).max(256).optional(), newPin: z.string().regex(PIN_RULE, 'a PIN of 6 to 12 digits').optional() }),
    output: profileViewSchema,
  }),
  'profiles.signOut': operation({
    summary: 'End the shift (refused while a call is in progress).',
    access: CALL_ACCESS,
    input: z.strictObject({}),
    output: z.object({ signedOut: z.literal(true) }),
  }),
  'profiles.current': operation({
    summary: 'The signed-in profile, if any.',
    access: 'open',
    input: z.strictObject({}),
    output: z.object({ profile: profileViewSchema.nullable() }),
  }),

  'calls.start': operation({
    summary: 'Start a call now: the timer starts in main. Refused while this profile has a call in progress.',
    access: CALL_ACCESS,
    input: z.strictObject({}),
    output: callViewSchema,
  }),
  'calls.clock': operation({
    summary: 'main\'s clock for the renderer\'s timer: its now, and whether it flows by itself (the system clock) or moves only when told (a test clock, whose moves are pushed as clock.moved).',
    access: CALL_ACCESS,
    input: z.strictObject({}),
    output: z.object({ now: z.string(), flows: z.boolean() }),
  }),
  'calls.current': operation({
    summary: 'The signed-in profile\'s call in progress (after a crash too) with its timer\'s anchors, or null. Read again on calls.changed; the renderer ticks the timer itself.',
    access: CALL_ACCESS,
    input: z.strictObject({}),
    output: z.object({ call: z.object({ id: z.string(), timer: timerSchema, lastActivityAt: z.string() }).nullable() }),
  }),
  'calls.get': operation({
    summary: 'One call with its timer, notes and record.',
    access: CALL_ACCESS,
    input: callRef,
    output: callViewSchema,
  }),
  'calls.pause': operation({
    summary: 'Put the call on hold: the timer stops until resumed.',
    access: CALL_ACCESS,
    input: callRef,
    output: timerSchema,
  }),
  'calls.resume': operation({
    summary: 'Resume a call on hold.',
    access: CALL_ACCESS,
    input: callRef,
    output: timerSchema,
  }),
  'calls.end': operation({
    summary: 'End the call and record its duration (now, or at the last activity for a call interrupted by a crash).',
    access: CALL_ACCESS,
    input: z.strictObject({ callId: callIdSchema, at: z.enum(['now', 'lastActivity']).default('now') }),
    output: callViewSchema,
  }),
  'calls.addNote': operation({
    summary: 'Add a note entry, stamped with the call-relative time and the wall-clock time.',
    access: CALL_ACCESS,
    input: z.strictObject({ callId: callIdSchema, text: freeText(NOTE_MAX_CHARS) }),
    output: noteViewSchema,
  }),
  'calls.updateNote': operation({
    summary: 'Change a note entry\'s text (autosave); refused once the call is closed.',
    access: CALL_ACCESS,
    input: z.strictObject({ callId: callIdSchema, noteId: z.number().int().positive(), text: freeText(NOTE_MAX_CHARS) }),
    output: noteViewSchema,
  }),
  'calls.deleteNote': operation({
    summary: 'Remove a note entry (an entry emptied by the responder); refused once the call is closed.',
    access: CALL_ACCESS,
    input: z.strictObject({ callId: callIdSchema, noteId: z.number().int().positive() }),
    output: z.object({ deleted: z.literal(true) }),
  }),
  'calls.saveRecord': operation({
    summary: 'Autosave the call record as it is filled in: every field optional.',
    access: CALL_ACCESS,
    input: z.strictObject({ callId: callIdSchema, record: callRecordDraftSchema }),
    output: z.object({ savedAt: z.string(), complete: z.boolean() }),
  }),
  'calls.addReferral': operation({
    summary: 'Add a directory service to a call\'s referrals (from the directory screen during a call); a service already there is left as is.',
    access: CALL_ACCESS,
    input: z.strictObject({ callId: callIdSchema, serviceId: referralSchema.shape.serviceId, serviceName: referralSchema.shape.serviceName }),
    output: z.object({ added: z.boolean(), count: z.number() }),
  }),
  'calls.close': operation({
    summary: 'Close an ended call\'s record: themes and intervention required; refused while notes hold identifying data unless keepFlagged.',
    access: CALL_ACCESS,
    input: z.strictObject({ callId: callIdSchema, record: callRecordSchema.optional(), keepFlagged: z.boolean().default(false) }),
    output: callViewSchema,
  }),
  'calls.closeWithoutRequest': operation({
    summary: 'End (if need be) and close a call that carried no request — silence or hang-up, wrong number, out of scope (with whom they were looking for), test — in one step: no theme nor intervention needed; the bilans count it apart. Refused while notes hold identifying data unless keepFlagged.',
    access: CALL_ACCESS,
    input: z.strictObject({
      callId: callIdSchema,
      kind: z.enum(NO_REQUEST_KINDS),
      lookedFor: freeText(LOOKED_FOR_MAX_CHARS).optional(),
      keepFlagged: z.boolean().default(false),
    }),
    output: callViewSchema,
  }),
  'calls.reopen': operation({
    summary: 'Reopen a closed call of the current shift (its responder, today) to complete it.',
    access: CALL_ACCESS,
    input: callRef,
    output: callViewSchema,
  }),
  'calls.list': operation({
    summary: 'Call history, newest first: filters by Brussels date range, theme, responder, commune, notes full-text; or the "to finish" list.',
    access: CALL_ACCESS,
    input: z.strictObject({
      from: ymd.optional(),
      to: ymd.optional(),
      theme: themeCodeSchema.optional(),
      profileId: profileIdSchema.optional(),
      commune: z.enum(COMMUNE_CHOICES).optional(),
      q: z.string().trim().max(200).optional(),
      /** toFinish: the signed-in profile's calls not closed yet, any day. */
      view: z.enum(['all', 'toFinish']).default('all'),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(100_000).default(0),
    }),
    output: z.object({ calls: z.array(callSummarySchema), total: z.number() }),
  }),
  'calls.repeatCaller': operation({
    summary: 'Earlier calls with this pseudonym, from this PC and (joined to a hub) every centre, matched on a keyed hash: how many, the last date, the themes, the last "à savoir" line.',
    access: CALL_ACCESS,
    input: z.strictObject({
      pseudonym: z.string().max(PSEUDONYM_MAX_CHARS),
      /** The call being recorded: not counted as an earlier one. */
      callId: callIdSchema.optional(),
    }),
    output: z.object({
      count: z.number(),
      lastAt: z.string().nullable(),
      themes: z.array(z.object({ code: z.string(), count: z.number() })),
      knowThat: z.object({ text: z.string(), at: z.string(), centre: z.string().nullable() }).nullable(),
      centres: z.array(z.string()),
    }),
  }),
};
