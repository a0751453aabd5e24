import type { Migration } from './types.ts';

// Access and audit (issue 8).
// - profiles gain what sign-in and the PIN delay need: `pin_hash` (migration 003) now holds a
//   self-describing slow hash (`scrypt$N$r$p$salt$hash`, never a PIN); `failed_attempts` and
//   `last_failed_at` drive the growing delay after wrong PINs (kept in the store, so a restart
//   does not reset it); `disabled_at` records when a supervisor disabled a profile.
// - audit_log: append-only (triggers RAISE on UPDATE and DELETE). Who, what, when and a small
//   JSON detail of counts, formats and flags: never call content, names of callers or numbers.
export const migration006: Migration = {
  version: 6,
  name: 'access',
  up(db) {
    db.exec(`
      ALTER TABLE profiles ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);
      ALTER TABLE profiles ADD COLUMN last_failed_at TEXT;
      ALTER TABLE profiles ADD COLUMN disabled_at TEXT;

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        profile_id  TEXT CHECK (profile_id IS NULL OR length(profile_id) = 36),
        actor       TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
        role        TEXT CHECK (role IS NULL OR role IN ('responder', 'supervisor')),
        action      TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
        detail      TEXT NOT NULL DEFAULT '{}' CHECK (length(detail) <= 2000 AND json_valid(detail))
      ) STRICT;
      CREATE INDEX audit_log_by_time ON audit_log(at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
    `);
  },
};
