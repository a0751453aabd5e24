import crypto from 'node:crypto';
import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';

// Responder profiles: the only SQL on `profiles`.

export interface Profile {
  id: string;
  displayName: string;
  centre: string;
  role: 'responder' | 'supervisor';
  hasPin: boolean;
  createdAt: string;
  lastSignedInAt: string | null;
}

interface ProfileRow {
  id: string;
  display_name: string;
  centre: string;
  role: 'responder' | 'supervisor';
  pin_hash: string | null;
  created_at: string;
  last_signed_in_at: string | null;
}

function fromRow(r: ProfileRow): Profile {
  return {
    id: r.id,
    displayName: r.display_name,
    centre: r.centre,
    role: r.role,
    hasPin: r.pin_hash !== null,
    createdAt: r.created_at,
    lastSignedInAt: r.last_signed_in_at,
  };
}

/** Collapses runs of spaces: "Marie  D." and "Marie D." are the same responder. */
function clean(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

export interface ProfilesRepository {
  list(): Profile[];
  get(id: string): Profile | null;
  /** `pinHash`: the PIN's scrypt hash (issue 8); demo and legacy profiles have none and set it at their next sign-in. */
  create(input: { displayName: string; centre: string }, now: Date, pinHash?: string | null): Profile;
  markSignedIn(id: string, now: Date): Profile;
  /** The sign-in before the current one: "since your last shift". */
  previousSignIn(id: string): string | null;
}

export function profilesRepository(db: Db): ProfilesRepository {
  const COLS = 'id, display_name, centre, role, pin_hash, created_at, last_signed_in_at';
  const selectAll = db.prepare(`SELECT ${COLS} FROM profiles WHERE active = 1 ORDER BY last_signed_in_at IS NULL, last_signed_in_at DESC, display_name COLLATE NOCASE`);
  const selectOne = db.prepare(`SELECT ${COLS} FROM profiles WHERE id = ?`);
  const repo: ProfilesRepository = {
    list() {
      return (selectAll.all() as ProfileRow[]).map(fromRow);
    },
    get(id) {
      const row = selectOne.get(id) as ProfileRow | undefined;
      return row ? fromRow(row) : null;
    },
    create(input, now, pinHash = null) {
      const displayName = clean(input.displayName);
      const centre = clean(input.centre);
      const existing = db.prepare('SELECT id FROM profiles WHERE display_name = ? COLLATE NOCASE AND centre = ? COLLATE NOCASE').pluck().get(displayName, centre);
      if (existing) {
        throw new AppError('Conflict', 'profiles.existsPick', { name: displayName, centre }, [{ path: 'displayName', message: 'already exists for this centre' }]);
      }
      const id = crypto.randomUUID();
      db.prepare(`INSERT INTO profiles (id, display_name, centre, role, pin_hash, created_at) VALUES (?, ?, ?, 'responder', ?, ?)`).run(id, displayName, centre, pinHash, now.toISOString());
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
  };
  return repo;
}
