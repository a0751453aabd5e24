import type { EventPayload } from '../contract/index.ts';
import type { Services } from '../services/services.ts';
import { type BadgeCounts, publishBadge } from './callbackBadge.ts';
import { wasMissed } from './callbackSchedule.ts';
import { callbacksRepository } from './callbacksRepository.ts';

// The reminder engine. It holds no timers and no list of reminders: each `tick()` asks the
// store what is due at the injected clock's `now`, announces what has not been announced for
// its current due time (one `callbacks.due` event per tick, whatever the count), marks it
// announced and refreshes the badge. So the truth is the store plus the clock:
// - a shell's ticker (main, the harness) only calls tick() every few seconds;
// - reminders that fell due while the app was closed or the PC asleep come out at the first
//   tick after the store opens, flagged `missed`, and sit in the queue as overdue;
// - tests move a ManualClock and call tick().
// Memory stays flat over a shift: nothing accumulates between ticks.

export interface TickReport {
  /** Callbacks announced by this tick (their ids). */
  announced: string[];
  missed: number;
  badge: BadgeCounts | null;
}

export interface ReminderEngine {
  tick(): TickReport;
}

type DueItem = EventPayload<'callbacks.due'>['callbacks'][number];

export function createReminderEngine(s: Services): ReminderEngine {
  return {
    tick() {
      if (!s.store.isOpen()) return { announced: [], missed: 0, badge: null };
      const db = s.store.database();
      const now = s.clock.now();
      const repo = callbacksRepository(db);
      const fresh = repo.dueUnannounced(now.toISOString());
      let missed = 0;
      if (fresh.length > 0) {
        const items: DueItem[] = fresh.map((c) => {
          const late = wasMissed(c.dueAt, now);
          if (late) missed++;
          // No number and no reason in an event: an OS notification may show it on screen.
          return { id: c.id, dueAt: c.dueAt, windowEnd: c.windowEnd, language: c.language as DueItem['language'], assigneeProfileId: c.assigneeProfileId, missed: late };
        });
        repo.markAnnounced(fresh.map((c) => c.id));
        s.emit('callbacks.due', { at: now.toISOString(), count: items.length, missed, callbacks: items });
        s.log.info('callbacks.due', { count: items.length, missed });
      }
      return { announced: fresh.map((c) => c.id), missed, badge: publishBadge(s) };
    },
  };
}
