import type { Migration } from './types.ts';

// Responder profiles and calls (issue 5).
// - profiles: a display name and a partner centre; `pin_hash` is reserved for the access issue
//   (a salted KDF hash, never a PIN) and stays NULL until then.
// - calls: one row per call with the timer's anchor (started_at, ended_at) and the anonymous
//   record's single-valued fields; holds are intervals in call_holds, so the elapsed time is
//   always computed from the clock, never carried by a renderer timer (a crash loses nothing).
// - themes, interventions and referrals in their own tables: history filters and reports
//   count them with plain joins.
// - call_notes: timed entries (call-relative offset + wall clock); call_notes_fts indexes
//   their text for the history's full-text search (external content, kept by triggers).
export const migration003: Migration = {
  version: 3,
  name: 'calls',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        id                 TEXT PRIMARY KEY CHECK (length(id) = 36),
        display_name       TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
        centre             TEXT NOT NULL CHECK (length(centre) BETWEEN 1 AND 120),
        role               TEXT NOT NULL DEFAULT 'responder' CHECK (role IN ('responder', 'supervisor')),
        pin_hash           TEXT,
        active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at         TEXT NOT NULL,
        last_signed_in_at  TEXT
      ) STRICT;
      CREATE UNIQUE INDEX profiles_unique_name ON profiles(display_name COLLATE NOCASE, centre COLLATE NOCASE);

      CREATE TABLE calls (
        id                TEXT PRIMARY KEY CHECK (length(id) = 36),
        profile_id        TEXT NOT NULL REFERENCES profiles(id),
        status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'closed')),
        started_at        TEXT NOT NULL,
        ended_at          TEXT,
        duration_ms       INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
        closed_at         TEXT,
        last_activity_at  TEXT NOT NULL,
        caller_type       TEXT CHECK (caller_type IS NULL OR caller_type IN ('concerned', 'relative', 'professional', 'other')),
        language          TEXT CHECK (language IS NULL OR language IN ('fr', 'nl', 'en', 'ar', 'other')),
        language_other    TEXT CHECK (language_other IS NULL OR length(language_other) <= 60),
        interpreter       INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
        commune           TEXT CHECK (commune IS NULL OR length(commune) <= 40),
        caller_history    TEXT CHECK (caller_history IS NULL OR caller_history IN ('first', 'repeat')),
        pseudonym         TEXT CHECK (pseudonym IS NULL OR length(pseudonym) <= 60),
        heard_from        TEXT CHECK (heard_from IS NULL OR length(heard_from) <= 40),
        heard_from_other  TEXT CHECK (heard_from_other IS NULL OR length(heard_from_other) <= 120),
        resolution        TEXT CHECK (resolution IS NULL OR resolution IN ('resolved', 'partly', 'unresolved')),
        unmet_need        TEXT CHECK (unmet_need IS NULL OR length(unmet_need) <= 2000),
        may_quote         INTEGER NOT NULL DEFAULT 0 CHECK (may_quote IN (0, 1)),
        updated_at        TEXT NOT NULL,
        CHECK ((status = 'active') = (ended_at IS NULL)),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX calls_by_start ON calls(started_at);
      CREATE INDEX calls_by_profile ON calls(profile_id, status, started_at);
      CREATE INDEX calls_by_commune ON calls(commune, started_at);

      CREATE TABLE call_holds (
        call_id     TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        started_at  TEXT NOT NULL,
        ended_at    TEXT,
        PRIMARY KEY (call_id, started_at)
      ) STRICT;

      CREATE TABLE call_themes (
        call_id     TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        theme_code  TEXT NOT NULL CHECK (length(theme_code) BETWEEN 2 AND 40),
        position    INTEGER NOT NULL,
        PRIMARY KEY (call_id, theme_code)
      ) STRICT;
      CREATE INDEX call_themes_by_theme ON call_themes(theme_code);

      CREATE TABLE call_interventions (
        call_id  TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        mode     TEXT NOT NULL CHECK (mode IN ('information', 'orientation', 'referral', 'direct_help', 'listening')),
        PRIMARY KEY (call_id, mode)
      ) STRICT;

      CREATE TABLE call_referrals (
        call_id       TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        service_id    TEXT NOT NULL CHECK (length(service_id) BETWEEN 1 AND 100),
        service_name  TEXT NOT NULL CHECK (length(service_name) BETWEEN 1 AND 300),
        contacted     INTEGER NOT NULL CHECK (contacted IN (0, 1)),
        outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('contact_given', 'will_help', 'appointment', 'cannot_help', 'unreachable', 'pending')),
        PRIMARY KEY (call_id, service_id)
      ) STRICT;
      CREATE INDEX call_referrals_by_service ON call_referrals(service_id);

      CREATE TABLE call_notes (
        id          INTEGER PRIMARY KEY,
        call_id     TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        offset_ms   INTEGER NOT NULL CHECK (offset_ms >= 0),
        wall_at     TEXT NOT NULL,
        text        TEXT NOT NULL CHECK (length(text) <= 10000),
        updated_at  TEXT NOT NULL,
        UNIQUE (call_id, seq)
      ) STRICT;

      CREATE VIRTUAL TABLE call_notes_fts USING fts5(
        text, content = 'call_notes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER call_notes_ai AFTER INSERT ON call_notes BEGIN
        INSERT INTO call_notes_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER call_notes_ad AFTER DELETE ON call_notes BEGIN
        INSERT INTO call_notes_fts(call_notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER call_notes_au AFTER UPDATE OF text ON call_notes BEGIN
        INSERT INTO call_notes_fts(call_notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO call_notes_fts(rowid, text) VALUES (new.id, new.text);
      END;
    `);
  },
};
