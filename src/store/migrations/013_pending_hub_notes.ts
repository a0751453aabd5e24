import type { Migration } from './types.ts';

// A reachability note pulled from the hub about a service this PC does not have yet (issue 14):
// a service added on another PC's local import, or arriving on a later pull page, or through
// the feed. The note used to be skipped for good (the cursor had moved past it). It now waits
// in sync_pending_notes and a trigger moves it into reachability_notes in the very transaction
// that adds the service, whichever path adds it (hub pull, import, feed). It keeps its origin
// 'hub', so it is never sent back. A note of a service that never arrives stays here, unseen.
export const migration013: Migration = {
  version: 13,
  name: 'pending reachability notes from the hub',
  up(db) {
    db.exec(`
      CREATE TABLE sync_pending_notes (
        uid         TEXT PRIMARY KEY,
        service_id  TEXT NOT NULL,
        text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        responder   TEXT NOT NULL CHECK (length(responder) BETWEEN 1 AND 100),
        created_at  TEXT NOT NULL,
        centre      TEXT,
        kind        TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'unreachable', 'verified'))
      ) STRICT;
      CREATE INDEX sync_pending_notes_by_service ON sync_pending_notes(service_id);

      CREATE TRIGGER sync_pending_notes_arrive AFTER INSERT ON services
      WHEN EXISTS (SELECT 1 FROM sync_pending_notes WHERE service_id = new.id) BEGIN
        INSERT INTO reachability_notes (service_id, text, responder, created_at, uid, centre, origin, kind)
          SELECT p.service_id, p.text, p.responder, p.created_at, p.uid, p.centre, 'hub', p.kind FROM sync_pending_notes p
          WHERE p.service_id = new.id AND NOT EXISTS (SELECT 1 FROM reachability_notes n WHERE n.uid = p.uid);
        DELETE FROM sync_pending_notes WHERE service_id = new.id;
      END;
    `);
  },
};
