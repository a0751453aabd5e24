import type { Migration } from './types.ts';

// Reports (issue 7).
// - report_quotes: excerpts of notes flagged "may be quoted" that a supervisor approved for
//   reports, already anonymised (the identifying-data detector found nothing in `text` when it
//   was approved), one per call and theme. Only approved excerpts are stored: a candidate is a
//   call with may_quote = 1, read from the call itself.
// - handover_notes: what a shift leaves for the next one (shift summary); never published.
// - calls_for_reports: a covering index over what the period report reads of a call, in call-id
//   order (the order of the child tables' keys, so a report merge-joins them), read instead of
//   the whole calls table (the store is encrypted: fewer pages read, fewer pages decrypted).
// - report_day_facts: the facts of one Brussels day, computed once and reused by every report
//   (a year's report adds up 365 of them instead of re-reading 100,000 calls). Triggers drop a
//   day as soon as anything it counts changes: a call, its themes, interventions, referrals or
//   callbacks (the two UTC dates a Brussels day spans), or the directory (the kind of a referral's
//   service may change: everything goes). Counts only, no call content.
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

      CREATE TABLE report_day_facts (
        day      TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        version  INTEGER NOT NULL,
        facts    TEXT NOT NULL CHECK (json_valid(facts))
      ) STRICT;

      CREATE TRIGGER report_days_call_ai AFTER INSERT ON calls BEGIN
        DELETE FROM report_day_facts WHERE day IN (substr(new.started_at, 1, 10), date(substr(new.started_at, 1, 10), '+1 day'));
      END;
      CREATE TRIGGER report_days_call_au AFTER UPDATE OF status, started_at, profile_id, duration_ms, caller_type, language, interpreter,
          commune, caller_history, heard_from, resolution, unmet_need ON calls BEGIN
        DELETE FROM report_day_facts WHERE day IN (substr(old.started_at, 1, 10), date(substr(old.started_at, 1, 10), '+1 day'),
                                                  substr(new.started_at, 1, 10), date(substr(new.started_at, 1, 10), '+1 day'));
      END;
      CREATE TRIGGER report_days_call_ad AFTER DELETE ON calls BEGIN
        DELETE FROM report_day_facts WHERE day IN (substr(old.started_at, 1, 10), date(substr(old.started_at, 1, 10), '+1 day'));
      END;
    `);
    // The children of a call: any row added, changed or removed drops the call's days.
    // (A callback counts by its status: reminders and snoozes, which touch other columns, keep the days.)
    for (const table of ['call_themes', 'call_interventions', 'call_referrals', 'callbacks']) {
      for (const [when, row] of [
        ['INSERT', 'new'],
        [table === 'callbacks' ? 'UPDATE OF status, call_id' : 'UPDATE', 'new'],
        ['DELETE', 'old'],
      ] as const) {
        db.exec(`
          CREATE TRIGGER report_days_${table}_${when.split(' ')[0]!.toLowerCase()} AFTER ${when} ON ${table} BEGIN
            DELETE FROM report_day_facts WHERE day IN (
              SELECT substr(started_at, 1, 10) FROM calls WHERE id = ${row}.call_id
              UNION SELECT date(substr(started_at, 1, 10), '+1 day') FROM calls WHERE id = ${row}.call_id);
          END;
        `);
      }
    }
    db.exec(`
      CREATE TRIGGER report_days_services_ai AFTER INSERT ON services BEGIN DELETE FROM report_day_facts; END;
      CREATE TRIGGER report_days_services_au AFTER UPDATE ON services BEGIN DELETE FROM report_day_facts; END;
      CREATE TRIGGER report_days_services_ad AFTER DELETE ON services BEGIN DELETE FROM report_day_facts; END;

      CREATE INDEX calls_for_reports ON calls(
        id, started_at, status, profile_id, duration_ms, caller_type, language, interpreter, commune,
        caller_history, heard_from, resolution, (unmet_need IS NOT NULL)
      );
    `);
  },
};
