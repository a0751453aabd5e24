// What the router hands every handler beside its input and the services. A leaf below the
// domain modules, so that they (the audit rules, for one) can name it without importing handlers.

/** Who runs the operation, resolved once by the router after it checked the role (issue 13). */
export interface Actor {
  profileId: string;
  displayName: string;
  centre: string;
  role: 'responder' | 'supervisor';
}

export interface HandlerContext {
  /** The signed-in profile; null for open operations run before sign-in, and for the CLI. */
  readonly actor: Actor | null;
  /**
   * The one write transaction of an audited operation whose handler must first read, parse or
   * download (it is async, so the router cannot wrap it whole): runs `work` in a store
   * transaction with the operation's audit entry written inside it, from `work`'s result. Outside
   * such an operation, `work` just runs.
   */
  auditedWrite<T>(work: () => T): T;
}
