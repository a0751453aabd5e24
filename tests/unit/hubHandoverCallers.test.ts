import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import { readHubLink } from '../../src/sync/hubLinkRepository.ts';
import { pseudonymHash } from '../../src/sync/lineKeyDerived.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';

// Issue 15, points 6–7, with a real hub (PostgreSQL and PGlite) and two workstation cores:
// handover notes reach the other centre's home board; a pseudonym typed on one PC finds the
// calls another centre recorded under it. The hub holds neither text nor pseudonym.

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

interface Board {
  handover: { day: string; notes: Array<{ text: string; author: string; centre: string | null }> } | null;
}
interface Repeat {
  count: number;
  lastAt: string | null;
  themes: Array<{ code: string; count: number }>;
  knowThat: { text: string; at: string; centre: string | null } | null;
  centres: string[];
}

const outbox = (core: AppCore, kind: string) => (core.services.store.database().prepare('SELECT count(*) AS n FROM sync_outbox WHERE kind = ?').get(kind) as { n: number }).n;

/** A closed call with this record, started at `at` (the repository directly: the console's steps are tested elsewhere). */
function closedCall(core: AppCore, at: string, record: Record<string, unknown>): string {
  const repo = callsRepository(core.services.store.database());
  const t0 = new Date(at);
  const id = repo.start(core.services.session.profileId as string, t0);
  repo.end(id, new Date(t0.getTime() + 120_000), 120_000, new Date(t0.getTime() + 120_000));
  repo.saveRecord(id, { themes: ['housing'], interventions: ['information'], ...record } as never, t0);
  repo.close(id, new Date(t0.getTime() + 180_000));
  return id;
}

for (const engine of ENGINES) {
  describe(`handover notes and repeat callers through the hub (${engine})`, () => {
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    before(async () => {
      line = await startTwoPcLine(engine);
      ({ hub, a, b } = line);
    });
    after(() => line.stop());

    test('a handover note left on A appears on B\'s home board with A\'s centre; the hub holds it sealed', async () => {
      await ok(a, 'reports.handover.add', { text: 'Le CPAS de Forest ne répond plus le matin: appeler après 14 h.' });
      assert.equal(outbox(a, 'handover'), 1, 'written to the outbox in the note\'s transaction');
      await ok(a, 'hub.syncNow', {});
      const onHub = await hub.ctx.db.query<{ payload: unknown }>(`SELECT payload FROM hub_items WHERE kind = 'handover'`);
      assert.equal(onHub.length, 1);
      const raw = JSON.stringify(onHub);
      assert.ok(!raw.includes('Forest') && !raw.includes('Sophie'), 'neither text nor author in clear on the hub');
      assert.ok(raw.includes('CASG Nord'), 'the writing device\'s centre is stamped (metadata)');

      await ok(b, 'reports.handover.add', { text: 'Rappel Mme du mardi fait.' });
      await ok(b, 'hub.syncNow', {});
      const board = await ok<Board>(b, 'shift.board', {});
      assert.deepEqual(
        board.handover?.notes.map((n) => [n.text, n.author, n.centre]),
        [
          ['Le CPAS de Forest ne répond plus le matin: appeler après 14 h.', 'Sophie', 'CASG Nord'],
          ['Rappel Mme du mardi fait.', 'Sophie', null],
        ],
      );
      // A gets B's note; its own comes back from the hub without a duplicate.
      await ok(a, 'hub.syncNow', {});
      const onA = await ok<Board>(a, 'shift.board', {});
      assert.deepEqual(onA.handover?.notes.map((n) => [n.text, n.centre]), [
        ['Le CPAS de Forest ne répond plus le matin: appeler après 14 h.', null],
        ['Rappel Mme du mardi fait.', 'CPAS Anderlecht'],
      ]);
    });

    test('a handover note the hub moved to another day does not open, and is not shown', async () => {
      const db = b.services.store.database();
      await hub.ctx.db.query(`UPDATE hub_items SET payload = jsonb_set(payload, '{day}', '"2020-01-01"') WHERE kind = 'handover'`);
      db.prepare('DELETE FROM shared_handover_notes').run();
      db.prepare('UPDATE hub_link SET cursor = 0').run();
      await ok(b, 'hub.syncNow', {});
      assert.equal(db.prepare('SELECT count(*) FROM shared_handover_notes').pluck().get(), 0);
      const board = await ok<Board>(b, 'shift.board', {});
      assert.deepEqual(board.handover?.notes.map((n) => n.text), ['Rappel Mme du mardi fait.']);
    });

    test('a pseudonym typed on B finds A\'s calls under it (count, last date, themes, "à savoir"), matched on a keyed hash', async () => {
      closedCall(a, '2026-02-02T09:00:00Z', { pseudonym: 'Monsieur Lundi', themes: ['housing', 'health'], knowThat: 'Préfère être rappelé le matin' });
      closedCall(a, '2026-02-09T09:00:00Z', { pseudonym: 'monsieur lundi', themes: ['housing'] });
      closedCall(a, '2026-02-10T09:00:00Z', { pseudonym: 'Madame Mardi', themes: ['employment'] });
      closedCall(a, '2026-02-11T09:00:00Z', { themes: ['employment'] });
      assert.equal(outbox(a, 'callerMark'), 3, 'a call closed without a pseudonym sends no mark');
      await ok(a, 'hub.syncNow', {});
      const marks = await hub.ctx.db.query<{ id: string; payload: unknown; deleted: boolean }>(`SELECT id, payload, deleted FROM hub_items WHERE kind = 'callerMark' ORDER BY seq`);
      assert.equal(marks.length, 3, 'one mark per pseudonymous call');
      const raw = JSON.stringify(marks).toLowerCase();
      for (const clear of ['lundi', 'mardi', 'matin', 'housing', '2026-02']) assert.ok(!raw.includes(clear), `${clear} not in clear on the hub`);
      const lineKey = readHubLink(a.services.store.database())?.lineKey;
      assert.ok(lineKey);
      const hashes = marks.map((m) => (typeof m.payload === 'string' ? JSON.parse(m.payload) : m.payload) as { hash: string }).map((p) => p.hash);
      assert.equal(hashes[0], hashes[1], 'the hub sees two marks with one hash: the frequency, not the name');
      assert.equal(hashes[0], pseudonymHash(lineKey, 'Monsieur Lundi'));

      await ok(b, 'hub.syncNow', {});
      const current = callsRepository(b.services.store.database()).start(b.services.session.profileId as string, new Date('2026-03-02T09:00:00Z'));
      const found = await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: 'MONSIEUR  Lundi.', callId: current });
      assert.deepEqual(found, {
        count: 2,
        lastAt: '2026-02-09T09:00:00.000Z',
        themes: [{ code: 'housing', count: 2 }, { code: 'health', count: 1 }],
        knowThat: { text: 'Préfère être rappelé le matin', at: '2026-02-02T09:00:00.000Z', centre: 'CASG Nord' },
        centres: ['CASG Nord'],
      });
      assert.equal((await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: 'Monsieur Mardi' })).count, 0);
      assert.equal((await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: '  ' })).count, 0, 'nothing typed yet: nothing suggested');

      // B's own earlier call counts too, from the store (no hub round trip), once.
      closedCall(b, '2026-02-20T15:00:00Z', { pseudonym: 'Monsieur Lundi', knowThat: 'Parle mieux néerlandais' });
      await ok(b, 'hub.syncNow', {});
      const withOwn = await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: 'monsieur lundi', callId: current });
      assert.equal(withOwn.count, 3, 'B\'s own mark pulled back is not counted twice');
      assert.deepEqual([withOwn.lastAt, withOwn.knowThat?.text, withOwn.knowThat?.centre], ['2026-02-20T15:00:00.000Z', 'Parle mieux néerlandais', null]);
      // And A, once synced, meets B's call too.
      await ok(a, 'hub.syncNow', {});
      const onA = await ok<Repeat>(a, 'calls.repeatCaller', { pseudonym: 'Monsieur Lundi' });
      assert.deepEqual([onA.count, onA.centres, onA.knowThat?.centre], [3, ['CPAS Anderlecht'], 'CPAS Anderlecht']);
    });

    test('reopening replaces a mark; erasing the pseudonym (retention purge) withdraws it from the hub and every workstation', async () => {
      const dbA = a.services.store.database();
      const id = dbA.prepare(`SELECT id FROM calls WHERE pseudonym = 'Monsieur Lundi'`).pluck().get() as string;
      const repo = callsRepository(dbA);
      repo.reopen(id, new Date('2026-02-02T10:00:00Z'));
      repo.saveRecord(id, { themes: ['health'], interventions: ['information'], pseudonym: 'Monsieur Lundi', knowThat: 'Rappeler avant midi' } as never, new Date('2026-02-02T10:00:00Z'));
      repo.close(id, new Date('2026-02-02T10:01:00Z'));
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      const again = await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: 'Monsieur Lundi' });
      assert.equal(again.count, 3, 'replaced, not added');
      assert.deepEqual(again.themes.find((t) => t.code === 'health'), { code: 'health', count: 1 });

      // What the notes purge does to an old call's pseudonym (src/access/notesPurge.ts).
      dbA.prepare('UPDATE calls SET pseudonym = NULL, know_that = NULL WHERE id = ?').run(id);
      assert.equal(outbox(a, 'callerMark'), 1);
      await ok(a, 'hub.syncNow', {});
      const [row] = await hub.ctx.db.query<{ payload: unknown; deleted: boolean }>(`SELECT payload, deleted FROM hub_items WHERE kind = 'callerMark' AND deleted`);
      assert.deepEqual([row?.payload, row?.deleted], [null, true], 'the hub keeps no sealed copy');
      await ok(b, 'hub.syncNow', {});
      assert.equal((await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: 'Monsieur Lundi' })).count, 2);

      // A pseudonym removed from a reopened record is withdrawn at once, without waiting for a close.
      assert.equal((await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: 'Madame Mardi' })).count, 1);
      const mardi = dbA.prepare(`SELECT id FROM calls WHERE pseudonym = 'Madame Mardi'`).pluck().get() as string;
      repo.reopen(mardi, new Date('2026-02-10T10:00:00Z'));
      repo.saveRecord(mardi, { themes: ['employment'], interventions: ['information'], pseudonym: '' } as never, new Date('2026-02-10T10:00:00Z'));
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      assert.equal((await ok<Repeat>(b, 'calls.repeatCaller', { pseudonym: 'Madame Mardi' })).count, 0);
    });
  });
}
