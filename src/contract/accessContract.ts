import { z } from 'zod';
import { profileIdSchema } from './callSchemas.ts';
import { operation } from './operation.ts';
import { PIN_RULE } from './pinRule.ts';
import { savedFileSchema } from './savedFile.ts';

// Access on shared centre PCs (issue 8): the first supervisor, PIN sign-in, the session lock
// (idle, OS screen lock, by hand) with the growing delay after wrong PINs, profile
// management by supervisors, the audit log and the retention policy.

export { PIN_RULE };
const pin = z.string().regex(PIN_RULE, 'a PIN of 6 to 12 digits');
/** A supervisor's passphrase: at least 12 characters, like the store's recovery passphrase. */
export const SUPERVISOR_PASSPHRASE_MIN = 12;
const supervisorPassphrase = z.string().min(SUPERVISOR_PASSPHRASE_MIN, `at least ${SUPERVISOR_PASSPHRASE_MIN} characters`).max(256);
/** What unlock and sign-in accept: a PIN or a passphrase, bounded (scrypt never hashes megabytes). */
export const secretSchema = z.string().min(1).max(256);
const name = z.string().trim().min(1, 'a name is needed').max(80);
const centre = z.string().trim().min(1, 'a partner centre is needed').max(120);

export const accessStatusSchema = z.object({
  /** The store is open and no supervisor exists yet: the first-run flow creates one. */
  needsFirstSupervisor: z.boolean(),
  profile: z.object({ id: z.string(), displayName: z.string(), centre: z.string(), role: z.enum(['responder', 'supervisor']) }).nullable(),
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  lockReason: z.enum(['idle', 'os', 'manual']).nullable(),
  /** Wrong secrets in a row for the locked (or signing-in) profile. */
  failedAttempts: z.number(),
  /** Before this instant (main's clock) no attempt is checked: the growing delay. */
  retryAt: z.string().nullable(),
  idleLockMinutes: z.number(),
  now: z.string(),
});
export type AccessStatus = z.infer<typeof accessStatusSchema>;

export const adminProfileSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  centre: z.string(),
  role: z.enum(['responder', 'supervisor']),
  hasPin: z.boolean(),
  active: z.boolean(),
  /** Holds the directory maintainer right (issue 17; supervisors only). */
  maintainer: z.boolean(),
  failedAttempts: z.number(),
  createdAt: z.string(),
  lastSignedInAt: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  profileId: z.string().nullable(),
  actor: z.string(),
  role: z.enum(['responder', 'supervisor']).nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

const purgeStepSchema = z.object({ step: z.string(), description: z.string(), count: z.number(), oldest: z.string().nullable(), rule: z.string() });
export const purgeReportSchema = z.object({ at: z.string(), dryRun: z.boolean(), steps: z.array(purgeStepSchema), total: z.number() });

export const retentionSchema = z.object({
  notesRetentionMonths: z.number(),
  notesRetentionMaxMonths: z.number(),
  callbackNumberRetentionDays: z.number(),
  callbackNumberRetentionMaxDays: z.number(),
});

const SUPERVISOR = ['supervisor'] as const;
const SIGNED_IN = ['responder', 'supervisor'] as const;
const isoInstant = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'a date YYYY-MM-DD or an ISO instant');

export const accessContract = {
  'access.status': operation({
    summary: 'Who is signed in, whether the session is locked (and until when wrong PINs delay the next try), whether a first supervisor is needed.',
    access: 'open',
    whileLocked: true,
    input: z.strictObject({}),
    output: accessStatusSchema,
  }),
  'access.createFirstSupervisor': operation({
    summary: 'First run, once the store exists: create the first supervisor (passphrase) and sign in. Open only while the store has no supervisor; refused to everyone after that (profiles are then made in Administration).',
    access: { openWhile: 'noSupervisor', otherwise: [] },
    input: z.strictObject({ displayName: name, centre, passphrase: supervisorPassphrase }),
    output: accessStatusSchema,
  }),
  'access.lock': operation({
    summary: 'Lock the session now; a call in progress goes on (its timer runs in main, its notes are saved).',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: accessStatusSchema,
  }),
  'access.unlock': operation({
    summary: 'Unlock the session with the signed-in profile\'s PIN (or passphrase); wrong ones delay the next try, growing after 5.',
    access: 'open',
    whileLocked: true,
    input: z.strictObject({ secret: secretSchema }),
    output: accessStatusSchema,
  }),
  'access.activity': operation({
    summary: 'The user did something (keys, pointer): the idle-lock countdown starts again.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ lockAt: z.string() }),
  }),
  'profiles.admin.list': operation({
    summary: 'Every profile, disabled ones included, for supervisors.',
    access: SUPERVISOR,
    input: z.strictObject({}),
    output: z.object({ profiles: z.array(adminProfileSchema) }),
  }),
  'profiles.admin.create': operation({
    summary: 'Create a responder profile with its PIN (6 digits or more).',
    access: SUPERVISOR,
    input: z.strictObject({ displayName: name, centre, pin }),
    output: adminProfileSchema,
  }),
  'profiles.admin.setActive': operation({
    summary: 'Disable or enable a profile (its calls stay; a disabled profile cannot sign in). Not oneself.',
    access: SUPERVISOR,
    input: z.strictObject({ profileId: profileIdSchema, active: z.boolean() }),
    output: adminProfileSchema,
  }),
  'profiles.admin.resetPin': operation({
    summary: 'Give a responder profile a new PIN (and clear its wrong attempts).',
    access: SUPERVISOR,
    input: z.strictObject({ profileId: profileIdSchema, pin }),
    output: adminProfileSchema,
  }),
  'audit.list': operation({
    summary: 'The audit log, newest first: who did what, when (no call content, no phone numbers).',
    access: SUPERVISOR,
    input: z.strictObject({ from: isoInstant.optional(), to: isoInstant.optional(), limit: z.number().int().min(1).max(500).default(100), beforeId: z.number().int().min(1).optional() }),
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number() }),
  }),
  'audit.exportCsv': operation({
    summary: 'The audit log (or a period of it) saved as a CSV file by main (the save dialog; savedTo null when cancelled); a saved export is itself audited.',
    access: SUPERVISOR,
    input: z.strictObject({ from: isoInstant.optional(), to: isoInstant.optional() }),
    output: savedFileSchema.extend({ rows: z.number() }),
  }),
  'retention.get': operation({
    summary: 'The retention policy: notes\' months and callback numbers\' days, each with the machine\'s ceiling.',
    access: SUPERVISOR,
    input: z.strictObject({}),
    output: retentionSchema,
  }),
  'retention.update': operation({
    summary: 'Tighten (or relax up to the machine\'s ceiling) the notes\' retention.',
    access: SUPERVISOR,
    input: z.strictObject({ notesRetentionMonths: z.number().int().min(1).max(120) }),
    output: retentionSchema,
  }),
  'retention.preview': operation({
    summary: 'Dry run of the purge: what each step would erase now, nothing changed.',
    access: SUPERVISOR,
    input: z.strictObject({}),
    output: purgeReportSchema,
  }),
  'retention.apply': operation({
    summary: 'Apply the purge now (the app also does it hourly); audited with counts only.',
    access: SUPERVISOR,
    input: z.strictObject({}),
    output: purgeReportSchema,
  }),
};
