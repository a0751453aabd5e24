import { z } from 'zod';
import { COMMUNES, OTHER_COMMUNE_CODES } from '../domain/communes.ts';
import { THEME_CODE_PATTERN } from '../domain/taxonomy.ts';

// The call record's zod schemas, shared by the API contract (callsContract.ts) and the call
// record form in the renderer (react-hook-form's resolver): one definition, one set of limits.
// The line is anonymous: every field is optional except the themes and the intervention
// modes, and those two are only required to close a record, never to save a draft.

export const CALLER_TYPES = ['concerned', 'relative', 'professional', 'other'] as const;
export const CALL_LANGUAGES = ['fr', 'nl', 'en', 'ar', 'other'] as const;
export const CALLER_HISTORY = ['first', 'repeat'] as const;
export const HEARD_FROM = ['cpas', 'social_service', 'association', 'public_service', 'relative', 'media', 'internet', 'poster', 'previous_call', 'other'] as const;
/** The responders' four intervention modes; direct help and listening are recorded apart. */
export const INTERVENTIONS = ['information', 'orientation', 'referral', 'direct_help', 'listening'] as const;
export const REFERRAL_OUTCOMES = ['contact_given', 'will_help', 'appointment', 'cannot_help', 'unreachable', 'pending'] as const;
export const RESOLUTIONS = ['resolved', 'partly', 'unresolved'] as const;
/** Calls that carried no request: closed with one key, counted apart in the bilans (issue 16). */
export const NO_REQUEST_KINDS = ['silent', 'wrong_number', 'out_of_scope', 'test'] as const;
/** Whether the caller had been in contact with social aid before this call ("nouveaux publics"). */
export const SOCIAL_AID_CONTACTS = ['never', 'past', 'current', 'unknown'] as const;
/** The non-take-up barriers of the source report's footnote. */
export const BARRIERS = ['non_knowledge', 'non_demand', 'non_proposal', 'non_receipt'] as const;
export const LOOKED_FOR_MAX_CHARS = 120;
export const DEBRIEF_REASON_MAX_CHARS = 300;
export const COMMUNE_CHOICES: readonly [string, ...string[]] = [...OTHER_COMMUNE_CODES, ...COMMUNES.map((c) => c.code)];

export type CallLanguage = (typeof CALL_LANGUAGES)[number];
export type Intervention = (typeof INTERVENTIONS)[number];
export type NoRequestKind = (typeof NO_REQUEST_KINDS)[number];

export const NOTE_MAX_CHARS = 10_000;
export const MAX_NOTES_PER_CALL = 2_000;
export const PSEUDONYM_MAX_CHARS = 60;
export const KNOW_THAT_MAX_CHARS = 200;
export const UNMET_NEED_MAX_CHARS = 2_000;
export const MAX_REFERRALS = 20;
export const MAX_THEMES = 20;

// Control characters other than tab and line breaks have no place in a note.
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** Free text as typed: never trimmed (an autosave mid-word keeps the trailing space). */
export function freeText(max: number) {
  return z.string().max(max, `at most ${max} characters`).regex(NO_CONTROL, 'control characters are not allowed');
}

const shortText = (max: number) => freeText(max).nullable().optional();

function unique<T>(list: readonly T[]): boolean {
  return new Set(list).size === list.length;
}

export const themeCodeSchema = z.string().regex(THEME_CODE_PATTERN, 'a theme code');
export const callIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a call id');
export const profileIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a profile id');

export const referralSchema = z.strictObject({
  /** The directory service's id; the name is kept too, so the record reads well if the service goes. */
  serviceId: z.string().trim().min(1).max(100),
  serviceName: z.string().trim().min(1).max(300),
  /** The responder phoned the service on the caller's behalf (warm handoff, with oral consent). */
  contacted: z.boolean(),
  /** The caller's explicit oral consent to that call (required to close a record when `contacted`). */
  consent: z.boolean().optional(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
});

const recordFields = {
  callerType: z.enum(CALLER_TYPES).nullable().optional(),
  language: z.enum(CALL_LANGUAGES).nullable().optional(),
  languageOther: shortText(60),
  interpreter: z.boolean().optional(),
  commune: z.enum(COMMUNE_CHOICES).nullable().optional(),
  callerHistory: z.enum(CALLER_HISTORY).nullable().optional(),
  /** A name the responder makes up ("Monsieur X du lundi") to recognise a repeat caller, never an identity. */
  pseudonym: shortText(PSEUDONYM_MAX_CHARS),
  heardFrom: z.enum(HEARD_FROM).nullable().optional(),
  heardFromOther: shortText(120),
  themes: z.array(themeCodeSchema).max(MAX_THEMES).refine(unique, 'each theme once'),
  interventions: z.array(z.enum(INTERVENTIONS)).max(INTERVENTIONS.length).refine(unique, 'each intervention once'),
  referrals: z.array(referralSchema).max(MAX_REFERRALS).refine((r) => unique(r.map((x) => x.serviceId)), 'each service once'),
  resolution: z.enum(RESOLUTIONS).nullable().optional(),
  /** What could not be solved and why: it feeds the advocacy reports. */
  unmetNeed: shortText(UNMET_NEED_MAX_CHARS),
  /** The notes may be quoted, anonymised, in supervisors' reports. */
  mayQuote: z.boolean().optional(),
  /** Set when the call carried no request: themes and interventions are then not needed. */
  noRequest: z.enum(NO_REQUEST_KINDS).nullable().optional(),
  /** Out of scope: whom the caller was looking for (a service or body, never a person). */
  lookedFor: shortText(LOOKED_FOR_MAX_CHARS),
  socialAidContact: z.enum(SOCIAL_AID_CONTACTS).optional(),
  barriers: z.array(z.enum(BARRIERS)).max(BARRIERS.length).refine(unique, 'each barrier once').optional(),
  /** To bring to the team's debriefing, with a short reason. */
  debrief: z.boolean().optional(),
  debriefReason: shortText(DEBRIEF_REASON_MAX_CHARS),
  /** "À savoir": one short line for whoever meets this caller next (shared, sealed, with the pseudonym's mark). */
  knowThat: shortText(KNOW_THAT_MAX_CHARS),
};

/** A call record as autosaved while the call goes on: everything optional. */
export const callRecordDraftSchema = z.strictObject({
  ...recordFields,
  themes: recordFields.themes.default([]),
  interventions: recordFields.interventions.default([]),
  referrals: recordFields.referrals.default([]),
});

/** A call record that may be closed: at least one theme and one intervention (unless the call carried no
 *  request), and the caller's oral consent on every referral where the service was phoned on their behalf. */
export const callRecordSchema = z
  .strictObject({
    ...recordFields,
    themes: recordFields.themes.default([]),
    interventions: recordFields.interventions.default([]),
    referrals: recordFields.referrals.default([]),
  })
  .superRefine((r, ctx) => {
    if (!r.noRequest) {
      if (!r.themes.length) ctx.addIssue({ code: 'custom', path: ['themes'], message: 'choose at least one theme' });
      if (!r.interventions.length) ctx.addIssue({ code: 'custom', path: ['interventions'], message: 'choose at least one intervention' });
    }
    r.referrals.forEach((x, i) => {
      if (x.contacted && !x.consent) ctx.addIssue({ code: 'custom', path: ['referrals', i, 'consent'], message: 'the caller\'s oral consent is needed before phoning a service on their behalf' });
    });
  });

export type CallRecordDraft = z.input<typeof callRecordDraftSchema>;

/** The record as stored and read back: every field present. */
export const storedRecordSchema = z.object({
  callerType: z.enum(CALLER_TYPES).nullable(),
  language: z.enum(CALL_LANGUAGES).nullable(),
  languageOther: z.string().nullable(),
  interpreter: z.boolean(),
  commune: z.string().nullable(),
  callerHistory: z.enum(CALLER_HISTORY).nullable(),
  pseudonym: z.string().nullable(),
  heardFrom: z.enum(HEARD_FROM).nullable(),
  heardFromOther: z.string().nullable(),
  themes: z.array(z.string()),
  interventions: z.array(z.enum(INTERVENTIONS)),
  referrals: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), contacted: z.boolean(), consent: z.boolean(), outcome: z.enum(REFERRAL_OUTCOMES).nullable() })),
  resolution: z.enum(RESOLUTIONS).nullable(),
  unmetNeed: z.string().nullable(),
  mayQuote: z.boolean(),
  noRequest: z.enum(NO_REQUEST_KINDS).nullable(),
  lookedFor: z.string().nullable(),
  socialAidContact: z.enum(SOCIAL_AID_CONTACTS),
  barriers: z.array(z.enum(BARRIERS)),
  debrief: z.boolean(),
  debriefReason: z.string().nullable(),
  knowThat: z.string().nullable(),
});
export type StoredRecord = z.infer<typeof storedRecordSchema>;

/** A record is complete when it could be closed (a call without request needs no theme nor intervention). */
export function isRecordComplete(r: Pick<StoredRecord, 'themes' | 'interventions'> & { noRequest?: string | null | undefined }): boolean {
  return Boolean(r.noRequest) || (r.themes.length > 0 && r.interventions.length > 0);
}
