import { callsRepository } from '../calls/callsRepository.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { shiftContract } from '../contract/shiftContract.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import { dayOf } from '../domain/brusselsTime.ts';
import { lineStatus } from '../domain/lineHours.ts';
import { AppError } from '../errors.ts';
import { handoverRepository } from '../reports/quotesRepository.ts';
import type { HandlerMap } from './handlerMap.ts';

// The home board: composed from the owners of each table (profiles, calls, handover notes,
// directory), read in one transaction so its counts agree with each other.

const WEEK_MS = 7 * 24 * 3_600_000;
const MAX_LISTED = 8;

export const shiftHandlers: HandlerMap<typeof shiftContract> = {
  'shift.board': (_input, s, c) => {
    const db = s.store.database();
    const profiles = profilesRepository(db);
    const me = c.actor ? { id: c.actor.profileId, displayName: c.actor.displayName, centre: c.actor.centre, role: c.actor.role } : null;
    if (!me) throw new AppError('Forbidden', 'access.signInFirst');
    const now = s.clock.now();
    const weekAgo = new Date(now.getTime() - WEEK_MS).toISOString();
    const read = db.transaction(() => {
      const previous = profiles.previousSignIn(me.id);
      const since = previous ?? weekAgo;
      const directory = directoryRepository(db);
      const changed = directory.changedSince(since, MAX_LISTED);
      return {
        now: now.toISOString(),
        profile: { id: me.id, displayName: me.displayName, centre: me.centre, role: me.role },
        line: { hours: s.config.values.lineHours, ...lineStatus(s.config.values.lineHours, now) },
        toFinish: callsRepository(db).list({ toFinishOf: me.id, limit: 1, offset: 0 }).total,
        handover: handoverRepository(db).latest(dayOf(now)),
        directory: { since, firstShift: previous === null, servicesTotal: changed.total, services: changed.services, notes: directory.notesSince(weekAgo, MAX_LISTED) },
      };
    });
    return read.deferred();
  },
};
