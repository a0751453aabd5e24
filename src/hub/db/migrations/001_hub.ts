import type { HubMigration } from './types.ts';

// The hub's first schema. Nothing here can reveal a caller's number or a call's notes: the
// secrets are hashes (codes, device tokens) or ciphertext under the line key (wrapped key).
export const hubMigration001: HubMigration = {
  version: 1,
  name: 'enrolment, devices, sequence, shared items, call facts',
  sql: `
    CREATE TABLE hub_meta (
      key text PRIMARY KEY,
      value text NOT NULL
    );

    -- The global sequence. Pushes take the next numbers by updating this one row as the last
    -- statement of their transaction: the row lock serialises that step, so numbers are handed
    -- out in commit order and a pull after cursor N can never miss a change numbered below N
    -- that commits later (docs/federation.md, "Ordering").
    CREATE TABLE hub_sequence (
      id smallint PRIMARY KEY CHECK (id = 1),
      value bigint NOT NULL
    );
    INSERT INTO hub_sequence (id, value) VALUES (1, 0);

    -- One-time codes: the founding code (printed by relais-hub init) and invitations. Only the
    -- SHA-256 of the code's authenticating half is stored; an invitation also carries the line
    -- key wrapped under a key derived from the code's other half, which the hub never sees.
    CREATE TABLE hub_codes (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('founding', 'invite')),
      auth_hash text NOT NULL,
      centre text,
      wrapped_key text,
      created_by text,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by text,
      failed_attempts integer NOT NULL DEFAULT 0
    );

    CREATE TABLE hub_devices (
      id text PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      centre text NOT NULL,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('founder', 'member')),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz,
      revoked_at timestamptz
    );

    -- Enrolment attempts per client address, for the rate limit: kept in the database so that
    -- two hub processes behind one load balancer count the same attempts.
    CREATE TABLE hub_enrol_attempts (
      client text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX hub_enrol_attempts_client ON hub_enrol_attempts (client, at);

    -- Receipts of pushed changes (idempotency): a change id seen before is acknowledged with
    -- its first outcome, never applied twice.
    CREATE TABLE hub_receipts (
      change_id uuid PRIMARY KEY,
      device_id text NOT NULL,
      seq bigint,
      outcome text NOT NULL CHECK (outcome IN ('accepted', 'superseded', 'refused')),
      reason text,
      received_at timestamptz NOT NULL
    );

    -- What workstations pull: the latest state of each shared item (directory services,
    -- reachability notes), stamped with the sequence number of its last change.
    CREATE TABLE hub_items (
      kind text NOT NULL,
      id text NOT NULL,
      seq bigint NOT NULL UNIQUE,
      payload jsonb,
      deleted boolean NOT NULL DEFAULT false,
      device_id text,
      PRIMARY KEY (kind, id)
    );

    -- Call facts for the line's bilans (never pulled by workstations): structured fields only,
    -- one row per call id, replaced when the call is closed again.
    CREATE TABLE hub_call_facts (
      call_id text PRIMARY KEY,
      device_id text NOT NULL,
      centre text NOT NULL,
      started_at timestamptz NOT NULL,
      facts jsonb NOT NULL,
      seq bigint NOT NULL UNIQUE
    );
    CREATE INDEX hub_call_facts_started ON hub_call_facts (started_at);
  `,
};
