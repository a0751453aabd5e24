import type { Services } from '../services/services.ts';
import { overdueFrom } from './callbackSchedule.ts';
import type { Database } from 'better-sqlite3-multiple-ciphers';

// The in-app badge: how many pending callbacks are due (due now + overdue), and how many of
// those are overdue. Published as the `callbacks.badge` event when it changes, whoever
// changed it (the reminder engine as time passes, an operation closing or snoozing one).

export interface BadgeCounts {
  due: number;
  overdue: number;
}

const dueRows = new WeakMap<Database, ReturnType<Database['prepare']>>();

export function badgeCounts(db: Database, now: Date): BadgeCounts {
  let st = dueRows.get(db);
  if (!st) dueRows.set(db, (st = db.prepare(`SELECT due_at AS dueAt, window_end AS windowEnd FROM callbacks WHERE status = 'pending' AND due_at <= ?`)));
  const rows = st.all(now.toISOString()) as Array<{ dueAt: string; windowEnd: string | null }>;
  const t = now.getTime();
  let overdue = 0;
  for (const r of rows) if (t >= overdueFrom(r)) overdue++;
  return { due: rows.length, overdue };
}

// The last published counts, per core (its Services object): a new value is pushed only when
// it differs, so a shift-long ticker sends nothing while nothing changes.
const lastPublished = new WeakMap<object, string>();

/** Recomputes the badge and emits `callbacks.badge` if it changed. Returns the counts. */
export function publishBadge(s: Pick<Services, 'store' | 'clock' | 'emit'>, force = false): BadgeCounts | null {
  if (!s.store.isOpen()) return null;
  const counts = badgeCounts(s.store.database(), s.clock.now());
  const key = `${counts.due}/${counts.overdue}`;
  if (force || lastPublished.get(s) !== key) {
    lastPublished.set(s, key);
    s.emit('callbacks.badge', counts);
  }
  return counts;
}
