import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import type { Device } from '../../src/hub/devices.ts';
import { pullItems } from '../../src/hub/pull.ts';
import { pushChanges } from '../../src/hub/push.ts';
import { openHub } from '../../src/hub/hubService.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { readHubLink } from '../../src/sync/hubLinkRepository.ts';
import type { ChangeWire } from '../../src/sync/wire.ts';
import { ENGINES, tempHubLocation } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const outbox = (core: AppCore) => (core.services.store.database().prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

for (const engine of ENGINES) {
  describe(`sync through the hub (${engine})`, () => {
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    let serviceId = '';
    before(async () => {
      line = await startTwoPcLine(engine);
      ({ hub, a, b } = line);
      serviceId = (a.services.store.database().prepare('SELECT id FROM services ORDER BY id LIMIT 1').pluck().get() as string) ?? '';
      assert.ok(b.services.store.database().prepare('SELECT 1 FROM services WHERE id = ?').get(serviceId), 'both have the demo directory');
    });
    after(() => line.stop());

    test('a reachability note written on A appears on B\'s service card with A\'s centre, author and date', async () => {
      await ok(a, 'directory.addNote', { serviceId, text: 'Ne décroche plus depuis 2 semaines' });
      assert.equal(outbox(a), 1, 'written to the outbox in the note\'s transaction');
      assert.deepEqual(await ok(a, 'hub.syncNow', {}), { pushed: 1, pulled: 1, pending: 0 });
      assert.equal(outbox(a), 0);
      const pulled = await ok<{ pulled: number }>(b, 'hub.syncNow', {});
      assert.equal(pulled.pulled, 1);
      const card = await ok<{ notes: { text: string; responder: string; centre: string | null; created_at: string }[] }>(b, 'directory.get', { id: serviceId });
      const note = card.notes.find((n) => n.text === 'Ne décroche plus depuis 2 semaines');
      assert.ok(note, 'on B');
      assert.deepEqual([note.responder, note.centre], ['Sophie', 'CASG Nord']);
      assert.ok(note.created_at);
      // Not sent back by B, not duplicated on A.
      assert.equal(outbox(b), 0);
      await ok(a, 'hub.syncNow', {});
      assert.equal((await ok<{ notes: unknown[] }>(a, 'directory.get', { id: serviceId })).notes.length, 1);
      const status = await ok<{ lastSyncAt: string | null; pending: number; offlineSince: string | null }>(b, 'hub.status', {});
      assert.ok(status.lastSyncAt);
      assert.equal(status.pending, 0);
      assert.equal(status.offlineSince, null);
    });

    test('a closed call sends its structured facts only — no notes, pseudonym, free text — and a reopen+close replaces them', async () => {
      const db = a.services.store.database();
      const repo = callsRepository(db);
      const profileId = a.services.session.profileId as string;
      const t0 = new Date('2026-03-02T09:00:00Z');
      const id = repo.start(profileId, t0);
      repo.addNote(id, 'SECRET-NOTE Madame habite rue X, 0470 12 34 56', 1000, t0);
      repo.end(id, new Date(t0.getTime() + 300_000), 300_000, new Date(t0.getTime() + 300_000));
      repo.saveRecord(id, { themes: ['logement'], interventions: ['information'], pseudonym: 'SECRET-PSEUDO', unmetNeed: 'SECRET-UNMET', resolution: 'partly', commune: 'anderlecht', referrals: [{ serviceId, serviceName: 'CPAS', contacted: true, consent: true, outcome: 'will_help' }] } as never, t0);
      repo.close(id, new Date(t0.getTime() + 400_000));
      // The facts, and (issue 15) the pseudonym's caller mark: a keyed hash and a sealed value.
      assert.equal(outbox(a), 2);
      assert.equal((await ok<{ pushed: number }>(a, 'hub.syncNow', {})).pushed, 2);
      const rows = await hub.ctx.db.query<{ call_id: string; centre: string; facts: unknown }>('SELECT call_id, centre, facts FROM hub_call_facts');
      assert.equal(rows.length, 1);
      const text = JSON.stringify(rows);
      for (const secret of ['SECRET-NOTE', 'SECRET-PSEUDO', 'SECRET-UNMET', '0470']) assert.ok(!text.includes(secret), `${secret} never leaves the PC`);
      const facts = (typeof rows[0]?.facts === 'string' ? JSON.parse(rows[0].facts) : rows[0]?.facts) as { themes: string[]; unmet: boolean; durationMs: number; referrals: { serviceId: string; outcome: string }[] };
      assert.deepEqual([facts.themes, facts.unmet, facts.durationMs, facts.referrals[0]?.outcome], [['logement'], true, 300_000, 'will_help']);
      assert.equal(rows[0]?.centre, 'CASG Nord');

      repo.reopen(id, new Date(t0.getTime() + 500_000));
      repo.saveRecord(id, { themes: ['logement', 'sante'], resolution: 'resolved' } as never, t0);
      repo.close(id, new Date(t0.getTime() + 600_000));
      await ok(a, 'hub.syncNow', {});
      const again = await hub.ctx.db.query<{ facts: unknown }>('SELECT facts FROM hub_call_facts');
      assert.equal(again.length, 1, 'same call id: replaced, not added');
      const f2 = (typeof again[0]?.facts === 'string' ? JSON.parse(again[0].facts) : again[0]?.facts) as { themes: string[] };
      assert.deepEqual(f2.themes, ['logement', 'sante']);
    });

    test('a PC restored from an old backup (cursor back to 0, outbox replayed under new ids) ends with no duplicate and nothing lost', async () => {
      const db = b.services.store.database();
      await ok(b, 'directory.addNote', { serviceId, text: 'Nouveau numéro depuis lundi' });
      await ok(b, 'hub.syncNow', {});
      const hubNotes = async () => (await hub.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM hub_items WHERE kind = 'note'`))[0]?.n;
      const before = await hubNotes();
      // The answer to a push was lost: the same change ids are sent again.
      const uuid = () => crypto.randomUUID();
      db.prepare(`INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at) SELECT ?, 'note', CAST(id AS TEXT), '{}', created_at FROM reachability_notes WHERE origin = 'local'`).run(uuid());
      db.prepare('UPDATE hub_link SET cursor = 0').run();
      const r = await ok<{ pushed: number; pulled: number }>(b, 'hub.syncNow', {});
      assert.equal(r.pushed, 1, 'acknowledged');
      assert.ok(r.pulled >= 2, 'pulled everything again from 0');
      assert.equal(await hubNotes(), before, 'no duplicate on the hub');
      const count = db.prepare('SELECT count(*) AS n FROM reachability_notes WHERE service_id = ?').pluck().get(serviceId);
      assert.equal(count, 2, 'no duplicate on the PC: one note from A, one from B');
    });

    test('hub unreachable: the workstation keeps working, counts pending changes, then drains', async () => {
      const port = Number(new URL(hub.url).port);
      await hub.server.close();
      await ok(a, 'directory.addNote', { serviceId, text: 'Fermé pendant les congés' });
      const r = await a.router.dispatch('hub.syncNow', {});
      assert.equal(r.ok, false);
      assert.equal((r as { error: { code: string } }).error.code, 'HubUnreachable');
      const offline = await ok<{ pending: number; offlineSince: string | null; lastError: string | null }>(a, 'hub.status', {});
      assert.equal(offline.pending, 1);
      assert.ok(offline.offlineSince);
      const { buildHubServer } = await import('../../hub/server.ts');
      hub.server = buildHubServer({ ctx: hub.ctx });
      await hub.server.listen({ port, host: '127.0.0.1' });
      assert.equal((await ok<{ pushed: number }>(a, 'hub.syncNow', {})).pushed, 1);
      const back = await ok<{ pending: number; offlineSince: string | null }>(a, 'hub.status', {});
      assert.deepEqual([back.pending, back.offlineSince], [0, null]);
      await ok(b, 'hub.syncNow', {});
      assert.ok((await ok<{ notes: { text: string }[] }>(b, 'directory.get', { id: serviceId })).notes.some((n) => n.text === 'Fermé pendant les congés'));
    });

    test('the scheduler pushes about a second after a local change, without a tick; the status chip hears of each pending count', async () => {
      const pending: number[] = [];
      const off = a.onEvent((name, payload) => {
        if (name === 'hub.status') pending.push((payload as { pending: number }).pending);
      });
      await ok(a, 'directory.addNote', { serviceId, text: 'Répond le matin seulement' });
      assert.equal(outbox(a), 1);
      assert.deepEqual(pending, [1], 'the note written is announced at once, not found by polling');
      const deadline = Date.now() + 10_000;
      while ((outbox(a) > 0 || pending.at(-1) !== 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.equal(outbox(a), 0, 'drained by the debounced push');
      assert.ok(readHubLink(a.services.store.database())?.lastSyncAt);
      assert.equal(pending.at(-1), 0, 'and the drained outbox after the round');
      off();
    });
  });
}

test('sequence numbers follow commit order: a push held open never gets skipped by a cursor (PostgreSQL, two connections)', async () => {
  const temp = await tempHubLocation('postgres');
  const hub = await openHub(temp.location, systemClock);
  try {
    const device: Device = { id: 'dev-1', centre: 'CASG Nord', name: 'T', role: 'member' };
    const note = (text: string): ChangeWire => ({ id: crypto.randomUUID(), kind: 'note', note: { uid: crypto.randomUUID(), serviceId: 's1', text, author: 'Rita', writtenAt: '2026-03-02T09:00:00.000Z' } });
    let release!: () => void;
    let reached!: () => void;
    const atSequence = new Promise<void>((r) => (reached = r));
    const held = pushChanges(hub, device, [note('slow')], { beforeSequence: () => { reached(); return new Promise<void>((r) => (release = r)); } });
    await atSequence;
    // The slow push is inside its transaction; another push commits meanwhile and is pulled.
    const [fast] = await pushChanges(hub, device, [note('fast')]);
    const first = await pullItems(hub, 0, 100);
    assert.deepEqual(first.items.map((i) => (i.payload as { text: string }).text), ['fast']);
    const cursor = first.next;
    assert.equal(cursor, fast?.seq);
    release();
    const [slow] = await held;
    assert.ok((slow?.seq ?? 0) > cursor, 'the late commit is numbered after what was already pulled');
    const second = await pullItems(hub, cursor, 100);
    assert.deepEqual(second.items.map((i) => (i.payload as { text: string }).text), ['slow'], 'and the cursor does not skip it');
  } finally {
    await hub.close();
    await temp.drop();
  }
});
