import { AppError } from '../errors.ts';
import { type Profile, profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';

// Who is a supervisor: the rules around the role (the profiles repository stores it). IT names a
// supervisor with the store's recovery passphrase (`relais-admin supervisor grant`), supervisors
// in Administration; the router's access lists (`access: ['supervisor']`) do the rest.

export function setProfileRole(db: Db, profileId: string, role: 'responder' | 'supervisor'): void {
  profilesRepository(db).setRole(profileId, role);
}

/**
 * The last enabled supervisor stays (issue 12): without one, nobody could manage profiles and the
 * first-run screen would reopen to anyone. Refuses (Conflict, nothing changed) revoking,
 * disabling or demoting `profileId` when no other enabled supervisor would remain.
 */
export function assertNotLastSupervisor(db: Db, profileId: string, what: 'revoke' | 'disable'): void {
  const profiles = profilesRepository(db);
  const p = profiles.record(profileId);
  if (!p?.active || p.role !== 'supervisor') return;
  if (profiles.otherActiveSupervisors(profileId) === 0) {
    throw new AppError('Conflict', what === 'revoke' ? 'access.lastSupervisorRevoke' : 'access.lastSupervisor');
  }
}

/** Finds an active profile by display name (and centre when several share the name). */
export function findProfile(db: Db, displayName: string, centre?: string): Profile {
  const rows = profilesRepository(db).findActive(displayName, centre);
  if (rows.length === 0) throw (centre ? new AppError('NotFound', 'profiles.notNamedAt', { name: displayName, centre }) : new AppError('NotFound', 'profiles.notNamed', { name: displayName }));
  if (rows.length > 1) throw new AppError('InvalidInput', 'profiles.severalNamed', { name: displayName }, rows.map((r) => ({ path: 'centre', message: r.centre })));
  return rows[0]!;
}
