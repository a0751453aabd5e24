import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Federation, type HubProcess, startFederation, type WorkstationProcess } from '../federation/harness.ts';

// Issue 14 end to end with SEPARATE PROCESSES: `relais-hub serve` and three workstation cores,
// each its own OS process (tests/federation/harness.ts), on a throwaway PostgreSQL database.

const notesOn = async (ws: WorkstationProcess, serviceId: string) => (await ws.call<{ notes: { text: string; centre: string | null }[] }>('directory.get', { id: serviceId })).notes;

async function closeCall(ws: WorkstationProcess, themes: string[]): Promise<string> {
  const call = await ws.call<{ id: string }>('calls.start', {});
  await ws.call('calls.end', { callId: call.id });
  await ws.call('calls.close', { callId: call.id, record: { themes, interventions: ['orientation'] } });
  return call.id;
}

describe('federation in separate processes (PostgreSQL)', () => {
  let fed: Federation;
  let hub: HubProcess;
  let a: WorkstationProcess;
  let b: WorkstationProcess;
  let c: WorkstationProcess;
  let serviceId = '';
  before(async () => {
    fed = await startFederation({ engine: 'postgres' });
    hub = await fed.startHub();
    [a, b, c] = await Promise.all([
      fed.startWorkstation('A', { centre: 'CASG Nord' }),
      fed.startWorkstation('B', { centre: 'CPAS Anderlecht' }),
      fed.startWorkstation('C', { centre: 'Infor Jeunes Schaerbeek' }),
    ]);
    await fed.enrolFounder(a, hub);
    await fed.enrol(b, { inviter: a, hub });
    await fed.enrol(c, { inviter: a, hub });
    serviceId = ((await a.sql<{ id: string }>('SELECT id FROM services ORDER BY id LIMIT 1'))[0] as { id: string }).id;
  });
  after(async () => {
    await fed?.close();
  });

  test('a note written on A appears on B and C; calls closed on A and B both reach the hub\'s facts', async () => {
    await a.call('directory.addNote', { serviceId, text: 'Ne décroche plus depuis 2 semaines', kind: 'unreachable' });
    await a.call('hub.syncNow');
    await Promise.all([b.call('hub.syncNow'), c.call('hub.syncNow')]);
    for (const ws of [b, c]) {
      const note = (await notesOn(ws, serviceId)).find((n) => n.text === 'Ne décroche plus depuis 2 semaines');
      assert.equal(note?.centre, 'CASG Nord', `on ${ws.name}, with A's centre`);
    }
    const ids = [await closeCall(a, ['housing']), await closeCall(b, ['food'])];
    await a.call('hub.syncNow');
    await b.call('hub.syncNow');
    const facts = await fed.hubSql<{ call_id: string; centre: string }>('SELECT call_id, centre FROM hub_call_facts WHERE call_id = ANY($1) ORDER BY centre', [ids]);
    assert.deepEqual(facts.map((f) => f.centre), ['CASG Nord', 'CPAS Anderlecht']);
  });

  test('hub stopped: A and B keep working and count what waits, then their outboxes drain', async () => {
    await hub.stop();
    await a.call('directory.addNote', { serviceId, text: 'Fermé pendant les congés' });
    await closeCall(b, ['debt']);
    assert.equal((await a.dispatch('hub.syncNow')).ok, false);
    const offline = await a.call<{ pending: number; offlineSince: string | null }>('hub.status');
    assert.equal(offline.pending, 1);
    assert.ok(offline.offlineSince);
    await hub.restart();
    assert.equal((await a.call<{ pending: number }>('hub.syncNow')).pending, 0);
    assert.equal((await b.call<{ pending: number }>('hub.syncNow')).pending, 0);
    await c.call('hub.syncNow');
    assert.ok((await notesOn(c, serviceId)).some((n) => n.text === 'Fermé pendant les congés'));
  });

  test('kill -9 of the hub during pushes loses no acknowledged change and duplicates none', async () => {
    const N = 600;
    const texts = Array.from({ length: N }, (_, i) => `Note de charge ${i}`);
    for (const text of texts) await a.call('directory.addNote', { serviceId, text });
    const countOnHub = async () => Number((await fed.hubSql<{ n: string }>(`SELECT count(*) AS n FROM hub_items WHERE kind = 'note' AND payload->>'text' LIKE 'Note de charge %'`))[0]?.n);
    const round = a.dispatch('hub.syncNow');
    // Kill as soon as the first batch has committed: the next one is in flight or about to be.
    const deadline = Date.now() + 30_000;
    while ((await countOnHub()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    await hub.kill9();
    const result = await round;
    const pending = (await a.call<{ pending: number }>('hub.status')).pending;
    const acknowledged = N - pending;
    const onHub = await countOnHub();
    assert.ok(onHub >= acknowledged, `every acknowledged change is on the hub (${onHub} ≥ ${acknowledged})`);
    assert.equal(result.ok, false, 'the kill landed during the round (it did not finish)');
    assert.ok(pending > 0, 'what the hub did not acknowledge stays pending');
    await hub.restart();
    while ((await a.call<{ pending: number }>('hub.syncNow')).pending > 0);
    assert.equal(await countOnHub(), N, 'all on the hub, once each');
    const dup = await fed.hubSql<{ n: string }>(`SELECT count(*) AS n FROM (SELECT payload->>'text' FROM hub_items WHERE kind = 'note' GROUP BY 1 HAVING count(*) > 1) d`);
    assert.equal(Number(dup[0]?.n), 0, 'no note twice on the hub');
    await b.call('hub.syncNow');
    const onB = await b.sql<{ n: number }>(`SELECT count(*) AS n FROM reachability_notes WHERE text LIKE 'Note de charge %'`);
    assert.equal(onB[0]?.n, N, 'B has each note once');
  });

  test('a second hub process on the same PostgreSQL behaves as the first: A and B push at once through different processes, C pulls everything', async () => {
    const hub2 = await fed.startHub();
    try {
      // B's link moves to the second process (as a load balancer would send it there).
      await b.sql('UPDATE hub_link SET url = ?', [hub2.url]);
      const texts = (who: string) => Array.from({ length: 40 }, (_, i) => `${who} en parallèle ${i}`);
      for (const t of texts('A')) await a.call('directory.addNote', { serviceId, text: t });
      for (const t of texts('B')) await b.call('directory.addNote', { serviceId, text: t });
      await Promise.all([a.call('hub.syncNow'), b.call('hub.syncNow')]);
      await c.call('hub.syncNow');
      const onC = await c.sql<{ n: number }>(`SELECT count(*) AS n FROM reachability_notes WHERE text LIKE '% en parallèle %'`);
      assert.equal(onC[0]?.n, 80, 'C pulled both processes\' changes, none skipped, none twice');
      const res = await fetch(`${hub2.url}/v1/pull?after=0&limit=5`, { headers: { authorization: 'Bearer forged' } });
      assert.equal(res.status, 401, 'the second process checks tokens against the same database');
    } finally {
      await b.sql('UPDATE hub_link SET url = ?', [hub.url]);
      await hub2.stop();
    }
  });

  test('a revoked device is refused at once', async () => {
    const devices = await a.call<{ devices: { id: string; name: string }[] }>('hub.devices');
    const cId = devices.devices.find((d) => d.name === 'C')?.id as string;
    await a.call('hub.revokeDevice', { deviceId: cId });
    const r = await c.dispatch('hub.syncNow');
    assert.equal(r.ok, false);
  });

  test('a workstation killed -9 comes back with its store and its place on the hub', async () => {
    await b.kill9();
    await b.restart();
    await a.call('directory.addNote', { serviceId, text: 'Répond le matin seulement' });
    await a.call('hub.syncNow');
    await b.call('hub.syncNow');
    assert.ok((await notesOn(b, serviceId)).some((n) => n.text === 'Répond le matin seulement'));
  });
});
