import type { Db } from '../store/openDatabase.ts';
import { centresOf, type CollectedPeriods, collectPeriods } from './collectFacts.ts';
import { addFacts, emptyFacts, type PeriodFacts } from './periodFacts.ts';
import { addDays } from '../domain/brusselsTime.ts';
import { addFollowUpFacts } from './followUpFacts.ts';

// The facts of periods as sums of days: each Brussels day's facts are computed once (all the
// missing days of a report in one pass, collectFacts.ts) and kept in report_day_facts, which
// triggers empty for a day as soon as anything it counts changes (migration 005). A year's
// report then adds up 365 small records instead of reading 100,000 calls again; the sum of the
// days is exactly the facts of the period (every count belongs to the hour a call started in).

/** Bump when what a day's facts hold changes: older rows are recomputed. */
export const FACTS_VERSION = 4;

interface DayEntry {
  facts: PeriodFacts;
  profiles: string[];
}

function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function cachedPeriods(db: Db, periods: ReadonlyArray<{ from: string; to: string }>): CollectedPeriods {
  const perPeriod = periods.map((p) => daysOf(p.from, p.to));
  const all = [...new Set(perPeriod.flat())].sort();
  if (!all.length) return collectPeriods(db, periods);
  const run = db.transaction((): CollectedPeriods => {
    const days = new Map<string, DayEntry>();
    const rows = db.prepare('SELECT day, facts FROM report_day_facts WHERE day >= ? AND day <= ? AND version = ?').raw().all(all[0], all[all.length - 1], FACTS_VERSION) as Array<[string, string]>;
    // A day without calls is stored as 0.
    for (const [day, json] of rows) days.set(day, json === '0' ? { facts: emptyFacts(day, day), profiles: [] } : (JSON.parse(json) as DayEntry));
    const missing = all.filter((d) => !days.has(d));
    if (missing.length) {
      const fresh = collectPeriods(
        db,
        missing.map((d) => ({ from: d, to: d })),
      );
      const put = db.prepare('INSERT INTO report_day_facts (day, version, facts) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET version = excluded.version, facts = excluded.facts');
      missing.forEach((day, i) => {
        const entry = { facts: fresh.facts[i]!, profiles: fresh.profileIds[i]! };
        days.set(day, entry);
        put.run(day, FACTS_VERSION, entry.facts.calls === 0 ? '0' : JSON.stringify(entry));
      });
    }
    const facts = periods.map((p, i) => {
      const total = emptyFacts(p.from, p.to);
      for (const d of perPeriod[i]!) addFacts(total, days.get(d)!.facts);
      addFollowUpFacts(db, total);
      return total;
    });
    const profileIds = perPeriod.map((list) => [...new Set(list.flatMap((d) => days.get(d)!.profiles))]);
    return { facts, centres: centresOf(db, profileIds), profileIds };
  });
  // One write transaction: what is read and what is stored come from the same state of the store.
  return run.immediate();
}
