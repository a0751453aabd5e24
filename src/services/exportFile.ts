import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { writeFileAtomic } from '../store/atomicWrite.ts';
import type { FileSaver } from './fileSaver.ts';

// Writing an export where the user (or the shell) said: the whole file or nothing (write, fsync,
// rename), and a failure said as a reason the UI translates — a full disk, a read-only share or
// a folder that vanished are the user's to fix, never a crash.

export function writeExportFile(file: string, bytes: Uint8Array): string {
  const target = path.resolve(file);
  try {
    writeFileAtomic(target, bytes, 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new AppError(code === 'ENOSPC' ? 'DiskFull' : 'ReadOnly', 'export.cannotWrite', { file: target, detail: code }, undefined, { cause: e });
  }
  return target;
}

/** A free name for `fileName` in `dir`: "bilan.pdf", then "bilan (2).pdf", … (an earlier export is never overwritten). */
function freeNameIn(dir: string, fileName: string): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? fileName : `${stem} (${n})${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** Saves every export into one folder under its suggested name, without asking (the harness's and unit tests' saver). */
export function folderFileSaver(dir: string): FileSaver {
  return async (file) => writeExportFile(freeNameIn(dir, path.basename(file.fileName)), file.bytes);
}
