import { addDays, dayOf, nextDayStart } from '../../domain/brusselsTime.ts';
import type { Db } from '../../store/openDatabase.ts';
import { directoryRepository } from '../directoryRepository.ts';

// The "to verify" worklist (issue 17): active services that need a maintainer's check, most
// urgent first —
//   1. "unreachable" reachability notes in the last 30 days that no verification answered since
//      (most notes first): a caller may be sent to a service that no longer answers today;
//   2. not verified for 12 months or more (the oldest check first);
//   3. never verified (by name).
// A service in several groups is listed once, in its most urgent group.

export const UNREACHABLE_WINDOW_DAYS = 30;

export type VerifyReason = 'unreachable' | 'stale' | 'never';

export interface ToVerifyItem {
  id: string;
  name: string;
  commune: string | null;
  lastVerified: string | null;
  unreachableNotes: number;
  reason: VerifyReason;
}

/** The instant 30 days ago (ISO), the start of the "unreachable notes" window. */
export function unreachableSince(now: Date): string {
  return new Date(now.getTime() - UNREACHABLE_WINDOW_DAYS * 86_400_000).toISOString();
}

/** The Brussels date 12 months before today: a check on or before it is overdue. */
export function staleBefore(now: Date): string {
  const today = dayOf(now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Same day a year earlier; 29 February falls back to 28 February.
  const lastYear = `${y - 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return m === 2 && d === 29 ? addDays(`${y - 1}-03-01`, -1) : lastYear;
}

/**
 * "Unreachable" notes of the window that no verification has answered yet: a note counts when
 * it is later than the service's last `verified` note and than the day of its last_verified.
 */
function openUnreachable(db: Db, since: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT n.service_id AS id, n.created_at AS at, s.last_verified AS lv,
              (SELECT max(v.created_at) FROM reachability_notes v WHERE v.service_id = n.service_id AND v.kind = 'verified') AS vat
         FROM reachability_notes n JOIN services s ON s.id = n.service_id
        WHERE n.kind = 'unreachable' AND n.created_at >= ?`,
    )
    .all(since) as Array<{ id: string; at: string; lv: string | null; vat: string | null }>;
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.vat !== null && r.at <= r.vat) continue;
    if (r.lv !== null && r.at < nextDayStart(r.lv).toISOString()) continue;
    out.set(r.id, (out.get(r.id) ?? 0) + 1);
  }
  return out;
}

export function toVerifyList(db: Db, now: Date): ToVerifyItem[] {
  const repo = directoryRepository(db);
  const unreachable = openUnreachable(db, unreachableSince(now));
  const stale = staleBefore(now);
  const items: ToVerifyItem[] = [];
  for (const s of repo.listServices()) {
    if (s.status !== 'active') continue;
    const notes = unreachable.get(s.id) ?? 0;
    const reason: VerifyReason | null = notes > 0 ? 'unreachable' : s.last_verified === null ? 'never' : s.last_verified <= stale ? 'stale' : null;
    if (reason) items.push({ id: s.id, name: s.name, commune: s.commune, lastVerified: s.last_verified, unreachableNotes: notes, reason });
  }
  const rank: Record<VerifyReason, number> = { unreachable: 0, stale: 1, never: 2 };
  return items.sort(
    (a, b) =>
      rank[a.reason] - rank[b.reason] ||
      b.unreachableNotes - a.unreachableNotes ||
      (a.lastVerified ?? '').localeCompare(b.lastVerified ?? '') ||
      a.name.localeCompare(b.name, 'fr'),
  );
}
