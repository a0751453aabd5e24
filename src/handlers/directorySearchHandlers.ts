import type { directorySearchContract } from '../contract/directorySearchContract.ts';
import { directorySearchIndex } from '../directory/search/storeSearch.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import { openingStateAt, parseHours } from '../directory/search/hours.ts';
import { unreachableSince } from '../directory/upkeep/toVerify.ts';
import { weekMinuteOf } from '../domain/brusselsTime.ts';
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
    const now = s.clock.now();
    const at = weekMinuteOf(now);
    const unreachable = results.length > 0 ? directoryRepository(s.store.database()).unreachableCounts(unreachableSince(now)) : new Map<string, number>();
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
          phone: svc?.phone ?? null,
          languages: [...(svc?.languages ?? [])],
          opening: openingStateAt(parseHours(svc?.hours), at),
          unreachableNotes: unreachable.get(r.id) ?? 0,
        };
      }),
    };
  },
};
