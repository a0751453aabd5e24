import { AppError } from '../errors.ts';
import type { FileToSave } from '../services/fileSaver.ts';
import type { Services } from '../services/services.ts';

// Every export operation ends here: main writes the file through the shell's saver (the save
// dialog in the app) and answers where it went; the bytes never travel to the renderer.
export async function saveExport(s: Services, file: FileToSave): Promise<{ fileName: string; mimeType: string; savedTo: string | null; bytes: number }> {
  if (!s.saveFile) throw new AppError('Conflict', 'export.noSaver');
  const savedTo = await s.saveFile(file);
  return { fileName: file.fileName, mimeType: file.mimeType, savedTo, bytes: file.bytes.length };
}
