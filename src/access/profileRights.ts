import type { Right } from '../contract/operation.ts';
import { AppError } from '../errors.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';

// Rights beside the role (issue 17). `directory_maintainer` (profiles.directory_maintainer,
// migration 008) belongs to supervisors only: a profile turned back into a responder keeps the
// column but not the right (the repository's record says so).

export function holdsRight(db: Db, profileId: string, right: Right): boolean {
  if (right !== 'directory_maintainer') return false;
  return profilesRepository(db).record(profileId)?.directoryMaintainer === true;
}

/** Gives or takes back the right; only a supervisor profile can hold it. */
export function setRight(db: Db, profileId: string, right: Right, on: boolean): { displayName: string; centre: string } {
  const profiles = profilesRepository(db);
  const p = profiles.record(profileId);
  if (!p) throw new AppError('NotFound', 'profiles.notFound');
  if (on && p.role !== 'supervisor') throw new AppError('Conflict', 'profiles.maintainerNeedsSupervisor', { name: p.displayName });
  if (right === 'directory_maintainer') profiles.setDirectoryMaintainer(profileId, on);
  return { displayName: p.displayName, centre: p.centre };
}
