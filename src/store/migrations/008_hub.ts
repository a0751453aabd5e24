import type { Migration } from './types.ts';

// The workstation's side of the line's hub (issue 14), all inside the encrypted store:
// - hub_link: the one hub this PC is joined to, its device token and the line key (never in a
//   plaintext config file), the pull cursor and the sync facts hub.status reports;
// - sync_outbox: the transactional outbox — a change to shared data is written here in the same
//   transaction as the change itself, with a client-generated change id, until the hub
//   acknowledges it;
// - reachability_notes learn a stable id shared by every workstation (uid), the author's centre
//   and where the note came from (typed here, or pulled from the hub).
export const migration008: Migration = {
  version: 8,
  name: 'hub link, outbox, shared reachability notes',
  up(db) {
    db.exec(`
      CREATE TABLE hub_link (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        url             TEXT NOT NULL,
        hub_id          TEXT NOT NULL,
        device_id       TEXT NOT NULL,
        device_name     TEXT NOT NULL,
        centre          TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('founder', 'member')),
        token           TEXT NOT NULL,
        line_key        BLOB NOT NULL CHECK (length(line_key) = 32),
        line_key_id     TEXT NOT NULL,
        joined_at       TEXT NOT NULL,
        joined_by       TEXT,
        cursor          INTEGER NOT NULL DEFAULT 0,
        last_sync_at    TEXT,
        last_attempt_at TEXT,
        offline_since   TEXT,
        last_error      TEXT,
        failures        INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE sync_outbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id  TEXT NOT NULL UNIQUE,
        kind       TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        payload    TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE reachability_notes ADD COLUMN uid TEXT;
      ALTER TABLE reachability_notes ADD COLUMN centre TEXT;
      ALTER TABLE reachability_notes ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'hub'));
      UPDATE reachability_notes SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
      CREATE UNIQUE INDEX reachability_notes_uid ON reachability_notes(uid);
    `);
  },
};
