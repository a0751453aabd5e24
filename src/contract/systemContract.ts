import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';
import { operation } from './operation.ts';

export const errorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  reason: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string(), rule: z.string().optional(), limit: z.number().optional() })).optional(),
});

export const storeStatusSchema = z.object({
  state: z.enum(['uninitialised', 'locked', 'open', 'blocked']),
  dataDir: z.string(),
  storeId: z.string().nullable(),
  problem: errorPayloadSchema.nullable(),
  keystore: z.object({ available: z.boolean(), backend: z.string().nullable(), note: z.string().nullable() }),
});
export type StoreStatusView = z.infer<typeof storeStatusSchema>;

// Passphrases are bounded so a hostile payload cannot make scrypt hash megabytes.
const passphrase = z.string().min(1).max(1024);

export const systemContract = {
  'app.info': operation({
    summary: 'Versions, platform and data folder, for the About screen and support calls.',
    access: 'open',
    whileLocked: true,
    input: z.strictObject({}),
    output: z.object({
      appVersion: z.string(),
      runtime: z.string(),
      platform: z.string(),
      dataDir: z.string(),
      shell: z.enum(['electron', 'harness', 'cli']),
    }),
  }),
  'store.status': operation({
    summary: 'Whether a store exists and is open, and why it could not be opened automatically.',
    access: 'open',
    whileLocked: true,
    input: z.strictObject({}),
    output: storeStatusSchema,
  }),
  'store.init': operation({
    summary: 'First run: create the encrypted store, guarded by a recovery passphrase.',
    access: 'open',
    input: z.strictObject({ passphrase }),
    output: storeStatusSchema,
  }),
  'store.unlock': operation({
    summary: 'Open the store with the recovery passphrase.',
    access: 'open',
    input: z.strictObject({ passphrase }),
    output: storeStatusSchema,
  }),
};
