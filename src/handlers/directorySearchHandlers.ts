import type { directorySearchContract } from '../contract/directorySearchContract.ts';
import { directorySearchIndex } from '../directory/search/storeSearch.ts';
import type { HandlerMap } from './handlerMap.ts';

export const directorySearchHandlers: HandlerMap<typeof directorySearchContract> = {
  'directory.search': (input, s) => {
    const index = directorySearchIndex(s.store.database());
    const results = index.search(input.query, {
      commune: input.commune,
      theme: input.theme,
      language: input.language,
      openAt: input.openNow ? s.clock.now() : undefined,
      includeInactive: input.includeInactive,
      limit: input.limit ?? 20,
    });
    return {
      results: results.map((r) => {
        const svc = index.get(r.id);
        return {
          ...r,
          alternate_name: svc?.alternate_name ?? null,
          organization: svc?.organization ?? null,
          commune: svc?.commune ?? null,
          themes: [...(svc?.themes ?? [])],
          status: svc?.status === 'inactive' ? ('inactive' as const) : ('active' as const),
        };
      }),
    };
  },
};
