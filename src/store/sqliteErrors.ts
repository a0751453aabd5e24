import { AppError } from '../errors.ts';

// SQLite and file-system failures, translated once into the typed kinds the UI and CLI explain.
export function mapStoreError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new AppError('WrongKey', 'store.notDecrypted', { file }, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('CorruptStore', 'store.damaged', { file, code }, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('ReadOnly', 'store.readOnly', { file }, undefined, { cause: e });
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DiskFull', 'store.diskFull', { file }, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('AlreadyRunning', 'store.inUse', { file }, undefined, { cause: e });
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('StoreMissing', 'store.cannotOpen', { file }, undefined, { cause: e });
  }
  return new AppError('Internal', 'store.unexpected', { code: code || 'unknown', file }, undefined, { cause: e });
}
