import { UUID_SQL } from './009_sync.ts';
import type { Migration } from './types.ts';

// Handover notes and repeat callers across centres (issue 15, points 6–7).
// - handover_notes learn a uid shared by every workstation; a note written here enters the
//   outbox in its own transaction (while this PC is joined to a hub) and travels sealed under
//   the line key.
// - shared_handover_notes: the notes other centres' workstations left, opened on arrival (this
//   store is encrypted; the hub only ever held them sealed).
// - calls.know_that: the optional "à savoir" line for whoever meets this caller next.
// - shared_caller_marks: one mark per pseudonymous call of the line, as the hub holds it — the
//   keyed hash of the pseudonym in clear (to match), date, themes and "à savoir" sealed. Kept
//   sealed here too: only the marks of a pseudonym being typed are opened.
// - a call closed with a pseudonym enters the outbox as a caller mark (its mark is sent, or
//   replaced after a reopen); a pseudonym erased after the call (the record edited after a
//   reopen, or the retention purge) enters it as a withdrawal, removed from the hub and every
//   workstation. A withdrawal of a mark never sent is a no-op on the hub; during the call
//   itself nothing is queued.
export const migration012: Migration = {
  version: 12,
  name: 'shared handover notes, caller marks, à savoir',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN know_that TEXT CHECK (know_that IS NULL OR length(know_that) <= 200);

      ALTER TABLE handover_notes ADD COLUMN uid TEXT;
      UPDATE handover_notes SET uid = ${UUID_SQL};
      CREATE UNIQUE INDEX handover_notes_uid ON handover_notes(uid);

      CREATE TRIGGER handover_notes_uid AFTER INSERT ON handover_notes WHEN new.uid IS NULL BEGIN
        UPDATE handover_notes SET uid = ${UUID_SQL} WHERE id = new.id;
      END;

      CREATE TRIGGER sync_outbox_handover AFTER INSERT ON handover_notes
      WHEN EXISTS (SELECT 1 FROM hub_link) BEGIN
        INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at)
        VALUES (${UUID_SQL}, 'handover', CAST(new.id AS TEXT), '{}', new.created_at);
      END;

      CREATE TABLE shared_handover_notes (
        uid          TEXT PRIMARY KEY,
        day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        text         TEXT NOT NULL,
        author       TEXT NOT NULL,
        centre       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        received_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX shared_handover_notes_by_day ON shared_handover_notes(day, created_at);

      CREATE TABLE shared_caller_marks (
        id           TEXT PRIMARY KEY,
        hash         TEXT NOT NULL,
        centre       TEXT NOT NULL,
        sealed       TEXT NOT NULL,
        received_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX shared_caller_marks_hash ON shared_caller_marks(hash);

      CREATE TRIGGER sync_outbox_caller_mark AFTER UPDATE OF status ON calls
      WHEN new.status = 'closed' AND old.status <> 'closed' AND new.pseudonym IS NOT NULL AND EXISTS (SELECT 1 FROM hub_link) BEGIN
        INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at)
        VALUES (${UUID_SQL}, 'callerMark', new.id, '{}', coalesce(new.closed_at, new.updated_at));
      END;

      CREATE TRIGGER sync_outbox_caller_mark_erased AFTER UPDATE OF pseudonym ON calls
      WHEN old.pseudonym IS NOT NULL AND new.pseudonym IS NULL AND new.status <> 'active' AND EXISTS (SELECT 1 FROM hub_link) BEGIN
        INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at)
        VALUES (${UUID_SQL}, 'callerMark', new.id, '{}', coalesce(new.closed_at, new.updated_at));
      END;
    `);
  },
};
