import type { Migration } from './types.ts';

const UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

// Callbacks shared through the line's hub, and what a reached callback writes (issue 15).
//
// `callbacks` is rebuilt because a callback pulled from another centre hangs on a call that is
// not on this PC: `call_id` becomes NULL for those rows (`origin = 'hub'`), which carry the
// original call's summary as the scheduling PC sealed it (`call_summary`, JSON). SQLite cannot
// relax a NOT NULL in place; the attempts are copied aside first because dropping `callbacks`
// cascades to them.
//
// New columns:
// - origin / origin_centre / origin_call_id: where the callback was scheduled and on which call;
// - for_next: the "pour qui rappellera" summary, written at scheduling time;
// - shared: the hub knows this callback (scheduled while joined, or pulled);
// - holder_name / holder_centre / held_at: who holds it when that is someone on another PC
//   (assignee_profile_id stays the holder on this PC);
// - holder_rev: the hub's count of changes of holder, as last seen (a take says which one it saw,
//   so the hub can tell two simultaneous takes apart);
// - take_state / take_note: a take made here is provisional until the hub confirms or refuses
//   it; a refusal keeps who won and when, for "pris par Bart (CAW Brussel) à 10:42".
// Attempts learn a stable id (uid) and, for attempts made on other PCs, the name and centre.
//
// Whichever code erases a shared callback's number (the retention purge, withdrawn consent),
// a trigger writes the hub's erase order into the outbox in that same transaction, so the
// ciphertext leaves the hub and the number every other workstation (migration 009's pattern).
//
// callback_follow_ups: what reaching the caller taught — per referral, whether help arrived —
// one per callback, linked to the original call (call_id here, or origin_call_id for a
// callback of another centre).
export const migration011: Migration = {
  version: 11,
  name: 'shared callbacks, follow-ups',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE callbacks_copy AS SELECT * FROM callbacks;
      CREATE TEMP TABLE callback_attempts_copy AS SELECT * FROM callback_attempts;
      DROP TABLE callback_attempts;
      DROP TABLE callbacks;

      CREATE TABLE callbacks (
        id                    TEXT PRIMARY KEY CHECK (length(id) = 36),
        call_id               TEXT REFERENCES calls(id) ON DELETE CASCADE,
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
        origin                TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'hub')),
        origin_centre         TEXT,
        origin_call_id        TEXT,
        created_by_name       TEXT,
        call_summary          TEXT CHECK (call_summary IS NULL OR json_valid(call_summary)),
        for_next              TEXT CHECK (for_next IS NULL OR length(for_next) <= 500),
        shared                INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
        holder_name           TEXT,
        holder_centre         TEXT,
        held_at               TEXT,
        holder_rev            INTEGER NOT NULL DEFAULT 0,
        take_state            TEXT CHECK (take_state IS NULL OR take_state IN ('provisional', 'confirmed', 'refused')),
        take_note             TEXT CHECK (take_note IS NULL OR json_valid(take_note)),
        CHECK ((status = 'pending') = (closed_at IS NULL)),
        CHECK (status <> 'pending' OR phone_e164 IS NOT NULL),
        CHECK ((phone_e164 IS NULL) = (number_deleted_at IS NOT NULL)),
        CHECK ((number_deleted_at IS NULL) = (number_deleted_reason IS NULL)),
        CHECK ((origin = 'local') = (call_id IS NOT NULL))
      ) STRICT;
      INSERT INTO callbacks (id, call_id, phone_e164, consent_at, language, reason, window_start, window_end, due_at, notified_due_at,
          assignee_profile_id, created_by_profile_id, status, failed_attempts, created_at, updated_at, closed_at, number_deleted_at, number_deleted_reason)
        SELECT id, call_id, phone_e164, consent_at, language, reason, window_start, window_end, due_at, notified_due_at,
          assignee_profile_id, created_by_profile_id, status, failed_attempts, created_at, updated_at, closed_at, number_deleted_at, number_deleted_reason
        FROM callbacks_copy;
      CREATE INDEX callbacks_open_by_due ON callbacks(due_at) WHERE status = 'pending';
      CREATE INDEX callbacks_closed_with_number ON callbacks(closed_at) WHERE status <> 'pending' AND phone_e164 IS NOT NULL;
      CREATE INDEX callbacks_by_call ON callbacks(call_id);
      CREATE INDEX callbacks_closed_recent ON callbacks(closed_at) WHERE status <> 'pending';

      CREATE TABLE callback_attempts (
        id            INTEGER PRIMARY KEY,
        callback_id   TEXT NOT NULL REFERENCES callbacks(id) ON DELETE CASCADE,
        result        TEXT NOT NULL CHECK (result IN ('reached', 'no_answer', 'voicemail', 'wrong_number')),
        at            TEXT NOT NULL,
        by_profile_id TEXT REFERENCES profiles(id),
        uid           TEXT NOT NULL UNIQUE,
        by_name       TEXT,
        by_centre     TEXT
      ) STRICT;
      INSERT INTO callback_attempts (id, callback_id, result, at, by_profile_id, uid)
        SELECT id, callback_id, result, at, by_profile_id, lower(hex(randomblob(16))) FROM callback_attempts_copy;
      CREATE INDEX callback_attempts_by_callback ON callback_attempts(callback_id, at);
      DROP TABLE callbacks_copy;
      DROP TABLE callback_attempts_copy;

      CREATE TABLE callback_follow_ups (
        callback_id      TEXT PRIMARY KEY REFERENCES callbacks(id) ON DELETE CASCADE,
        call_id          TEXT,
        recorded_at      TEXT NOT NULL,
        by_profile_id    TEXT REFERENCES profiles(id),
        by_name          TEXT,
        centre           TEXT,
        referrals        TEXT NOT NULL CHECK (json_valid(referrals)),
        new_request      INTEGER NOT NULL CHECK (new_request IN (0, 1)),
        another_callback INTEGER NOT NULL CHECK (another_callback IN (0, 1)),
        origin           TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'hub'))
      ) STRICT;
      CREATE INDEX callback_follow_ups_recorded ON callback_follow_ups(recorded_at);
    `);
    db.exec(`
      CREATE TRIGGER sync_outbox_callback_number_erased AFTER UPDATE OF phone_e164 ON callbacks
      WHEN old.phone_e164 IS NOT NULL AND new.phone_e164 IS NULL AND new.shared = 1 AND EXISTS (SELECT 1 FROM hub_link) BEGIN
        INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at)
        VALUES (${UUID}, 'callback', new.id, json_object('type', 'eraseNumber', 'at', new.number_deleted_at, 'reason', new.number_deleted_reason), new.number_deleted_at);
      END;
    `);
    // Migration 005's report-day triggers on callbacks went with the old table: same again.
    for (const [when, row] of [
      ['INSERT', 'new'],
      ['UPDATE OF status, call_id', 'new'],
      ['DELETE', 'old'],
    ] as const) {
      db.exec(`
        CREATE TRIGGER report_days_callbacks_${when.split(' ')[0]!.toLowerCase()} AFTER ${when} ON callbacks BEGIN
          DELETE FROM report_day_facts WHERE day IN (
            SELECT substr(started_at, 1, 10) FROM calls WHERE id = ${row}.call_id
            UNION SELECT date(substr(started_at, 1, 10), '+1 day') FROM calls WHERE id = ${row}.call_id);
        END;
      `);
    }
  },
};
