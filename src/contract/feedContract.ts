import { z } from 'zod';
import { operation } from './operation.ts';

/** Any signed-in profile (issue 8). */
const SIGNED_IN = ['responder', 'supervisor'] as const;

// The published directory feed on a workstation (issue 9): is a newer bundle available and
// what would it change ("directory update available: +12 / ~30 / −2"), then apply it. The
// location and the trusted public key come from the machine configuration, never from the UI.
// No runtime import from feed/ here: the preload bundles this file.

const counts = z.object({ added: z.number(), changed: z.number(), removed: z.number(), unchanged: z.number(), rejected: z.number() });

export const feedReportSchema = z.object({
  state: z.enum(['not-configured', 'unavailable', 'refused', 'up-to-date', 'update-available', 'applied']),
  location: z.string().nullable(),
  checkedAt: z.string(),
  appliedVersion: z.number().nullable(),
  available: z
    .object({
      version: z.number(),
      publishedAt: z.string(),
      publisher: z.string().nullable(),
      format: z.enum(['hsds', 'csv']),
      fileName: z.string(),
      bytes: z.number(),
      sha256: z.string(),
      signature: z.enum(['verified', 'unsigned', 'not-checked']),
      keyFingerprint: z.string().nullable(),
    })
    .nullable(),
  counts: counts.nullable(),
  summary: z.string(),
  problem: z.string().nullable(),
});

export const feedContract = {
  'feed.check': operation({
    summary: 'Read and verify the published directory bundle and show what applying it would change, without writing anything.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: feedReportSchema,
  }),
  'feed.apply': operation({
    summary: 'Verify the published bundle again and apply it in one transaction; `expectedVersion` (from feed.check) refuses a bundle that changed meanwhile.',
    access: SIGNED_IN,
    input: z.strictObject({ expectedVersion: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional() }),
    output: feedReportSchema,
  }),
};
