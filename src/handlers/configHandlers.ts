import type { configContract } from '../contract/configContract.ts';
import type { HandlerMap } from './handlerMap.ts';

export const configHandlers: HandlerMap<typeof configContract> = {
  // A copy: the config is read once at start and never changed by a caller.
  'config.get': (_input, s) => structuredClone(s.config),
};
