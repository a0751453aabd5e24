import path from 'node:path';
import { app, type BrowserWindow, dialog, type FileFilter, type SaveDialogOptions } from 'electron';
import { writeExportFile } from '../src/services/exportFile.ts';
import type { FileSaver } from '../src/services/fileSaver.ts';

// The app's exports are written by main (issue 13, point 7): the save dialog opens on the Relais
// window, in Documents (or Downloads where a PC has no Documents folder), under the suggested
// name; main writes the bytes there. Cancelled: null, nothing written.

function defaultFolder(): string {
  for (const name of ['documents', 'downloads'] as const) {
    try {
      return app.getPath(name);
    } catch {
      // Not every account has every special folder (a roaming profile without Documents).
    }
  }
  return app.getPath('home');
}

const FILTERS: Record<string, FileFilter> = {
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.xlsx': { name: 'Excel', extensions: ['xlsx'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] },
};

export function electronFileSaver(window: () => BrowserWindow | null): FileSaver {
  return async (file) => {
    const options: SaveDialogOptions = { defaultPath: path.join(defaultFolder(), path.basename(file.fileName)) };
    const filter = FILTERS[path.extname(file.fileName).toLowerCase()];
    if (filter) options.filters = [filter];
    const w = window();
    const answer = w && !w.isDestroyed() ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    if (answer.canceled || !answer.filePath) return null;
    return writeExportFile(answer.filePath, file.bytes);
  };
}
