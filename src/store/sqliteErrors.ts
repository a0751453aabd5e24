import { AppError } from '../errors.ts';

// SQLite and file-system failures, translated once into the typed kinds the UI and CLI explain.
export function mapStoreError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new AppError('WrongKey', `The store at ${file} cannot be decrypted with this key: the passphrase or key file does not belong to it, or the file is not a Relais store. Nothing was changed.`, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('CorruptStore', `The store at ${file} is damaged (${code}). Restore the latest backup.`, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('ReadOnly', `The data folder is read-only or not writable by this user (${file}).`, undefined, { cause: e });
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DiskFull', `The disk holding ${file} is full: free some space, nothing more can be saved until then.`, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('AlreadyRunning', `The store at ${file} is in use by another Relais process.`, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('StoreMissing', `The store file cannot be opened (${file}).`, undefined, { cause: e });
  }
  return new AppError('Internal', `Unexpected store error (${code || 'unknown'}) on ${file}.`, undefined, { cause: e });
}
