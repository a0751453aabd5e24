import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';

// Who is a supervisor. The profiles table (migration 003) already carries the role; until the
// access issue brings profile management with passphrases, IT names a supervisor with the
// store's recovery passphrase (`relais-admin supervisor grant`), and the router's access lists
// (`access: ['supervisor']`) do the rest in main.

export function setProfileRole(db: Db, profileId: string, role: 'responder' | 'supervisor'): void {
  const r = db.prepare('UPDATE profiles SET role = ? WHERE id = ? AND active = 1').run(role, profileId);
  if (r.changes === 0) throw new AppError('NotFound', 'profiles.activeNotFound');
}

/**
 * The last enabled supervisor stays (issue 12): without one, nobody could manage profiles and the
 * first-run screen would reopen to anyone. Refuses (Conflict, nothing changed) revoking,
 * disabling or demoting `profileId` when no other enabled supervisor would remain.
 */
export function assertNotLastSupervisor(db: Db, profileId: string, what: 'revoke' | 'disable'): void {
  const role = db.prepare('SELECT role FROM profiles WHERE id = ? AND active = 1').pluck().get(profileId);
  if (role !== 'supervisor') return;
  const others = db.prepare(`SELECT count(*) FROM profiles WHERE role = 'supervisor' AND active = 1 AND id <> ?`).pluck().get(profileId) as number;
  if (others === 0) {
    throw new AppError('Conflict', what === 'revoke' ? 'access.lastSupervisorRevoke' : 'access.lastSupervisor');
  }
}

/** Finds an active profile by display name (and centre when several share the name). */
export function findProfile(db: Db, displayName: string, centre?: string): { id: string; displayName: string; centre: string; role: string } {
  const rows = db
    .prepare(`SELECT id, display_name AS displayName, centre, role FROM profiles WHERE active = 1 AND display_name = ? COLLATE NOCASE ${centre ? 'AND centre = ? COLLATE NOCASE' : ''}`)
    .all(...(centre ? [displayName, centre] : [displayName])) as Array<{ id: string; displayName: string; centre: string; role: string }>;
  if (rows.length === 0) throw (centre ? new AppError('NotFound', 'profiles.notNamedAt', { name: displayName, centre }) : new AppError('NotFound', 'profiles.notNamed', { name: displayName }));
  if (rows.length > 1) throw new AppError('InvalidInput', 'profiles.severalNamed', { name: displayName }, rows.map((r) => ({ path: 'centre', message: r.centre })));
  return rows[0]!;
}
