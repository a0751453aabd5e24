import { hubMigration001 } from './001_hub.ts';
import { hubMigration002 } from './002_purge.ts';
import type { HubMigration } from './types.ts';

// Forward-only, in order. Never edit a migration that has shipped: add the next number.
export const hubMigrations: readonly HubMigration[] = [hubMigration001, hubMigration002];
