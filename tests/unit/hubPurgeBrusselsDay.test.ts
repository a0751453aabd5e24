import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrateHub } from '../../src/hub/db/hubMigrate.ts';
import { purgeHub } from '../../src/hub/hubPurge.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { ENGINES, tempHubDb } from './helpers/hubDatabases.ts';

// A handover note's day is a Brussels day, so its relay period ends at Brussels midnight: just
// after it (still the day before in UTC, one hour earlier in winter, two in summer) the note
// of the day the period left behind goes, the next day's stays.

const RETENTION = { callbackDays: 30, handoverDays: 30, callerMarkMonths: 24 };

for (const engine of ENGINES) {
  describe(`the hub's handover purge counts Brussels days (${engine})`, () => {
    let hub: Awaited<ReturnType<typeof tempHubDb>>;
    before(async () => {
      hub = await tempHubDb(engine);
      await migrateHub(hub.db);
    });
    after(() => hub.close());

    const cases = [
      // Winter (UTC+1): 1 February 00:30 in Brussels is 31 January 23:30 UTC.
      { season: 'winter', justBefore: '2026-01-31T22:30:00.000Z', justAfter: '2026-01-31T23:30:00.000Z', gone: '2026-01-01', kept: '2026-01-02' },
      // Summer (UTC+2): 1 August 00:30 in Brussels is 31 July 22:30 UTC.
      { season: 'summer', justBefore: '2026-07-31T21:30:00.000Z', justAfter: '2026-07-31T22:30:00.000Z', gone: '2026-07-01', kept: '2026-07-02' },
    ];
    let seq = 0;
    for (const c of cases) {
      test(`${c.season}: the note of the day 30 days back goes just after Brussels midnight, not before`, async () => {
        await hub.db.query(`DELETE FROM hub_items WHERE kind = 'handover'`);
        for (const day of [c.gone, c.kept]) {
          await hub.db.query(`INSERT INTO hub_items (kind, id, seq, payload) VALUES ('handover', $1, $2, $3)`, [`${c.season}-${day}`, ++seq, JSON.stringify({ day, sealed: 'x' })]);
        }
        const alive = async () => (await hub.db.query<{ id: string }>(`SELECT id FROM hub_items WHERE kind = 'handover' AND NOT deleted AND id LIKE $1 ORDER BY id`, [`${c.season}-%`])).map((r) => r.id);

        assert.equal((await purgeHub({ db: hub.db, clock: new ManualClock(c.justBefore) }, RETENTION)).handovers, 0, 'still 31st in Brussels');
        assert.deepEqual(await alive(), [`${c.season}-${c.gone}`, `${c.season}-${c.kept}`]);

        assert.equal((await purgeHub({ db: hub.db, clock: new ManualClock(c.justAfter) }, RETENTION)).handovers, 1, 'the 1st in Brussels');
        assert.deepEqual(await alive(), [`${c.season}-${c.kept}`]);
      });
    }
  });
}
