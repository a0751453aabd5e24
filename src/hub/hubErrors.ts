/**
 * A request the hub refuses, with the HTTP status the shell answers. Thrown by src/hub, mapped
 * once by hub/server.ts; anything else thrown is a 500 with the detail in the log only.
 */
export class HubRefusal extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429;
  readonly code: string;
  readonly issues: { path: string; message: string }[] | undefined;
  /** The reason of an AppError behind the refusal (kind, key, parameters): sent so the PC can translate it. */
  readonly reason: { code: string; key: string; params?: Record<string, string | number> } | undefined;
  constructor(status: HubRefusal['status'], code: string, message: string, issues?: { path: string; message: string }[], reason?: HubRefusal['reason']) {
    super(message);
    this.name = 'HubRefusal';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.reason = reason;
  }
}
