import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { BODY_LIMITS, MAX_CHANGES_PER_PUSH } from '../../src/sync/wire.ts';
import { type Federation, type HubProcess, runHubCommand, startFederation, type WorkstationProcess } from '../federation/harness.ts';
import { ENGINES } from './helpers/hubDatabases.ts';

// Issue 14 against a real `relais-hub serve` PROCESS on both engines (tests/federation/harness.ts):
// - tampered, oversized, unknown-version payloads and forged tokens get 4xx, the process keeps
//   serving, logs no body, and the hub's tables are exactly as before (the in-process variant is
//   tests/unit/hubHttp.test.ts);
// - on PGlite, a second process on the folder is refused while serve runs (src/hub/db/dataDirLock.ts);
// - on PGlite, kill -9 of the hub during pushes loses no acknowledged change and doubles none,
//   restarted on the same folder (PostgreSQL's is in tests/unit/federation.test.ts).

/** The hub's tables as counts. PGlite is single-process: the hub is stopped to read them, then serves again. */
async function hubTables(fed: Federation, hub: HubProcess): Promise<Record<string, number>> {
  if (fed.engine === 'pglite') await hub.stop();
  try {
    const rows = await fed.hubSql<{ t: string; n: string }>(
      `SELECT 'receipts' AS t, count(*) AS n FROM hub_receipts UNION ALL SELECT 'items', count(*) FROM hub_items
       UNION ALL SELECT 'callFacts', count(*) FROM hub_call_facts UNION ALL SELECT 'devices', count(*) FROM hub_devices
       UNION ALL SELECT 'revoked', count(*) FROM hub_devices WHERE revoked_at IS NOT NULL UNION ALL SELECT 'codes', count(*) FROM hub_codes
       UNION ALL SELECT 'enrolAttempts', count(*) FROM hub_enrol_attempts UNION ALL SELECT 'sequence', value FROM hub_sequence`,
    );
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
  } finally {
    if (fed.engine === 'pglite') await hub.restart();
  }
}

const SECRET = 'Texte du corps refusé 7f3a';
const note = (text = 'Ne décroche plus', id: string = crypto.randomUUID()) => ({ id, kind: 'note', note: { uid: crypto.randomUUID(), serviceId: 'svc-1', text, author: 'Sophie', writtenAt: new Date().toISOString() } });
const facts = { startedAt: new Date().toISOString(), durationMs: 60_000, callerType: null, language: 'fr', interpreter: false, commune: null, callerHistory: null, heardFrom: null, resolution: null, unmet: false, themes: ['housing'], interventions: [], referrals: [], callbacks: [] };

for (const engine of ENGINES) {
  describe(`the hub process refuses malformed requests and writes nothing (${engine})`, () => {
    let fed: Federation;
    let hub: HubProcess;
    let a: WorkstationProcess;
    let token = '';
    before(async () => {
      fed = await startFederation({ engine });
      // init before serve (on PGlite, enrolFounder would have to stop the hub to run it).
      const code = await fed.foundingCode();
      hub = await fed.startHub();
      a = await fed.startWorkstation('A', { centre: 'CASG Nord' });
      await a.call('hub.join', { url: hub.url, code, deviceName: 'A' });
      token = ((await a.sql<{ token: string }>('SELECT token FROM hub_link'))[0] as { token: string }).token;
    });
    after(async () => {
      await fed?.close();
    });

    test('tampered, oversized, unknown-version payloads and forged tokens get 4xx; the tables do not move', async () => {
      const before = await hubTables(fed, hub);
      assert.equal(before.devices, 1, 'the founder is enrolled');
      const send = (method: 'GET' | 'POST', route: string, body?: string, headers: Record<string, string> = {}) =>
        fetch(`${hub.url}${route}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, ...(body === undefined ? {} : { body }) });
      const push = (body: unknown, headers: Record<string, string> = {}) => send('POST', '/v1/push', typeof body === 'string' ? body : JSON.stringify(body), headers);
      const forged = { authorization: `Bearer ${crypto.randomBytes(32).toString('base64url')}` };
      const devices = (await (await send('GET', '/v1/devices')).json()) as { devices: { id: string }[] };
      const founderId = devices.devices[0]?.id as string;

      const cases: Array<[string, () => Promise<Response>, number]> = [
        ['push: unknown protocol version', () => push({ v: 2, changes: [note(SECRET)] }), 400],
        ['push: no version', () => push({ changes: [note(SECRET)] }), 400],
        ['push: tampered note (text is not a string)', () => push({ v: 1, changes: [{ ...note(), note: { ...note().note, text: 42 } }] }), 400],
        ['push: tampered change id', () => push({ v: 1, changes: [note(SECRET, 'not-a-uuid')] }), 400],
        ['push: free text smuggled into call facts', () => push({ v: 1, changes: [{ id: crypto.randomUUID(), kind: 'callFacts', callId: 'c-1', facts: { ...facts, notes: SECRET } }] }), 400],
        ['push: unknown change kind', () => push({ v: 1, changes: [{ id: crypto.randomUUID(), kind: 'profile', profile: { name: SECRET } }] }), 400],
        ['push: a sealed value that is not one', () => push({ v: 1, changes: [{ id: crypto.randomUUID(), kind: 'callerMark', mark: { id: 'a'.repeat(32), hash: 'b'.repeat(64), sealed: `clear:${SECRET}`.padEnd(40, '.') } }] }), 400],
        ['push: one valid change with one tampered (the whole push is refused)', () => push({ v: 1, changes: [note(SECRET), { ...note(), note: { ...note().note, writtenAt: 'yesterday' } }] }), 400],
        ['push: more changes than a push may carry', () => push({ v: 1, changes: Array.from({ length: MAX_CHANGES_PER_PUSH + 1 }, () => note('x')) }), 400],
        ['push: over the body size limit', () => push({ v: 1, changes: [note('x'.repeat(BODY_LIMITS.push + 10))] }), 413],
        ['push: truncated JSON', () => push(JSON.stringify({ v: 1, changes: [note(SECRET)] }).slice(0, 60)), 400],
        ['push: not JSON', () => push(`v=1&text=${SECRET}`, { 'content-type': 'text/plain' }), 415],
        ['push: forged token', () => push({ v: 1, changes: [note(SECRET)] }, forged), 401],
        ['push: no token', () => fetch(`${hub.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ v: 1, changes: [note(SECRET)] }) }), 401],
        ['pull: forged token', () => send('GET', '/v1/pull?after=0&limit=10', undefined, forged), 401],
        ['pull: negative cursor', () => send('GET', '/v1/pull?after=-1&limit=10'), 400],
        ['invitation: forged token', () => send('POST', '/v1/invitations', JSON.stringify({ v: 1, codeId: 'ABCDEFGHIJ', centre: 'Ixelles', authHash: 'a'.repeat(64), wrappedKey: `wk1.${'x'.repeat(60)}` }), forged), 401],
        ['invitation: unknown version', () => send('POST', '/v1/invitations', JSON.stringify({ v: 9, codeId: 'ABCDEFGHIJ', centre: 'Ixelles', authHash: 'a'.repeat(64), wrappedKey: `wk1.${'x'.repeat(60)}` })), 400],
        ['revocation: forged token', () => send('POST', `/v1/devices/${founderId}/revoke`, JSON.stringify({ v: 1 }), forged), 401],
        ['enrolment: unknown version', () => send('POST', '/v1/enrol', JSON.stringify({ v: 2, codeId: 'ABCDEFGHIJ', auth: 'A'.repeat(16), name: 'PC' })), 400],
        ['enrolment: over the body size limit', () => send('POST', '/v1/enrol', JSON.stringify({ v: 1, codeId: 'ABCDEFGHIJ', auth: 'A'.repeat(16), name: SECRET.padEnd(BODY_LIMITS.enrol + 10, 'x') })), 413],
      ];
      for (const [what, request, status] of cases) {
        const res = await request();
        assert.equal(res.status, status, what);
        const body = (await res.json()) as { error?: { code: string; message: string } };
        assert.ok(body.error?.code, `${what}: a coded refusal`);
      }

      assert.deepEqual(await (await fetch(`${hub.url}/v1/health`)).json(), { v: 1, ok: true }, 'the process still serves');
      assert.ok(!hub.stderr().includes(SECRET), 'refused bodies are not logged');
      assert.match(hub.stderr(), /request refused: \/v1\/push 413 BodyTooLarge/);
      assert.deepEqual(await hubTables(fed, hub), before, 'nothing written: no receipt, item, fact, device, code, enrolment attempt or sequence number');

      // The control: the same valid note alone is accepted, so the refusals above were the payloads'.
      const ok = await push({ v: 1, changes: [note('Ne décroche plus depuis lundi')] });
      assert.equal(ok.status, 200);
      const [result] = ((await ok.json()) as { results: { outcome: string; seq: number }[] }).results;
      assert.deepEqual([result?.outcome, result?.seq], ['accepted', (before.sequence ?? 0) + 1], 'accepted, with the next sequence number (no refused push took one)');
    });

    if (engine === 'pglite') {
      test('a second process on the PGlite folder is refused while serve runs (it would corrupt it), and the hub serves on', async () => {
        const r = await runHubCommand(fed.location, ['devices', 'list', '--json']);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /"code": "Conflict"/);
        assert.match(r.stderr, new RegExp(`pid ${hub.pid()}.*one process at a time`));
        assert.deepEqual(await (await fetch(`${hub.url}/v1/health`)).json(), { v: 1, ok: true });
        assert.equal((await a.call<{ pending: number }>('hub.syncNow')).pending, 0, 'and syncs');
      });

      test('kill -9 of the PGlite hub during pushes loses no acknowledged change and duplicates none (restarted on the same folder)', async () => {
        const b = await fed.startWorkstation('B', { centre: 'CPAS Anderlecht' });
        await fed.enrol(b, { inviter: a, hub });
        const serviceId = ((await a.sql<{ id: string }>('SELECT id FROM services ORDER BY id LIMIT 1'))[0] as { id: string }).id;
        const N = 600;
        for (let i = 0; i < N; i++) await a.call('directory.addNote', { serviceId, text: `Note de charge ${i}` });
        const pending = async () => ((await a.sql<{ n: number }>('SELECT count(*) AS n FROM sync_outbox'))[0] as { n: number }).n;
        const round = a.dispatch('hub.syncNow');
        // Kill as soon as A has the first batch's acknowledgement: the next push is in flight or about to be.
        const deadline = Date.now() + 60_000;
        while ((await pending()) === N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        await hub.kill9();
        const result = await round;
        assert.equal(result.ok, false, 'the kill landed during the round (it did not finish)');
        const left = await pending();
        assert.ok(left > 0 && left < N, `some batches acknowledged, the rest pending (${left} of ${N} pending)`);
        const countOnHub = async () => Number((await fed.hubSql<{ n: string }>(`SELECT count(*) AS n FROM hub_items WHERE kind = 'note' AND payload->>'text' LIKE 'Note de charge %'`))[0]?.n);
        // The folder opens after the crash (PostgreSQL's recovery inside PGlite) and holds every acknowledged change.
        const onHub = await countOnHub();
        assert.ok(onHub >= N - left, `every acknowledged change is on the hub (${onHub} ≥ ${N - left})`);
        await hub.restart();
        for (let rounds = 0; (await a.call<{ pending: number }>('hub.syncNow')).pending > 0; rounds++) assert.ok(rounds < 10, 'the outbox drains');
        await b.call('hub.syncNow');
        const onB = await b.sql<{ n: number; distinct: number }>(`SELECT count(*) AS n, count(DISTINCT text) AS "distinct" FROM reachability_notes WHERE text LIKE 'Note de charge %'`);
        assert.deepEqual(onB[0], { n: N, distinct: N }, 'B has each note once');
        await hub.stop();
        assert.equal(await countOnHub(), N, 'all on the hub, once each');
        const dup = await fed.hubSql<{ n: string }>(`SELECT count(*) AS n FROM (SELECT payload->>'text' FROM hub_items WHERE kind = 'note' GROUP BY 1 HAVING count(*) > 1) d`);
        assert.equal(Number(dup[0]?.n), 0, 'no note twice on the hub');
        await hub.restart();
      });
    }
  });
}
