import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Federation, type HubProcess, startFederation, type WorkstationProcess } from '../federation/harness.ts';

// Issue 15, points 6–7, with SEPARATE PROCESSES (tests/federation/harness.ts): `relais-hub
// serve` and two workstation cores, each its own OS process, on a throwaway PostgreSQL database
// and on the embedded PGlite.
// A handover note and a pseudonymous call written on A reach B; the hub, killed with -9 in
// between, keeps nothing of either in clear.

interface Board {
  handover: { notes: Array<{ text: string; centre: string | null }> } | null;
}
interface Repeat {
  count: number;
  knowThat: { text: string; centre: string | null } | null;
  centres: string[];
}

for (const engine of ['postgres', 'pglite'] as const) {
describe(`handover notes and repeat callers across separate processes (${engine})`, () => {
  let fed: Federation;
  let hub: HubProcess;
  let a: WorkstationProcess;
  let b: WorkstationProcess;
  before(async () => {
    fed = await startFederation({ engine });
    // PGlite is one process's folder: `relais-hub init` (the founding code) runs before serve holds it.
    const code = await fed.foundingCode();
    hub = await fed.startHub();
    [a, b] = await Promise.all([fed.startWorkstation('A', { centre: 'CASG Nord' }), fed.startWorkstation('B', { centre: 'CPAS Anderlecht' })]);
    await a.call('hub.join', { url: hub.url, code, deviceName: a.name });
    await fed.enrol(b, { inviter: a, hub });
  });
  after(async () => {
    await fed?.close();
  });

  test('A\'s handover note and pseudonymous call reach B (home board, suggestion); a hub killed -9 meanwhile loses neither', async () => {
    await a.call('reports.handover.add', { text: 'Le CPAS de Forest rappelle Madame demain matin.' });
    const call = await a.call<{ id: string }>('calls.start', {});
    await a.call('calls.end', { callId: call.id });
    await a.call('calls.close', { callId: call.id, record: { themes: ['housing'], interventions: ['orientation'], pseudonym: 'Monsieur Lundi', knowThat: 'Parle mieux néerlandais' } });
    await a.call('hub.syncNow');

    // The hub dies hard; A writes on, then the hub comes back and A's outbox drains.
    await hub.kill9();
    await a.call('reports.handover.add', { text: 'Deuxième note, écrite hub arrêté.' });
    assert.equal((await a.dispatch('hub.syncNow')).ok, false);
    await hub.restart();
    assert.equal((await a.call<{ pending: number }>('hub.syncNow')).pending, 0);

    await b.call('hub.syncNow');
    const board = await b.call<Board>('shift.board');
    assert.deepEqual(board.handover?.notes.map((n) => [n.text, n.centre]), [
      ['Le CPAS de Forest rappelle Madame demain matin.', 'CASG Nord'],
      ['Deuxième note, écrite hub arrêté.', 'CASG Nord'],
    ]);
    const found = await b.call<Repeat>('calls.repeatCaller', { pseudonym: 'monsieur  LUNDI' });
    assert.deepEqual([found.count, found.knowThat?.text, found.knowThat?.centre, found.centres], [1, 'Parle mieux néerlandais', 'CASG Nord', ['CASG Nord']]);

    // PGlite: the folder is read once the serving process let go of it.
    if (engine === 'pglite') await hub.stop();
    const rows = await fed.hubSql<{ kind: string; payload: unknown }>(`SELECT kind, payload FROM hub_items WHERE kind IN ('handover', 'callerMark')`);
    assert.equal(rows.length, 3);
    const raw = JSON.stringify(rows).toLowerCase();
    for (const clear of ['forest', 'deuxième', 'lundi', 'néerlandais']) assert.ok(!raw.includes(clear), `${clear} is not on the hub in clear`);
  });
});
}
