// Typed error kinds. Domain code throws AppError with one of these codes; the router maps
// them (and anything unexpected, as Internal) to `{ok:false,error}` once, at the boundary.
export const ERROR_CODES = [
  'InvalidInput',
  'UnknownOperation',
  'Forbidden',
  'StoreLocked',
  'Locked',
  'TooManyAttempts',
  'StoreMissing',
  'StoreExists',
  'WrongKey',
  'KeyFileMissing',
  'KeyBackendChanged',
  'CorruptStore',
  'ReadOnly',
  'DiskFull',
  'AlreadyRunning',
  'NotFound',
  'Conflict',
  'FileRejected',
  /** config.json cannot be read or names no usable data folder: no store is opened or created elsewhere. */
  'ConfigInvalid',
  /** The data folder (or a file in it) belongs to another OS account. */
  'WrongAccount',
  'Internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** Dotted path to the offending field, e.g. `notes.3.text` or `row 12.email`. */
  path: string;
  message: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = code;
    this.code = code;
    this.issues = issues;
  }

  toPayload(): ErrorPayload {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
