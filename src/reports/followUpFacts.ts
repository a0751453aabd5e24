import type { Db } from '../store/openDatabase.ts';
import { periodInstants } from '../domain/brusselsTime.ts';
import { bump, type PeriodFacts } from './periodFacts.ts';
import { serviceKind } from './serviceKinds.ts';

// "Did help arrive?" for the bilans (issue 15, point 5): the follow-ups written when a callback
// reached the caller, for the calls of the period taken on this PC (a follow-up recorded at
// another centre about one of them comes with the hub's state). Counted per referral, by kind
// of service: `<kind>:<help>`, and "help arrived" per referred service (the barometer). Read at report time rather than cached per day: a follow-up is
// written days after its call, and this is one small query.

export function addFollowUpFacts(db: Db, facts: PeriodFacts): void {
  const { startIso, endIso } = periodInstants(facts.from, facts.to);
  const rows = db
    .prepare(
      `SELECT f.referrals FROM callback_follow_ups f JOIN calls c ON c.id = f.call_id
       WHERE c.started_at >= ? AND c.started_at < ? AND c.status <> 'active' AND c.no_request IS NULL`,
    )
    .all(startIso, endIso) as Array<{ referrals: string }>;
  const firstTheme = db.prepare(`SELECT json_extract(themes, '$[0]') FROM services WHERE id = ?`).pluck();
  for (const r of rows) {
    for (const ref of JSON.parse(r.referrals) as Array<{ serviceId: string; serviceName: string; help: string }>) {
      const kind = serviceKind(ref.serviceId, ref.serviceName, (firstTheme.get(ref.serviceId) as string | null | undefined) ?? null);
      bump(facts.helpByKind, `${kind}:${ref.help}`);
      if (ref.help === 'arrived') bump(facts.helpArrivedByService, ref.serviceId);
    }
  }
}
