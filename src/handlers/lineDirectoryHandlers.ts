import type { lineDirectoryContract } from '../contract/lineDirectoryContract.ts';
import { linkClient, requireLink } from '../sync/hubEnrolment.ts';
import type { HandlerMap } from './handlerMap.ts';

// Import into the line's directory from the import screen (issue 14): the file goes to the hub,
// which reads and checks it as `relais-hub directory import` does; once applied, this PC pulls
// the changed services at once (the others at their next round). Maintainers only (router).

export const lineDirectoryHandlers: HandlerMap<typeof lineDirectoryContract> = {
  'directory.lineImportPreview': (input, s) => linkClient(requireLink(s.store.database())).importDirectory({ ...input, dryRun: true }),
  'directory.lineImportApply': async (input, s) => {
    const diff = await linkClient(requireLink(s.store.database())).importDirectory({ ...input, dryRun: false });
    s.log.info('directory.line_imported', { format: diff.format, ...diff.counts });
    // Applied on the hub whatever happens next: a failed pull is retried by the scheduler.
    try {
      if (s.hubSync) await s.hubSync.syncNow();
      else await (await import('../sync/syncRound.ts')).syncRound(s.store.database(), () => s.clock.now());
    } catch (e) {
      s.log.warn('directory.line_import_pull_failed', { error: e instanceof Error ? e.name : 'unknown' });
    }
    return diff;
  },
};
