import type { feedContract } from '../contract/feedContract.ts';
import { applyFeed, checkFeed } from '../feed/feedService.ts';
import { feedSettingsOf } from '../feed/feedPoller.ts';
import type { HandlerMap } from './handlerMap.ts';

export const feedHandlers: HandlerMap<typeof feedContract> = {
  'feed.check': async (_input, s) => {
    const report = await checkFeed(s.store.database(), feedSettingsOf(s.config), { now: s.clock.now(), log: s.log, dataDir: s.store.files.dataDir });
    s.emit('feed.status', report);
    return report;
  },
  'feed.apply': async ({ expectedVersion }, s, c) => {
    const report = await applyFeed(s.store.database(), feedSettingsOf(s.config), {
      now: s.clock.now(),
      // The audit entry goes into the feed's write transaction (access/auditedOperations.ts, AUDIT_IN_WRITE).
      write: (work) => c.auditedWrite(work),
      log: s.log,
      dataDir: s.store.files.dataDir,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    s.emit('feed.status', report);
    return report;
  },
};
