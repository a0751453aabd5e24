import type { Migration } from './types.ts';

// Callbacks (issue 6): consented callbacks and their attempts. Times are UTC ISO-8601 strings
// (`2026-03-29T08:00:00.000Z`), so text order is time order and SQL compares them directly.
//
// The phone number is the only personal data the line keeps: `phone_e164` is NULL once it has
// been deleted (consent withdrawn, or N days after the callback was closed), and
// `number_deleted_at` / `number_deleted_reason` say when and why — never what it was.
// `notified_due_at` is the due time last announced (OS notification, badge), so a reminder is
// announced once per due time and a snoozed or rescheduled one is announced again.
// `calls.callback_outcome` is the call record's side of it: how the call's callback ended
// (reached, unreachable after N failed attempts or a wrong number, consent withdrawn).
export const migration004: Migration = {
  version: 4,
  name: 'callbacks',
  up(db) {
    db.exec(`
      CREATE TABLE callbacks (
        id                    TEXT PRIMARY KEY CHECK (length(id) = 36),
        call_id               TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        phone_e164            TEXT CHECK (phone_e164 IS NULL OR (phone_e164 GLOB '+[1-9]*' AND phone_e164 NOT GLOB '*[^+0-9]*' AND length(phone_e164) BETWEEN 9 AND 16)),
        consent_at            TEXT NOT NULL,
        language              TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'en', 'ar', 'other')),
        reason                TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
        window_start          TEXT NOT NULL,
        window_end            TEXT CHECK (window_end IS NULL OR window_end > window_start),
        due_at                TEXT NOT NULL,
        notified_due_at       TEXT,
        assignee_profile_id   TEXT REFERENCES profiles(id),
        created_by_profile_id TEXT REFERENCES profiles(id),
        status                TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'unreachable', 'withdrawn')),
        failed_attempts       INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        closed_at             TEXT,
        number_deleted_at     TEXT,
        number_deleted_reason TEXT CHECK (number_deleted_reason IS NULL OR number_deleted_reason IN ('retention', 'consent_withdrawn')),
        CHECK ((status = 'pending') = (closed_at IS NULL)),
        CHECK (status <> 'pending' OR phone_e164 IS NOT NULL),
        CHECK ((phone_e164 IS NULL) = (number_deleted_at IS NOT NULL)),
        CHECK ((number_deleted_at IS NULL) = (number_deleted_reason IS NULL))
      ) STRICT;
      CREATE INDEX callbacks_open_by_due ON callbacks(due_at) WHERE status = 'pending';
      CREATE INDEX callbacks_closed_with_number ON callbacks(closed_at) WHERE status <> 'pending' AND phone_e164 IS NOT NULL;
      CREATE INDEX callbacks_by_call ON callbacks(call_id);
      CREATE INDEX callbacks_closed_recent ON callbacks(closed_at) WHERE status <> 'pending';

      CREATE TABLE callback_attempts (
        id            INTEGER PRIMARY KEY,
        callback_id   TEXT NOT NULL REFERENCES callbacks(id) ON DELETE CASCADE,
        result        TEXT NOT NULL CHECK (result IN ('reached', 'no_answer', 'voicemail', 'wrong_number')),
        at            TEXT NOT NULL,
        by_profile_id TEXT REFERENCES profiles(id)
      ) STRICT;
      CREATE INDEX callback_attempts_by_callback ON callback_attempts(callback_id, at);

      ALTER TABLE calls ADD COLUMN callback_outcome TEXT CHECK (callback_outcome IS NULL OR callback_outcome IN ('reached', 'unreachable', 'withdrawn'));
    `);
  },
};
