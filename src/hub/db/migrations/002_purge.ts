import type { HubMigration } from './types.ts';

// The hub's own purge (src/hub/hubPurge.ts) dates a repeat-caller mark by the receipt of the
// change that last wrote it (hub_receipts.received_at, matched on its sequence number).
export const hubMigration002: HubMigration = {
  version: 2,
  name: 'receipts by sequence number (hub purge)',
  sql: `CREATE INDEX hub_receipts_seq ON hub_receipts (seq);`,
};
