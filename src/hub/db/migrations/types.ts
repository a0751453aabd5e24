/** A forward-only hub migration: plain PostgreSQL that runs the same on PGlite. */
export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}
