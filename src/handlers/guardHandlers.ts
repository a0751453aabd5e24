import type { guardContract } from '../contract/guardContract.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import type { HandlerMap } from './handlerMap.ts';

export const guardHandlers: HandlerMap<typeof guardContract> = {
  'guard.knownNames': (_input, s) => ({ names: directoryRepository(s.store.database()).serviceNames() }),
};
