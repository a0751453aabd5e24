import { z } from 'zod';

// What an export operation answers (issue 13, point 7): main wrote the file itself (a save dialog
// in the app), so the renderer gets where it went — never the bytes. `savedTo` null: the user
// cancelled the dialog and nothing was written.
export const savedFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  savedTo: z.string().nullable(),
  /** The file's size in bytes. */
  bytes: z.number().int().min(0),
});
export type SavedFile = z.infer<typeof savedFileSchema>;
