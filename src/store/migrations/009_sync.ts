import type { Migration } from './types.ts';

// The transactional outbox is filled by triggers (issue 14): whichever code closes a call or
// writes a reachability note, the outbox row is written by SQLite inside that very
// transaction — and only while this PC is joined to a hub. The row names what changed; the
// push reads the current facts then (a call reopened and closed again is sent as it stands,
// and replaces its facts on the hub).
export const UUID_SQL = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

export const migration009: Migration = {
  version: 9,
  name: 'sync outbox triggers',
  up(db) {
    db.exec(`
      CREATE TRIGGER reachability_notes_uid AFTER INSERT ON reachability_notes WHEN new.uid IS NULL BEGIN
        UPDATE reachability_notes SET uid = ${UUID_SQL} WHERE id = new.id;
      END;

      CREATE TRIGGER sync_outbox_note AFTER INSERT ON reachability_notes
      WHEN new.origin = 'local' AND EXISTS (SELECT 1 FROM hub_link) BEGIN
        INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at)
        VALUES (${UUID_SQL}, 'note', CAST(new.id AS TEXT), '{}', new.created_at);
      END;

      CREATE TRIGGER sync_outbox_call_closed AFTER UPDATE OF status ON calls
      WHEN new.status = 'closed' AND old.status <> 'closed' AND EXISTS (SELECT 1 FROM hub_link) BEGIN
        INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at)
        VALUES (${UUID_SQL}, 'callFacts', new.id, '{}', coalesce(new.closed_at, new.updated_at));
      END;
    `);
  },
};
