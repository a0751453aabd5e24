import { holdsRight, setRight } from '../access/profileRights.ts';
import { profilesRepository } from '../calls/profilesRepository.ts';
import type { directoryUpkeepContract } from '../contract/directoryUpkeepContract.ts';
import { updateDirectorySearch } from '../directory/search/storeSearch.ts';
import { saveService, setServiceStatus, verifyService } from '../directory/upkeep/serviceUpkeep.ts';
import { toVerifyList } from '../directory/upkeep/toVerify.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';
import type { Services } from '../services/services.ts';

function signedName(s: Services): string {
  const id = s.session.profileId;
  return ((id ? profilesRepository(s.store.database()).get(id)?.displayName : null) ?? 'Maintainer').slice(0, 100);
}

export const directoryUpkeepHandlers: HandlerMap<typeof directoryUpkeepContract> = {
  'directory.maintainerStatus': (_i, s) => {
    const db = s.store.database();
    const id = s.session.profileId;
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
    const r = saveService(db, service, { create, now: s.clock.now() });
    if (r.created || r.fields.length > 0) updateDirectorySearch(db, [r.service]);
    s.log.info('directory.service_saved', { created: r.created, fields: r.fields.length });
    return r;
  },
  'directory.verify': ({ id, note }, s) => {
    const db = s.store.database();
    const service = verifyService(db, id, { note: note && note !== '' ? note : null, responder: signedName(s), now: s.clock.now() });
    updateDirectorySearch(db, [service]);
    return { service };
  },
  'directory.setStatus': ({ id, status }, s) => {
    const db = s.store.database();
    const service = setServiceStatus(db, id, status, s.clock.now());
    updateDirectorySearch(db, [service]);
    return { service };
  },
  'directory.toVerify': (_i, s) => {
    if (!s.session.profileId) throw new AppError('Forbidden', 'Sign in first.');
    return { items: toVerifyList(s.store.database(), s.clock.now()) };
  },
};
