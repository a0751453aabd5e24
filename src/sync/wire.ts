import { z } from 'zod';
import { THEME_CODE_PATTERN } from '../domain/taxonomy.ts';
import { makeServiceSchema } from '../directory/serviceSchema.ts';
import { hubDeviceFields } from '../schemas/hubDevice.ts';
import { HELP_OUTCOMES } from '../domain/helpOutcomes.ts';
import { reportDocumentSchema } from '../reports/reportJson.ts';
import { importDiffSchema, importInput } from '../contract/directoryImportSchemas.ts';

// The hub's HTTP protocol: every request and response body, as zod schemas shared by the hub
// (src/hub, served by hub/) and the workstation's sync client (src/sync). Bodies carry the
// protocol version; a version the hub does not speak is refused with 400, never guessed at.
export const PROTOCOL_VERSION = 1;
const version = z.literal(PROTOCOL_VERSION, { error: `unsupported protocol version (this hub speaks ${PROTOCOL_VERSION})` });

const name = (max: number) => z.string().trim().min(1).max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'control characters are not allowed');
const b64url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+$/, 'expected base64url');
export const codeIdSchema = z.string().regex(/^[A-Z2-7]{10}$/, 'expected a code id');

/** Body size limits the hub enforces before parsing (bytes). */
export const BODY_LIMITS = { enrol: 4 * 1024, small: 16 * 1024, push: 1024 * 1024, import: 28 * 1024 * 1024 } as const;

// --- Enrolment -----------------------------------------------------------------------------

/** Joining with a founding code or an invitation: only the code's id and authenticating half travel. */
export const enrolRequest = z.strictObject({
  v: version,
  codeId: codeIdSchema,
  auth: b64url(16, 64),
  /** The device's display name (the PC: "Accueil Schaerbeek 2"). */
  name: name(80),
  /** The founder names its centre; an invitation already carries it (then ignored). */
  centre: name(80).optional(),
});
export type EnrolRequest = z.infer<typeof enrolRequest>;

export const enrolResponse = z.strictObject({
  v: version,
  hubId: z.string(),
  deviceId: z.string(),
  token: b64url(32, 64),
  role: z.enum(['founder', 'member']),
  centre: z.string(),
  /** The line key wrapped under the invitation's other half; null for the founder (who makes the key). */
  wrappedKey: z.string().max(512).nullable(),
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

/** An invitation made by a joined workstation: the hub gets the hash of the auth half, never the half. */
export const inviteRequest = z.strictObject({
  v: version,
  /** Made by the inviting workstation: its wrapped key is bound to it. */
  codeId: codeIdSchema,
  centre: name(80),
  authHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
  wrappedKey: z.string().min(40).max(512),
});
export const inviteResponse = z.strictObject({ v: version, codeId: codeIdSchema, expiresAt: z.string() });

export const deviceView = z.strictObject(hubDeviceFields);
export type DeviceView = z.infer<typeof deviceView>;
export const revokeRequest = z.strictObject({ v: version });
export const revokeResponse = z.strictObject({ v: version, device: deviceView });
export const devicesResponse = z.strictObject({ v: version, devices: z.array(deviceView) });

export const hubErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    /** A refusal src/ explains (a directory file the import refuses): its kind, reason key and parameters, so the PC says it in its user's language. */
    reason: z.strictObject({ code: z.string(), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional(),
  }),
});

// --- Sync ----------------------------------------------------------------------------------

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a lowercase UUID');
const isoTime = z.iso.datetime({ offset: true });
const code = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'expected a code');

/** A reachability note as it travels: the hub adds the writing device's centre. */
export const noteWire = z.strictObject({
  uid: uuid,
  serviceId: z.string().min(1).max(100),
  text: z.string().min(1).max(500),
  author: name(100),
  writtenAt: isoTime,
  /** `unreachable` counts on result rows and in the barometer (issue 17); absent from older workstations = a plain note. */
  kind: z.enum(['note', 'unreachable', 'verified']).optional(),
});
export type NoteWire = z.infer<typeof noteWire>;

/**
 * A closed call's structured record for the line's bilans: codes, flags, duration and the
 * referred services' ids — no notes, no pseudonym, no free text, no number (`unmet` is the
 * flag, never the text describing the unmet need).
 */
export const callFactsWire = z.strictObject({
  startedAt: isoTime,
  durationMs: z.number().int().min(0).max(24 * 3_600_000).nullable(),
  callerType: code.nullable(),
  language: code.nullable(),
  interpreter: z.boolean(),
  commune: code.nullable(),
  callerHistory: code.nullable(),
  heardFrom: code.nullable(),
  resolution: code.nullable(),
  unmet: z.boolean(),
  themes: z.array(code).max(30),
  interventions: z.array(code).max(30),
  referrals: z.array(z.strictObject({ serviceId: z.string().min(1).max(100), kind: code, contacted: z.boolean(), outcome: code.nullable() })).max(30),
  callbacks: z.array(code).max(30),
  // Issue 16's facts (optional: a PC not yet updated still syncs; the hub then counts them as unknown).
  /** The call carried no request (silent, wrong_number, out_of_scope, test): counted apart, never as a call with requests. */
  noRequest: code.nullable().optional(),
  /** Contact with social aid before the call: never, past, current, unknown. */
  socialAidContact: code.optional(),
  /** Non-take-up barriers (codes). */
  barriers: z.array(code).max(30).optional(),
  /** Flagged "à débriefer" (the flag only: the reason is free text and stays on the PC). */
  debrief: z.boolean().optional(),
});
export type CallFactsWire = z.infer<typeof callFactsWire>;

// --- Shared callbacks (issue 15) -------------------------------------------------------------
// The number and the callback's context (reason, "pour qui rappellera", pseudonym, the original
// call's summary) travel sealed with the line key (src/sync/lineKey.ts): the hub stores and
// forwards them, it cannot read them. Everything else is metadata the hub needs to order,
// arbitrate and count: times, language, status, attempts, who holds it (name and centre).

/** `lk1.<key id>.<nonce>.<ciphertext+tag>` (src/sync/lineKey.ts). */
export const sealedWire = z.string().min(30).max(16_384).regex(/^lk1\.[0-9a-f]{16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/, 'expected a value sealed with the line key');
const holderWire = z.strictObject({ profileId: uuid, name: name(100), at: isoTime });
const attemptResult = z.enum(['reached', 'no_answer', 'voicemail', 'wrong_number']);
const callbackStatus = z.enum(['pending', 'done', 'unreachable', 'withdrawn']);

/** What a reached callback taught: per referral of the original call, did help arrive. Codes only. */
export const followUpWire = z.strictObject({
  callId: z.string().min(1).max(64),
  recordedAt: isoTime,
  by: name(100).nullable(),
  referrals: z.array(z.strictObject({ serviceId: z.string().min(1).max(100), kind: code, help: z.enum(HELP_OUTCOMES) })).max(30),
  newRequest: z.boolean(),
  anotherCallback: z.boolean(),
});

export const callbackOpWire = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('create'),
    callId: z.string().min(1).max(64),
    consentAt: isoTime,
    language: code,
    windowStart: isoTime,
    windowEnd: isoTime.nullable(),
    dueAt: isoTime,
    createdAt: isoTime,
    createdBy: name(100).nullable(),
    holder: holderWire.nullable(),
    /** Null only when a resync sends again a callback whose number was already erased (its metadata still counts). */
    number: sealedWire.nullable(),
    context: sealedWire,
  }),
  /** Take it (holder) or give it back to the team (null); `expectRev` is the holder revision the taker saw. */
  z.strictObject({ type: z.literal('take'), holder: holderWire.nullable(), expectRev: z.number().int().min(0) }),
  z.strictObject({
    type: z.literal('attempt'),
    uid: z.string().regex(/^[0-9a-f-]{32,36}$/),
    result: attemptResult,
    at: isoTime,
    by: name(100).nullable(),
    /** The state the attempt led to on the PC that made it (its own settings decide when to give up). */
    status: callbackStatus,
    dueAt: isoTime,
  }),
  z.strictObject({ type: z.literal('snooze'), dueAt: isoTime }),
  z.strictObject({ type: z.literal('withdraw'), at: isoTime }),
  /** The number reached its retention limit (or consent was withdrawn): its ciphertext goes everywhere. */
  z.strictObject({ type: z.literal('eraseNumber'), at: isoTime, reason: z.enum(['retention', 'consent_withdrawn']) }),
  z.strictObject({ type: z.literal('followUp'), followUp: followUpWire }),
]);
export type CallbackOpWire = z.infer<typeof callbackOpWire>;

/** A shared callback as the hub holds it and workstations pull it. */
export const callbackStateWire = z.strictObject({
  callbackId: uuid,
  centre: z.string(),
  deviceId: z.string(),
  callId: z.string(),
  consentAt: isoTime,
  language: code,
  windowStart: isoTime,
  windowEnd: isoTime.nullable(),
  dueAt: isoTime,
  createdAt: isoTime,
  createdBy: z.string().nullable(),
  status: callbackStatus,
  failedAttempts: z.number().int().min(0),
  closedAt: isoTime.nullable(),
  holder: z.strictObject({ profileId: uuid, name: z.string(), at: isoTime, centre: z.string(), deviceId: z.string() }).nullable(),
  holderRev: z.number().int().min(0),
  attempts: z.array(z.strictObject({ uid: z.string(), result: attemptResult, at: isoTime, by: z.string().nullable(), centre: z.string(), deviceId: z.string() })),
  number: sealedWire.nullable(),
  numberErasedAt: isoTime.nullable(),
  numberErasedReason: z.enum(['retention', 'consent_withdrawn']).nullable(),
  /** Null once the hub's purge dropped it, `callbackDays` after the callback closed (src/hub/hubPurge.ts). */
  context: sealedWire.nullable(),
  followUp: followUpWire.extend({ centre: z.string() }).nullable(),
});
export type CallbackStateWire = z.infer<typeof callbackStateWire>;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day (YYYY-MM-DD)');

/**
 * A handover note for the next permanence (issue 15): the hub sees its id, its day and when it
 * was written; the text and the author's name travel sealed (bound to the id and the day).
 */
export const handoverWire = z.strictObject({ uid: uuid, day, writtenAt: isoTime, sealed: sealedWire });
export type HandoverWire = z.infer<typeof handoverWire>;

/**
 * A repeat caller's mark, one per pseudonymous call: an id unlinkable to the call, the keyed
 * hash of the normalised pseudonym (src/sync/lineKeyDerived.ts) and, sealed, the call's date,
 * themes and "à savoir" note. `hash: null` withdraws the mark (pseudonym removed or purged).
 */
export const callerMarkWire = z.union([
  z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/, 'expected a mark id'), hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected an HMAC-SHA256 hex digest'), sealed: sealedWire }),
  z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/, 'expected a mark id'), hash: z.null(), sealed: z.null() }),
]);
export type CallerMarkWire = z.infer<typeof callerMarkWire>;

/**
 * A service of the line's directory as it travels (hub import, a maintainer's edit): the
 * import's own rules, except that any well-formed theme code passes — the line's taxonomy is
 * the workstations' business, not the hub's.
 */
const anyThemeCode = { has: (code: string) => THEME_CODE_PATTERN.test(code) } as ReadonlySet<string>;
export const serviceWire = makeServiceSchema(anyThemeCode);

export const changeWire = z.discriminatedUnion('kind', [
  z.strictObject({ id: uuid, kind: z.literal('note'), note: noteWire }),
  z.strictObject({ id: uuid, kind: z.literal('callFacts'), callId: z.string().min(1).max(64), facts: callFactsWire }),
  z.strictObject({ id: uuid, kind: z.literal('callback'), callbackId: uuid, op: callbackOpWire }),
  z.strictObject({ id: uuid, kind: z.literal('service'), service: serviceWire }),
  z.strictObject({ id: uuid, kind: z.literal('handover'), handover: handoverWire }),
  z.strictObject({ id: uuid, kind: z.literal('callerMark'), mark: callerMarkWire }),
]);
export type ChangeWire = z.infer<typeof changeWire>;

export const MAX_CHANGES_PER_PUSH = 500;
export const pushRequest = z.strictObject({ v: version, changes: z.array(changeWire).min(1).max(MAX_CHANGES_PER_PUSH) });

export const pushResult = z.strictObject({
  id: uuid,
  outcome: z.enum(['accepted', 'superseded', 'refused']),
  /** The hub's sequence number of the change (accepted). */
  seq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** A change id seen before: acknowledged with its first outcome, not applied again. */
  duplicate: z.boolean(),
});
export type PushResult = z.infer<typeof pushResult>;
export const pushResponse = z.strictObject({ v: version, results: z.array(pushResult) });

export const pulledItem = z.strictObject({
  seq: z.number().int(),
  /**
   * Any kind, on purpose: a newer hub may send kinds this workstation does not know yet. The
   * page is still read; the sync round stops before such an item and says "update Relais"
   * (src/sync/syncRound.ts) — never refuses the whole page forever, never skips it.
   */
  kind: z.string().min(1).max(40),
  id: z.string(),
  deleted: z.boolean(),
  payload: z.unknown(),
});
export type PulledItem = z.infer<typeof pulledItem>;
export const MAX_PULL_PAGE = 2000;
export const pullResponse = z.strictObject({ v: version, items: z.array(pulledItem), next: z.number().int(), more: z.boolean() });

/** A pulled note: the wire note plus the centre the hub stamped from the writing device. */
export const pulledNote = noteWire.extend({ centre: z.string() });

/** A pulled handover note: the centre the hub stamped from the writing device. */
export const pulledHandover = handoverWire.extend({ centre: z.string() });
/** A pulled caller mark (withdrawn marks arrive as deleted items without payload). */
export const pulledCallerMark = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/), hash: z.string().regex(/^[0-9a-f]{64}$/), sealed: sealedWire, centre: z.string() });

// --- The line's bilan (issue 14: "a supervisor's Relais can fetch it") ----------------------

/**
 * "Bilan de la ligne" asked by a workstation: the hub builds it from every centre's call facts
 * with Relais's report and disclosure-control code (a public one is protected on the hub, the
 * workstation only shows and exports it). The workstation's router lets only supervisors ask.
 */
export const lineReportRequest = z.strictObject({ v: version, from: day, to: day, flavour: z.enum(['internal', 'public']) });
/** The report as its JSON export holds it (schema `relais.report`): an internal one carries the facts. */
export const lineReportResponse = z.strictObject({ v: version, document: reportDocumentSchema });

// --- The line's directory from a maintainer's PC (issue 14: "from Relais's import screen") ---

/** A directory file sent by a maintainer's PC (the router checked the right): preview (dryRun) or apply on the hub. */
export const lineImportRequest = importInput.extend({ v: version, dryRun: z.boolean() });
export const lineImportResponse = z.strictObject({ v: version, diff: importDiffSchema });
