import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';

// Who is a supervisor. The profiles table (migration 003) already carries the role; until the
// access issue brings profile management with passphrases, IT names a supervisor with the
// store's recovery passphrase (`relais-admin supervisor grant`), and the router's access lists
// (`access: ['supervisor']`) do the rest in main.

export function setProfileRole(db: Db, profileId: string, role: 'responder' | 'supervisor'): void {
  const r = db.prepare('UPDATE profiles SET role = ? WHERE id = ? AND active = 1').run(role, profileId);
  if (r.changes === 0) throw new AppError('NotFound', 'No such active profile.');
}

/** Finds an active profile by display name (and centre when several share the name). */
export function findProfile(db: Db, displayName: string, centre?: string): { id: string; displayName: string; centre: string; role: string } {
  const rows = db
    .prepare(`SELECT id, display_name AS displayName, centre, role FROM profiles WHERE active = 1 AND display_name = ? COLLATE NOCASE ${centre ? 'AND centre = ? COLLATE NOCASE' : ''}`)
    .all(...(centre ? [displayName, centre] : [displayName])) as Array<{ id: string; displayName: string; centre: string; role: string }>;
  if (rows.length === 0) throw new AppError('NotFound', `No active profile named "${displayName}"${centre ? ` at ${centre}` : ''}.`);
  if (rows.length > 1) throw new AppError('InvalidInput', `Several profiles are named "${displayName}": add --centre.`, rows.map((r) => ({ path: 'centre', message: r.centre })));
  return rows[0]!;
}
