import type { Migration } from './types.ts';

// Keeping the directory true (issue 17).
// - situation_lexicon: the editable situation lexicon (callers' phrases → themes and keywords)
//   that search uses; empty = the lexicon shipped with Relais. It travels with the directory in
//   the feed bundle (and through the hub).
// - reachability_notes.kind: a note says the service could not be reached (`unreachable`,
//   counted on result rows, in the "to verify" list and the barometer), records a verification
//   (`verified`, with the maintainer's optional note), or is plain information (`note`; every
//   note written before this migration).
// - profiles.directory_maintainer: the right to edit, verify and deactivate services and to
//   edit the lexicon, held by supervisors only (given by a supervisor or with relais-admin).
export const migration010: Migration = {
  version: 10,
  name: 'directory_upkeep',
  up(db) {
    db.exec(`
      CREATE TABLE situation_lexicon (
        id          INTEGER PRIMARY KEY,
        phrase      TEXT NOT NULL CHECK (length(phrase) BETWEEN 2 AND 120),
        lang        TEXT NOT NULL CHECK (lang IN ('fr', 'nl', 'en')),
        themes      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(themes) AND json_type(themes) = 'array'),
        keywords    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords) AND json_type(keywords) = 'array'),
        UNIQUE (lang, phrase)
      ) STRICT;

      ALTER TABLE reachability_notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'unreachable', 'verified'));
      CREATE INDEX reachability_notes_unreachable ON reachability_notes(created_at, service_id) WHERE kind = 'unreachable';

      ALTER TABLE profiles ADD COLUMN directory_maintainer INTEGER NOT NULL DEFAULT 0 CHECK (directory_maintainer IN (0, 1));
    `);
  },
};
