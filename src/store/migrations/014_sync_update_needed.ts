import type { Migration } from './types.ts';

// A pulled change this Relais does not know (issue 15, protocol v1): the hub speaks a newer
// kind of shared item, or a newer shape of a known one. The pull stops before it — the cursor
// stays there, nothing is skipped — and hub_link.update_needed names what was not understood,
// so the status chip and `relais-admin hub status` say "update Relais" instead of "offline".
// Cleared by the next successful round.
export const migration014: Migration = {
  version: 14,
  name: 'sync: update needed',
  up(db) {
    db.exec(`ALTER TABLE hub_link ADD COLUMN update_needed TEXT CHECK (update_needed IS NULL OR length(update_needed) <= 80);`);
  },
};
