import { z } from 'zod';

// A directory import's file and the diff it answers, wherever the import runs: this PC
// (directory.importPreview/Apply), the line's directory on the hub (directory.lineImport*) and
// the sync wire between them. A leaf of zod alone, so the hub server loads these two schemas
// without the rest of the directory contract (its findings schema pulls the anonymity guard
// and its name lists).

/** 20 MB of file → at most this many base64 characters. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

export const importInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64-encoded (≤ 20 MB of file). */
  content: z
    .string()
    .min(1)
    .max(MAX_IMPORT_BASE64, 'the file is larger than 20 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected'),
});

const problemSchema = z.object({ row: z.number(), field: z.string(), message: z.string() });
const entrySchema = z.object({ row: z.number(), id: z.string(), name: z.string() });

export const importDiffSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'hsds']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  rows: z.number(),
  /** How each header cell of a flat file was understood (field null = ignored); empty for JSON. */
  columns: z.array(z.object({ column: z.number(), header: z.string(), field: z.string().nullable() })),
  counts: z.object({ added: z.number(), changed: z.number(), unchanged: z.number(), rejected: z.number() }),
  added: z.array(entrySchema),
  changed: z.array(entrySchema.extend({ fields: z.array(z.string()) })),
  unchanged: z.array(entrySchema),
  rejected: z.array(z.object({ row: z.number(), id: z.string().nullable(), problems: z.array(problemSchema) })),
  warnings: z.array(z.object({ field: z.string().nullable(), message: z.string() })),
  applied: z.boolean(),
  /** Demonstration services (fictitious numbers) a real directory removes (preview: would remove). */
  demoRemoved: z.number(),
});
