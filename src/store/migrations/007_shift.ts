import type { Migration } from './types.ts';

// The responder's shift as the source report describes it (issue 16).
// - calls.no_request: a call that carried no request (silence or hang-up, wrong number, out of
//   scope, test) is closed as such, without theme or intervention, and counted apart in the
//   bilans; `looked_for` says whom an out-of-scope caller was looking for (a service, never a person).
// - calls.social_aid_contact: whether the caller had been in contact with social aid before
//   ("nouveaux publics … pas en lien avec l'aide sociale"); calls recorded before read 'unknown'.
// - call_barriers: the non-take-up barriers of the report's footnote (several per call).
// - calls.debrief / debrief_reason: "à débriefer", listed for supervisors in the shift summary.
// - call_referrals.consent: the caller's explicit oral consent before a service is phoned on
//   their behalf (required by the record when `contacted`).
// - services.crisis: emergency and listening lines shown in the crisis panel.
// - profiles.previous_signed_in_at: the sign-in before the current one ("since your last shift").
// The report triggers of migration 005 learn the new columns; the covering index is rebuilt.
export const migration007: Migration = {
  version: 7,
  name: 'shift',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN no_request TEXT CHECK (no_request IS NULL OR no_request IN ('silent', 'wrong_number', 'out_of_scope', 'test'));
      ALTER TABLE calls ADD COLUMN looked_for TEXT CHECK (looked_for IS NULL OR length(looked_for) <= 120);
      ALTER TABLE calls ADD COLUMN social_aid_contact TEXT NOT NULL DEFAULT 'unknown' CHECK (social_aid_contact IN ('never', 'past', 'current', 'unknown'));
      ALTER TABLE calls ADD COLUMN debrief INTEGER NOT NULL DEFAULT 0 CHECK (debrief IN (0, 1));
      ALTER TABLE calls ADD COLUMN debrief_reason TEXT CHECK (debrief_reason IS NULL OR length(debrief_reason) <= 300);
      ALTER TABLE call_referrals ADD COLUMN consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1));
      ALTER TABLE services ADD COLUMN crisis INTEGER NOT NULL DEFAULT 0 CHECK (crisis IN (0, 1));
      ALTER TABLE profiles ADD COLUMN previous_signed_in_at TEXT;

      CREATE TABLE call_barriers (
        call_id  TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        barrier  TEXT NOT NULL CHECK (barrier IN ('non_knowledge', 'non_demand', 'non_proposal', 'non_receipt')),
        PRIMARY KEY (call_id, barrier)
      ) STRICT;

      CREATE INDEX calls_debrief ON calls(started_at) WHERE debrief = 1;

      CREATE TRIGGER report_days_call_au_shift AFTER UPDATE OF no_request, social_aid_contact, debrief ON calls BEGIN
        DELETE FROM report_day_facts WHERE day IN (substr(new.started_at, 1, 10), date(substr(new.started_at, 1, 10), '+1 day'));
      END;

      DROP INDEX calls_for_reports;
      CREATE INDEX calls_for_reports ON calls(
        id, started_at, status, profile_id, duration_ms, caller_type, language, interpreter, commune,
        caller_history, heard_from, resolution, (unmet_need IS NOT NULL), no_request, social_aid_contact, debrief
      );
    `);
    for (const [when, row] of [
      ['INSERT', 'new'],
      ['UPDATE', 'new'],
      ['DELETE', 'old'],
    ] as const) {
      db.exec(`
        CREATE TRIGGER report_days_call_barriers_${when.toLowerCase()} AFTER ${when} ON call_barriers BEGIN
          DELETE FROM report_day_facts WHERE day IN (
            SELECT substr(started_at, 1, 10) FROM calls WHERE id = ${row}.call_id
            UNION SELECT date(substr(started_at, 1, 10), '+1 day') FROM calls WHERE id = ${row}.call_id);
        END;
      `);
    }
  },
};
