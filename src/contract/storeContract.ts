import { z } from 'zod';
import { operation } from './operation.ts';
import { storeStatusSchema } from './systemContract.ts';

/** Any signed-in profile (issue 8). */
const SIGNED_IN = ['responder', 'supervisor'] as const;
/** The recovery screen's operations (issue 12): open while the store is locked, absent or damaged; a supervisor's act once it is open. */
const RECOVERY = { openWhile: 'storeNotOpen', otherwise: ['supervisor'] } as const;

// The recovery screen and the "back up now" button: encrypted backups, restore, passphrase change.

// No runtime import from store/ here: the preload bundles the contract (operation names).
// Same list as BACKUP_REASONS in store/backup.ts; the handler map's types catch a drift.
const BACKUP_REASONS = ['manual', 'daily', 'quit', 'before-restore'] as const;
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

// Bounded so a hostile payload cannot make scrypt hash megabytes.
const passphrase = z.string().min(1).max(1024);
const backupFile = z
  .string()
  .min(1)
  .max(4096)
  .refine((f) => ABSOLUTE_PATH.test(f) && f.endsWith('.relaisbak') && !f.includes('\0'), 'an absolute path to a .relaisbak file');

const backupInfoSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  storeId: z.string(),
  schemaVersion: z.number(),
  bytes: z.number(),
});

const backupEntrySchema = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number(),
  createdAt: z.string().nullable(),
  reason: z.enum(BACKUP_REASONS).nullable(),
  storeId: z.string().nullable(),
  schemaVersion: z.number().nullable(),
  automatic: z.boolean(),
  valid: z.boolean(),
  problem: z.string().nullable(),
});

export const storeContract = {
  'store.backupNow': operation({
    summary: 'Write an encrypted, verified backup into the backup folder now (never pruned).',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: backupInfoSchema,
  }),
  'store.listBackups': operation({
    summary: 'The backups in the backup folder, newest first, for the recovery screen.',
    access: RECOVERY,
    input: z.strictObject({}),
    output: z.object({ folder: z.string(), keep: z.number(), backups: z.array(backupEntrySchema) }),
  }),
  'store.verifyBackup': operation({
    summary: 'Check a backup file with its recovery passphrase (key, checksum, integrity) without restoring it.',
    access: RECOVERY,
    input: z.strictObject({ file: backupFile, passphrase }),
    output: z.object({ file: z.string(), storeId: z.string(), createdAt: z.string(), schemaVersion: z.number() }),
  }),
  'store.restoreBackup': operation({
    summary: 'Restore a backup with its recovery passphrase, then open it. An existing store needs force and is moved aside, never deleted.',
    access: RECOVERY,
    input: z.strictObject({ file: backupFile, passphrase, force: z.boolean().default(false) }),
    output: z.object({
      restoredFrom: z.string(),
      createdAt: z.string(),
      replacedDir: z.string().nullable(),
      status: storeStatusSchema,
      /** The backup opens with another recovery passphrase than the store it replaced (null: nothing replaced). */
      passphraseChanged: z.boolean().nullable(),
    }),
  }),
  'store.changePassphrase': operation({
    summary: 'Replace the recovery passphrase; earlier backups keep opening with the old one.',
    access: ['supervisor'] as const,
    input: z.strictObject({ oldPassphrase: passphrase, newPassphrase: passphrase }),
    output: z.object({ changed: z.literal(true) }),
  }),
};
