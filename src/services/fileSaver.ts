// How an export leaves the app: main writes the file itself (issue 13, point 7). The shell hands
// a saver in through Services: a save dialog in Electron (main/saveDialog.ts), a folder the
// harness chose in journeys, a temporary folder in unit tests, the --out path in the CLI.

export interface FileToSave {
  /** The suggested name (the dialog's default; the file's name in a chosen folder). */
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Saves the file and answers where it went, or null when the user cancelled (nothing written). */
export type FileSaver = (file: FileToSave) => Promise<string | null>;
