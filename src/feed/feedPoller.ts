import { writeAudit } from '../store/auditLog.ts';
import type { ConfigState } from '../config/configSchema.ts';
import type { Services } from '../services/services.ts';
import { applyFeed, checkFeed, type FeedReport, type FeedSettings } from './feedService.ts';

// Polls the published directory at start and then hourly, by the injected clock: a timer wakes
// every minute and checks only when an hour of *clock* time has passed since the last completed
// check (so tests move a ManualClock and call tick()). While the store is locked nothing is
// read; the first wake after unlocking checks. With feed.autoApply a newer valid bundle is
// applied at once; otherwise the renderer gets `feed.status` and offers to apply.

export const FEED_POLL_EVERY_MS = 60 * 60 * 1000;
export const FEED_WAKE_EVERY_MS = 60 * 1000;

/** What the feed operations and the poller use from the machine config. */
export function feedSettingsOf(config: ConfigState): FeedSettings & { autoApply: boolean } {
  if (config.safeMode) {
    return { location: null, publicKey: null, autoApply: false, unavailableReason: 'feed.offSafeMode' };
  }
  const feed = config.values.feed;
  if (!feed) return { location: null, publicKey: null, autoApply: false, unavailableReason: 'feed.notConfigured' };
  // autoApply only ever with a public key (issue 12; the config schema refuses it otherwise too).
  return { location: feed.location, publicKey: feed.publicKey, allowUnsigned: feed.allowUnsigned, autoApply: feed.autoApply && Boolean(feed.publicKey) };
}

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: Timers = {
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    t.unref?.();
    return t;
  },
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

const SYSTEM_ACTOR = { profileId: null, actor: 'system', role: null } as const;

export interface FeedPollerOptions {
  services: Services;
  everyMs?: number;
  wakeEveryMs?: number;
  timers?: Timers;
  /** Passed to the reader (tests shorten the network timeout). */
  timeoutMs?: number;
}

export class FeedPoller {
  private readonly opts: FeedPollerOptions;
  private lastCheckAt: number | null = null;
  private running: Promise<FeedReport | null> | null = null;
  private handle: unknown = null;

  constructor(opts: FeedPollerOptions) {
    this.opts = opts;
  }

  /** Due at the first opportunity, then `everyMs` of clock time after the last completed check. */
  isDue(): boolean {
    const now = this.opts.services.clock.now().getTime();
    if (this.lastCheckAt === null || now < this.lastCheckAt) return true;
    return now - this.lastCheckAt >= (this.opts.everyMs ?? FEED_POLL_EVERY_MS);
  }

  /** Checks (and with autoApply, applies) when due; null when nothing ran. Never rejects. */
  tick(): Promise<FeedReport | null> {
    if (this.running) return this.running;
    const s = this.opts.services;
    const settings = feedSettingsOf(s.config);
    if (!settings.location || !s.store.isOpen() || !this.isDue()) return Promise.resolve(null);
    this.running = this.run(settings).finally(() => (this.running = null));
    return this.running;
  }

  private async run(settings: ReturnType<typeof feedSettingsOf>): Promise<FeedReport | null> {
    const s = this.opts.services;
    const runOpts = { now: s.clock.now(), log: s.log, dataDir: s.store.files.dataDir, ...(this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {}) };
    try {
      let report = await checkFeed(s.store.database(), settings, runOpts);
      if (report.state === 'update-available' && settings.autoApply && report.available && s.store.isOpen()) {
        try {
          const version = report.available.version;
          const db = s.store.database();
          // Audited like feed.apply through the router, in the same write transaction; nobody
          // is signed in for it: the actor is the system (as the scheduled purge's).
          report = await applyFeed(db, settings, {
            ...runOpts,
            expectedVersion: version,
            write: (work) =>
              db.transaction(() => {
                const result = work();
                writeAudit(db, s.clock.now(), SYSTEM_ACTOR, 'directory.import', { source: 'feed', reason: 'autoApply', version });
                return result;
              })(),
          });
        } catch {
          // Refusal already logged and recorded by applyFeed; the check's report stands.
        }
      }
      this.lastCheckAt = runOpts.now.getTime();
      s.emit('feed.status', report);
      return report;
    } catch (e) {
      // The store was locked mid-way or closed: try again at the next wake.
      s.log.warn('feed.poll_failed', { error: (e as Error).name });
      return null;
    }
  }

  start(): void {
    this.stop();
    void this.tick();
    const timers = this.opts.timers ?? realTimers;
    this.handle = timers.setInterval(() => void this.tick(), this.opts.wakeEveryMs ?? FEED_WAKE_EVERY_MS);
  }

  stop(): void {
    if (this.handle !== null) (this.opts.timers ?? realTimers).clearInterval(this.handle);
    this.handle = null;
  }
}
