import type { Right } from '../contract/operation.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';

// Rights beside the role (issue 17). `directory_maintainer` (profiles.directory_maintainer,
// migration 008) belongs to supervisors only: a profile turned back into a responder keeps the
// column but not the right, since holdsRight also asks for the supervisor role.

export function holdsRight(db: Db, profileId: string, right: Right): boolean {
  if (right !== 'directory_maintainer') return false;
  const row = db.prepare("SELECT directory_maintainer AS m FROM profiles WHERE id = ? AND role = 'supervisor' AND disabled_at IS NULL").get(profileId) as { m: number } | undefined;
  return row?.m === 1;
}

/** Gives or takes back the right; only a supervisor profile can hold it. */
export function setRight(db: Db, profileId: string, right: Right, on: boolean): { displayName: string; centre: string } {
  const p = db.prepare('SELECT display_name AS displayName, centre, role FROM profiles WHERE id = ?').get(profileId) as { displayName: string; centre: string; role: string } | undefined;
  if (!p) throw new AppError('NotFound', 'No such profile.');
  if (on && p.role !== 'supervisor') throw new AppError('Conflict', `${p.displayName} is not a supervisor: only supervisors can be directory maintainers.`);
  if (right === 'directory_maintainer') db.prepare('UPDATE profiles SET directory_maintainer = ? WHERE id = ?').run(on ? 1 : 0, profileId);
  return { displayName: p.displayName, centre: p.centre };
}
