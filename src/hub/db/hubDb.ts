// The hub's one query interface, the same over a real PostgreSQL (pg) and the embedded PGlite.
// Domain code in src/hub writes plain PostgreSQL with $1 parameters and never learns which
// engine runs it; the migrations and every query are the same on both.

export interface HubSql {
  /** Runs one statement and returns its rows. */
  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type HubEngine = 'postgres' | 'pglite';

export interface HubDb extends HubSql {
  readonly engine: HubEngine;
  /**
   * Runs `fn` in one transaction (READ COMMITTED): committed when it resolves, rolled back when
   * it throws. Statements inside must go through the given `tx`, never through the HubDb.
   */
  transaction<T>(fn: (tx: HubSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the hub's data lives: a PGlite folder (embedded default) or a PostgreSQL URL. */
export type HubLocation = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export async function openHubDb(location: HubLocation): Promise<HubDb> {
  if (location.kind === 'postgres') {
    const { openPostgres } = await import('./postgresDb.ts');
    return openPostgres(location.url);
  }
  const { openPglite } = await import('./pgliteDb.ts');
  return openPglite(location.dataDir);
}

/** Describes a location for logs and status without its password. */
export function describeLocation(location: HubLocation): string {
  if (location.kind === 'pglite') return `PGlite in ${location.dataDir}`;
  try {
    const u = new URL(location.url);
    if (u.password) u.password = '***';
    return `PostgreSQL at ${u.toString()}`;
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
}
