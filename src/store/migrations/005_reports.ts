import type { Migration } from './types.ts';

// Reports (issue 7).
// - report_quotes: excerpts of notes flagged "may be quoted" that a supervisor approved for
//   reports, already anonymised (the identifying-data detector found nothing in `text` when it
//   was approved), one per call and theme. Only approved excerpts are stored: a candidate is a
//   call with may_quote = 1, read from the call itself.
// - handover_notes: what a shift leaves for the next one (shift summary); never published.
// - calls_for_reports: a covering index over what the period report reads of a call, in
//   started_at order, so a report reads this index once instead of the whole calls table
//   (the store is encrypted: fewer pages read is fewer pages decrypted).
export const migration005: Migration = {
  version: 5,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE report_quotes (
        id           INTEGER PRIMARY KEY,
        call_id      TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        theme_code   TEXT NOT NULL CHECK (length(theme_code) BETWEEN 2 AND 40),
        text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
        approved_by  TEXT NOT NULL REFERENCES profiles(id),
        approved_at  TEXT NOT NULL,
        UNIQUE (call_id, theme_code)
      ) STRICT;

      CREATE TABLE handover_notes (
        id                 INTEGER PRIMARY KEY,
        day                TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        text               TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        author_profile_id  TEXT NOT NULL REFERENCES profiles(id),
        created_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX handover_notes_by_day ON handover_notes(day, created_at);

      CREATE INDEX calls_for_reports ON calls(
        started_at, status, id, profile_id, duration_ms, caller_type, language, interpreter, commune,
        caller_history, heard_from, resolution, (unmet_need IS NOT NULL)
      );
    `);
  },
};
