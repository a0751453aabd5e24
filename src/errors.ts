import { isReasonKey, type ReasonKey, type ReasonParams, reasonText } from './domain/i18n.ts';

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
  /** A backup file (not the live store) is damaged, truncated or inconsistent: choose another one. */
  'BackupDamaged',
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
  // The line's hub (issue 14): not reachable now (offline: work goes on, sync later), or it refused.
  'HubUnreachable',
  'HubRefused',
  'Internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** Dotted path to the offending field, e.g. `notes.3.text` or `row 12.email`. */
  path: string;
  message: string;
  /** What was broken, for a screen to say it in its user's language: zod's issue code and origin ("too_big.string"). */
  rule?: string;
  /** The bound that was crossed (maximum or minimum), when there is one. */
  limit?: number;
}

export interface ErrorPayload {
  code: ErrorCode;
  /** English, for logs, the CLI and as the fallback of a screen. */
  message: string;
  /** The reason key (src/domain/locales/<lang>/reasons.json) a screen translates, with its parameters. */
  reason?: string;
  params?: Record<string, string | number>;
  issues?: ErrorIssue[];
}

/**
 * A failure with a kind (`code`, mapped once by the router) and a reason: a key of
 * reasons.json with its parameters, so each screen shows it in its user's language. The
 * English text of the reason is the Error's message (logs, the CLI). The prose form
 * (`new AppError(code, message, issues)`) only carries a foreign error's own text: the CLI's
 * last-resort Internal, a payload whose reason this build does not know.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly reason: ReasonKey | undefined;
  readonly params: ReasonParams | undefined;

  constructor(code: ErrorCode, reason: ReasonKey, params?: ReasonParams, issues?: ErrorIssue[], options?: { cause?: unknown });
  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[], options?: { cause?: unknown });
  constructor(code: ErrorCode, reasonOrMessage: string, a?: ReasonParams | ErrorIssue[], b?: ErrorIssue[] | { cause?: unknown }, c?: { cause?: unknown }) {
    const keyed = isReasonKey(reasonOrMessage) && !Array.isArray(a);
    const params = keyed ? (a as ReasonParams | undefined) : undefined;
    super(keyed ? reasonText(reasonOrMessage, params) : reasonOrMessage, (keyed ? c : (b as { cause?: unknown } | undefined)));
    this.name = code;
    this.code = code;
    this.reason = keyed ? reasonOrMessage : undefined;
    this.params = params;
    this.issues = keyed ? (b as ErrorIssue[] | undefined) : (a as ErrorIssue[] | undefined);
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.params ? { params: { ...this.params } } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The error a payload describes (sent by a worker thread, or answered by the router), reason and all. */
export function appErrorFrom(p: ErrorPayload): AppError {
  return p.reason && isReasonKey(p.reason) ? new AppError(p.code, p.reason, p.params, p.issues) : new AppError(p.code, p.message, p.issues);
}
