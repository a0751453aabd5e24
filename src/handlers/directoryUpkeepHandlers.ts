import { holdsRight, setRight } from '../access/profileRights.ts';
import type { directoryUpkeepContract } from '../contract/directoryUpkeepContract.ts';
import { updateDirectorySearch } from '../directory/search/storeSearch.ts';
import { saveService, setServiceStatus, verifyService } from '../directory/upkeep/serviceUpkeep.ts';
import { toVerifyList } from '../directory/upkeep/toVerify.ts';
import { AppError } from '../errors.ts';
import { queueServiceChange } from '../sync/serviceOutbox.ts';
import type { HandlerMap } from './handlerMap.ts';
import { guardReachabilityNote } from '../guard/reachabilityNotes.ts';
import type { HandlerContext } from '../services/handlerContext.ts';

function signedName(c: HandlerContext): string {
  return (c.actor?.displayName ?? 'Maintainer').slice(0, 100);
}

export const directoryUpkeepHandlers: HandlerMap<typeof directoryUpkeepContract> = {
  'directory.maintainerStatus': (_i, s, c) => {
    const db = s.store.database();
    const id = c.actor?.profileId ?? null;
    const maintainer = id !== null && holdsRight(db, id, 'directory_maintainer');
    return { maintainer, toVerify: maintainer ? toVerifyList(db, s.clock.now()).length : 0 };
  },
  'directory.setMaintainer': ({ profileId, maintainer }, s) => {
    setRight(s.store.database(), profileId, 'directory_maintainer', maintainer);
    s.log.info('directory.maintainer_set', { maintainer });
    return { profileId, maintainer };
  },
  'directory.saveService': ({ service, create }, s) => {
    const db = s.store.database();
    const now = s.clock.now();
    // On a PC joined to the hub the edit goes to the line's directory, in the same transaction.
    const r = db.transaction(() => {
      const saved = saveService(db, service, { create, now });
      if (saved.created || saved.fields.length > 0) queueServiceChange(db, saved.service.id, now);
      return saved;
    })();
    if (r.created || r.fields.length > 0) updateDirectorySearch(db, [r.service]);
    s.log.info('directory.service_saved', { created: r.created, fields: r.fields.length });
    return r;
  },
  'directory.verify': ({ id, note, override }, s, c) => {
    const db = s.store.database();
    if (note) guardReachabilityNote(s, id, note, override);
    const now = s.clock.now();
    const service = db.transaction(() => {
      const v = verifyService(db, id, { note: note && note !== '' ? note : null, responder: signedName(c), now });
      queueServiceChange(db, v.id, now);
      return v;
    })();
    updateDirectorySearch(db, [service]);
    return { service };
  },
  'directory.setStatus': ({ id, status }, s) => {
    const db = s.store.database();
    const now = s.clock.now();
    const service = db.transaction(() => {
      const changed = setServiceStatus(db, id, status, now);
      queueServiceChange(db, changed.id, now);
      return changed;
    })();
    updateDirectorySearch(db, [service]);
    return { service };
  },
  'directory.toVerify': (_i, s, c) => {
    if (!c.actor) throw new AppError('Forbidden', 'access.signInFirst');
    return { items: toVerifyList(s.store.database(), s.clock.now()) };
  },
};
