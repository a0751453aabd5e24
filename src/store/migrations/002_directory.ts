import type { Migration } from './types.ts';

// The service directory (issue 4). List fields (themes, keywords, communes_served, languages)
// are JSON arrays of strings in TEXT columns: a service is read and written as one row, which
// keeps "list all" (export, building the search index) a single table scan with no joins.
// Reachability notes and supervisor-added taxonomy entries have their own tables; `synonyms`
// holds the search engine's editable synonym groups (one row per term of a group).
export const migration002: Migration = {
  version: 2,
  name: 'directory',
  up(db) {
    db.exec(`
      CREATE TABLE services (
        id                   TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
        name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        alternate_name       TEXT,
        organization         TEXT,
        description          TEXT,
        themes               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(themes) AND json_type(themes) = 'array'),
        keywords             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords) AND json_type(keywords) = 'array'),
        communes_served      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(communes_served) AND json_type(communes_served) = 'array'),
        address              TEXT,
        postcode             TEXT,
        commune              TEXT,
        phone                TEXT,
        email                TEXT,
        website              TEXT,
        hours                TEXT,
        languages            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array'),
        audience             TEXT,
        access_conditions    TEXT,
        professional_contact TEXT,
        last_verified        TEXT CHECK (last_verified IS NULL OR last_verified GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reachability_notes (
        id          INTEGER PRIMARY KEY,
        service_id  TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        responder   TEXT NOT NULL CHECK (length(responder) BETWEEN 1 AND 100),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reachability_notes_by_service ON reachability_notes(service_id, created_at);

      CREATE TABLE taxonomy_additions (
        code        TEXT PRIMARY KEY CHECK (length(code) BETWEEN 2 AND 40),
        label_fr    TEXT NOT NULL CHECK (length(label_fr) BETWEEN 1 AND 120),
        label_nl    TEXT NOT NULL CHECK (length(label_nl) BETWEEN 1 AND 120),
        label_en    TEXT NOT NULL CHECK (length(label_en) BETWEEN 1 AND 120),
        created_by  TEXT,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE synonyms (
        group_id  INTEGER NOT NULL,
        term      TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 100),
        PRIMARY KEY (group_id, term)
      ) STRICT;
      CREATE INDEX synonyms_by_term ON synonyms(term);
    `);
  },
};
