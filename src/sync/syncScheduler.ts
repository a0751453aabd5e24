import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { StoreSession } from '../store/storeSession.ts';
import { readHubLink } from './hubLinkRepository.ts';
import { readHubStatus } from './hubStatus.ts';
import { type PulledCounts, type SyncRoundResult, syncRound } from './syncRound.ts';
import type { SyncDeps } from './hubEnrolment.ts';

// When the workstation syncs with the hub: about a second after a local change to shared data
// (debounced), otherwise at each core.tick() (every 15 s in the app), and with exponential
// back-off while the hub cannot be reached (5 s, 10 s, 20 s … capped at 5 minutes). The app
// works the same offline: nothing waits on a round.

export const DEBOUNCE_MS = 1000;
export const BACKOFF_BASE_MS = 5000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export interface SyncScheduler {
  /**
   * Runs a round that starts after this call (hub.syncNow, relais-admin hub sync): a round already
   * running may have pushed and pulled before the change the caller wants carried, so it is
   * awaited and a new round follows (callers meanwhile share that new round).
   */
  syncNow(): Promise<SyncRoundResult>;
  /** From core.tick(): starts a round when one is due (not joined: nothing). */
  tick(): void;
  /** After an operation: if it wrote to the outbox, push in about a second. */
  afterOperation(): void;
  stop(): void;
}

export function backoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
}

export function createSyncScheduler(opts: {
  store: StoreSession;
  clock: Clock;
  log: Logger;
  onStatus: (status: ReturnType<typeof readHubStatus>) => void;
  /** After a round that applied pulled changes (also one that failed part-way): the screens refresh. */
  onPulled?: (counts: PulledCounts) => void;
  deps?: SyncDeps;
}): SyncScheduler {
  let running: Promise<SyncRoundResult> | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let lastOutboxSeq = -1;
  let lastPending = -1;
  const announce = (counts: PulledCounts | undefined) => {
    if (counts && Object.values(counts).some((n) => n > 0)) opts.onPulled?.(counts);
  };

  const round = (): Promise<SyncRoundResult> => {
    running ??= (async () => {
      try {
        const db = opts.store.database();
        const r = await syncRound(db, () => opts.clock.now(), opts.deps);
        opts.log.info('hub.sync', { pushed: r.pushed, pulled: r.pulled, pending: r.pending });
        announce(r.applied);
        return r;
      } catch (e) {
        opts.log.warn('hub.sync_failed', { code: (e as { code?: string }).code ?? 'Internal' });
        announce((e as { applied?: PulledCounts }).applied);
        throw e;
      } finally {
        running = null;
        if (opts.store.isOpen()) {
          const status = readHubStatus(opts.store.database());
          lastPending = status.pending;
          opts.onStatus(status);
        }
      }
    })();
    return running;
  };

  const due = (): boolean => {
    if (!opts.store.isOpen()) return false;
    const link = readHubLink(opts.store.database());
    if (!link) return false;
    if (!link.failures || !link.lastAttemptAt) return true;
    const wait = backoffMs(link.failures);
    const since = opts.clock.now().getTime() - Date.parse(link.lastAttemptAt);
    // A clock set back (since < 0) must not freeze the sync: try again.
    return since < 0 || since >= wait;
  };

  return {
    async syncNow() {
      if (running) await running.catch(() => undefined);
      return round();
    },
    tick() {
      if (running || !due()) return;
      round().catch(() => undefined);
    },
    afterOperation() {
      if (!opts.store.isOpen()) return;
      const db = opts.store.database();
      const { seq, n } = db.prepare('SELECT coalesce(max(seq), 0) AS seq, count(*) AS n FROM sync_outbox').get() as { seq: number; n: number };
      // The pending count changed (a note written, a queued change dropped): the status chip
      // hears it now, rather than asking main every few seconds.
      if (n !== lastPending && readHubLink(db)) opts.onStatus(readHubStatus(db));
      lastPending = n;
      if (seq === lastOutboxSeq) return;
      lastOutboxSeq = seq;
      if (seq === 0) return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => {
        debounce = null;
        if (!running && due()) round().catch(() => undefined);
      }, DEBOUNCE_MS);
      debounce.unref?.();
    },
    stop() {
      if (debounce) clearTimeout(debounce);
      debounce = null;
    },
  };
}
