import type { Router } from '../router/router.ts';
import type { Services } from '../services/services.ts';
import { lastAuditId } from '../store/auditLog.ts';

// The audit log has many writers (the router's rules, self-audited handlers, sign-in failures,
// the idle lock, the hourly purge, backups, the feed): rather than each announcing its entry,
// the core looks once after each operation (whatever its outcome) and each tick whether the
// newest id moved, and tells the window `audit.appended` (no content) — the log on the
// administration screen refreshes instead of polling. Entries another process writes (the CLI)
// are seen at the next tick.

export function createAuditAnnouncer(services: Services): () => void {
  let last: number | null = null;
  return () => {
    try {
      if (!services.store.isOpen()) {
        last = null;
        return;
      }
      const id = lastAuditId(services.store.database());
      if (last !== null && id !== last) services.emit('audit.appended', {});
      last = id;
    } catch (e) {
      // A look that failed only delays the refresh until the next one.
      services.log.warn('audit.announce_failed', { error: (e as Error).message });
    }
  };
}

/** The router, looking before each operation (an entry written meanwhile) and after it (its own entry, even when it failed: a wrong PIN is audited). */
export function announcingAudit(router: Router, announce: () => void): Router {
  return {
    async dispatch(name, input) {
      announce();
      const result = await router.dispatch(name, input);
      announce();
      return result;
    },
  };
}
