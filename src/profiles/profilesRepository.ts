import crypto from 'node:crypto';
import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';

// The owner of the `profiles` table (issue 13): the only module that writes it, and the one
// row shape read from it. Sessions (credentials, failed attempts), profile management (the admin
// view, enabling, PINs), roles and rights ask this repository instead of writing SQL of their
// own; tests/unit/tableOwners.test.ts refuses a write to `profiles` anywhere else in src/.

export type ProfileRole = 'responder' | 'supervisor';

/** A profile as the picker and the calls see it (no secret, no counters). */
export interface Profile {
  id: string;
  displayName: string;
  centre: string;
  role: ProfileRole;
  hasPin: boolean;
  createdAt: string;
  lastSignedInAt: string | null;
}

/** Everything about one profile, for the session and profile management (never sent as is). */
export interface ProfileRecord extends Profile {
  /** scrypt hash of the PIN (responders) or passphrase (supervisors); null until chosen. */
  secretHash: string | null;
  active: boolean;
  failedAttempts: number;
  lastFailedAt: string | null;
  directoryMaintainer: boolean;
  /** The column as stored (Administration shows it; the right itself is `directoryMaintainer`). */
  maintainerColumn: boolean;
}

/** What the Administration screen lists. */
export interface AdminProfile extends Profile {
  maintainer: boolean;
  active: boolean;
  failedAttempts: number;
}

interface ProfileRow {
  id: string;
  display_name: string;
  centre: string;
  role: ProfileRole;
  pin_hash: string | null;
  created_at: string;
  last_signed_in_at: string | null;
  active: number;
  failed_attempts: number;
  last_failed_at: string | null;
  directory_maintainer: number;
  disabled_at: string | null;
}

const COLS = 'id, display_name, centre, role, pin_hash, created_at, last_signed_in_at, active, failed_attempts, last_failed_at, directory_maintainer, disabled_at';

function recordOf(r: ProfileRow): ProfileRecord {
  return {
    id: r.id,
    displayName: r.display_name,
    centre: r.centre,
    role: r.role,
    hasPin: r.pin_hash !== null,
    createdAt: r.created_at,
    lastSignedInAt: r.last_signed_in_at,
    secretHash: r.pin_hash,
    active: r.active === 1,
    failedAttempts: r.failed_attempts,
    lastFailedAt: r.last_failed_at,
    // The right belongs to enabled supervisors only: a profile turned back into a responder keeps
    // the column but not the right.
    directoryMaintainer: r.directory_maintainer === 1 && r.role === 'supervisor' && r.disabled_at === null,
    maintainerColumn: r.directory_maintainer === 1,
  };
}

function profileOf(r: ProfileRecord): Profile {
  return { id: r.id, displayName: r.displayName, centre: r.centre, role: r.role, hasPin: r.hasPin, createdAt: r.createdAt, lastSignedInAt: r.lastSignedInAt };
}

export function adminView(r: ProfileRecord): AdminProfile {
  return { ...profileOf(r), maintainer: r.maintainerColumn, active: r.active, failedAttempts: r.failedAttempts };
}

/** Collapses runs of spaces: "Marie  D." and "Marie D." are the same responder. */
function clean(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

export interface ProfilesRepository {
  /** Enabled profiles, most recently signed in first (the picker). */
  list(): Profile[];
  get(id: string): Profile | null;
  /** The whole record, enabled or not; null when there is no such profile. */
  record(id: string): ProfileRecord | null;
  /** Every profile, enabled first (Administration). */
  adminList(): AdminProfile[];
  /** The name shown for a profile; null for no id or an unknown one (e.g. a profile of another PC). */
  displayName(id: string | null): string | null;
  /** Centre of every profile, by id (reports count calls per centre). */
  centres(): Map<string, string>;
  /**
   * Creates a profile (a responder unless `role` says otherwise). `secretHash`: the scrypt hash of
   * its PIN or passphrase; demo and legacy profiles have none and set it at their next sign-in.
   * `existsReason` names the refusal when the name is taken at that centre.
   */
  create(input: { displayName: string; centre: string; role?: ProfileRole }, now: Date, secretHash?: string | null, existsReason?: 'profiles.exists' | 'profiles.existsPick'): Profile;
  markSignedIn(id: string, now: Date): Profile;
  /** The sign-in before the current one: "since your last shift". */
  previousSignIn(id: string): string | null;
  recordFailedAttempt(id: string, failures: number, now: Date): void;
  clearFailedAttempts(id: string): void;
  /** Sets the secret and clears failed attempts; `onlyIfUnset` never replaces an existing one. Returns whether it was set. */
  setSecret(id: string, secretHash: string, opts?: { onlyIfUnset?: boolean }): boolean;
  setActive(id: string, active: boolean, now: Date): void;
  setRole(id: string, role: ProfileRole): void;
  setDirectoryMaintainer(id: string, on: boolean): void;
  /** An enabled supervisor who has chosen a passphrase exists (else the first-run screen opens). */
  hasUsableSupervisor(): boolean;
  /** Enabled supervisors other than `id`. */
  otherActiveSupervisors(id: string): number;
  /** Enabled profiles of that name (and centre, when given). */
  findActive(displayName: string, centre?: string): Profile[];
}

export function profilesRepository(db: Db): ProfilesRepository {
  const selectAll = db.prepare(`SELECT ${COLS} FROM profiles WHERE active = 1 ORDER BY last_signed_in_at IS NULL, last_signed_in_at DESC, display_name COLLATE NOCASE`);
  const selectOne = db.prepare(`SELECT ${COLS} FROM profiles WHERE id = ?`);
  const nameById = db.prepare('SELECT display_name FROM profiles WHERE id = ?').pluck();
  const recordById = (id: string): ProfileRecord | null => {
    const row = selectOne.get(id) as ProfileRow | undefined;
    return row ? recordOf(row) : null;
  };
  const repo: ProfilesRepository = {
    list() {
      return (selectAll.all() as ProfileRow[]).map((r) => profileOf(recordOf(r)));
    },
    get(id) {
      const r = recordById(id);
      return r ? profileOf(r) : null;
    },
    record: recordById,
    adminList() {
      return (db.prepare(`SELECT ${COLS} FROM profiles ORDER BY active DESC, display_name COLLATE NOCASE`).all() as ProfileRow[]).map((r) => adminView(recordOf(r)));
    },
    displayName(id) {
      return id === null ? null : ((nameById.get(id) as string | undefined) ?? null);
    },
    centres() {
      return new Map(db.prepare('SELECT id, centre FROM profiles').raw().all() as Array<[string, string]>);
    },
    create(input, now, secretHash = null, existsReason = 'profiles.exists') {
      const displayName = clean(input.displayName);
      const centre = clean(input.centre);
      const existing = db.prepare('SELECT id FROM profiles WHERE display_name = ? COLLATE NOCASE AND centre = ? COLLATE NOCASE').pluck().get(displayName, centre);
      if (existing) {
        throw new AppError('Conflict', existsReason, { name: displayName, centre }, [{ path: 'displayName', message: 'already exists for this centre' }]);
      }
      const id = crypto.randomUUID();
      db.prepare('INSERT INTO profiles (id, display_name, centre, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, displayName, centre, input.role ?? 'responder', secretHash, now.toISOString());
      return repo.get(id) as Profile;
    },
    previousSignIn(id) {
      return (db.prepare('SELECT previous_signed_in_at FROM profiles WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
    },
    markSignedIn(id, now) {
      const r = db.prepare('UPDATE profiles SET previous_signed_in_at = last_signed_in_at, last_signed_in_at = ? WHERE id = ? AND active = 1').run(now.toISOString(), id);
      if (r.changes === 0) throw new AppError('NotFound', 'profiles.responderNotFound');
      return repo.get(id) as Profile;
    },
    recordFailedAttempt(id, failures, now) {
      db.prepare('UPDATE profiles SET failed_attempts = ?, last_failed_at = ? WHERE id = ?').run(failures, now.toISOString(), id);
    },
    clearFailedAttempts(id) {
      db.prepare('UPDATE profiles SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?').run(id);
    },
    setSecret(id, secretHash, opts = {}) {
      const sql = `UPDATE profiles SET pin_hash = ?, failed_attempts = 0, last_failed_at = NULL WHERE id = ?${opts.onlyIfUnset ? ' AND pin_hash IS NULL' : ''}`;
      return db.prepare(sql).run(secretHash, id).changes === 1;
    },
    setActive(id, active, now) {
      db.prepare('UPDATE profiles SET active = ?, disabled_at = ? WHERE id = ?').run(active ? 1 : 0, active ? null : now.toISOString(), id);
    },
    setRole(id, role) {
      const r = db.prepare('UPDATE profiles SET role = ? WHERE id = ? AND active = 1').run(role, id);
      if (r.changes === 0) throw new AppError('NotFound', 'profiles.activeNotFound');
    },
    setDirectoryMaintainer(id, on) {
      db.prepare('UPDATE profiles SET directory_maintainer = ? WHERE id = ?').run(on ? 1 : 0, id);
    },
    hasUsableSupervisor() {
      return Boolean(db.prepare(`SELECT 1 FROM profiles WHERE role = 'supervisor' AND active = 1 AND pin_hash IS NOT NULL`).pluck().get());
    },
    otherActiveSupervisors(id) {
      return db.prepare(`SELECT count(*) FROM profiles WHERE role = 'supervisor' AND active = 1 AND id <> ?`).pluck().get(id) as number;
    },
    findActive(displayName, centre) {
      const rows = db
        .prepare(`SELECT ${COLS} FROM profiles WHERE active = 1 AND display_name = ? COLLATE NOCASE ${centre ? 'AND centre = ? COLLATE NOCASE' : ''}`)
        .all(...(centre ? [displayName, centre] : [displayName])) as ProfileRow[];
      return rows.map((r) => profileOf(recordOf(r)));
    },
  };
  return repo;
}
