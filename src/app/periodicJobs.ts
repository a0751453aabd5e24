import { createReminderEngine, type ReminderEngine, type TickReport } from '../callbacks/reminderEngine.ts';
import { type PurgeReport, runPurge } from '../retention/purge.ts';
import { HOUR } from '../domain/brusselsTime.ts';
import type { Services } from '../services/services.ts';

// What runs as time passes, driven by `tick()`: the shells call it every few seconds (main's
// ticker, the harness's), the core calls it as soon as the store opens (so reminders missed
// while the app was closed show at once), and tests call it after moving a ManualClock.
// Each job decides from the injected clock alone; none keeps a timer of its own.

export interface PeriodicTickReport {
  reminders: TickReport;
  /** Set when this tick ran the retention purge (at most hourly, clock time). */
  purge: PurgeReport | null;
}

export interface PeriodicJobs {
  tick(): PeriodicTickReport;
  reminders: ReminderEngine;
}

export const PURGE_EVERY_MS = HOUR;

export function createPeriodicJobs(s: Services): PeriodicJobs {
  const reminders = createReminderEngine(s);
  let lastPurgeAt: number | null = null;

  function purgeIfTime(): PurgeReport | null {
    const now = s.clock.now();
    // Clock moved back (a corrected PC clock): start the hour again rather than wait for it.
    if (lastPurgeAt !== null && now.getTime() >= lastPurgeAt && now.getTime() - lastPurgeAt < PURGE_EVERY_MS) return null;
    lastPurgeAt = now.getTime();
    return runPurge(s.store.database(), now, { steps: s.purgeSteps, log: s.log, policy: s.config.values.purge });
  }

  return {
    reminders,
    tick() {
      if (!s.store.isOpen()) return { reminders: { announced: [], missed: 0, badge: null }, purge: null };
      let purge: PurgeReport | null = null;
      try {
        purge = purgeIfTime();
      } catch (e) {
        s.log.error('purge.failed', { error: `${(e as Error).name}: ${(e as Error).message}` });
      }
      let report: TickReport = { announced: [], missed: 0, badge: null };
      try {
        report = reminders.tick();
      } catch (e) {
        s.log.error('callbacks.tick_failed', { error: `${(e as Error).name}: ${(e as Error).message}` });
      }
      return { reminders: report, purge };
    },
  };
}
