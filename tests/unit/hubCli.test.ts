import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { startTestHub } from './helpers/hubServer.ts';
import { newOpenCore, seedResponder, signInSupervisor, TEST_PASSPHRASE, tempDir } from './helpers/tempStore.ts';

// relais-admin hub join|invite|sync|status|leave|resync against a real hub (PostgreSQL), on
// stores whose app core stays open meanwhile (IT runs the CLI while Relais runs).

async function cli(args: string[], dataDir: string): Promise<{ code: number; out: string; err: string; json: Record<string, unknown> }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await runCli([...args, '--data-dir', dataDir], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE, RELAIS_CONFIG: path.join(tempDir(), 'none.json') });
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(out) as Record<string, unknown>;
  } catch {
    // text output
  }
  return { code, out, err, json };
}

describe('relais-admin hub', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let a: AppCore;
  let b: AppCore;
  const dir = (c: AppCore) => c.services.store.files.dataDir;
  let serviceId = '';
  before(async () => {
    hub = await startTestHub('postgres');
    a = await newOpenCore({ seedDemo: true });
    b = await newOpenCore({ seedDemo: true });
    await signInSupervisor(a);
    await signInSupervisor(b);
    serviceId = a.services.store.database().prepare('SELECT id FROM services ORDER BY id LIMIT 1').pluck().get() as string;
  });
  after(async () => {
    a.shutdown();
    b.shutdown();
    await hub.stop();
  });

  test('join with the founding code (--as), invite (--json gives the code), join with it, sync, status', async () => {
    assert.equal((await cli(['hub', 'status', '--json'], dir(a))).json.joined, false);
    const { code: founding } = await createFoundingCode(hub.ctx);
    const joined = await cli(['hub', 'join', '--url', hub.url, '--code', founding, '--as', 'Sophie', '--device-name', 'Coordination', '--json'], dir(a));
    assert.equal(joined.code, 0, joined.err);
    assert.deepEqual([joined.json.role, joined.json.centre], ['founder', 'CASG Nord']);

    const inv = await cli(['hub', 'invite', '--centre', 'CPAS Anderlecht', '--as', 'Sophie', '--json'], dir(a));
    assert.equal(inv.code, 0, inv.err);
    assert.match(String(inv.json.code), /\S+/);
    // B's store has one supervisor: --as may be left out.
    const bJoin = await cli(['hub', 'join', '--url', hub.url, '--code', String(inv.json.code), '--json'], dir(b));
    assert.equal(bJoin.code, 0, bJoin.err);
    assert.deepEqual([bJoin.json.role, bJoin.json.centre], ['member', 'CPAS Anderlecht']);

    const note = await a.router.dispatch('directory.addNote', { serviceId, text: 'Pas de réponse depuis 2 semaines' });
    assert.ok(note.ok);
    const pushed = await cli(['hub', 'sync', '--json'], dir(a));
    assert.equal(pushed.code, 0, pushed.err);
    assert.deepEqual(pushed.json, { pushed: 1, pulled: 1, pending: 0 });
    const pulled = await cli(['hub', 'sync', '--json'], dir(b));
    assert.equal(pulled.json.pulled, 1);
    assert.equal(b.services.store.database().prepare(`SELECT centre FROM reachability_notes WHERE text = 'Pas de réponse depuis 2 semaines'`).pluck().get(), 'CASG Nord');

    const status = await cli(['hub', 'status', '--json'], dir(b));
    assert.equal(status.json.joined, true);
    assert.equal(status.json.pending, 0);
    assert.equal(status.json.lineKeyId, (await cli(['hub', 'status', '--json'], dir(a))).json.lineKeyId, 'one line key');
    const text = await cli(['hub', 'status'], dir(b));
    assert.match(text.out, /CPAS Anderlecht/);
    const audit = a.services.store.database().prepare(`SELECT actor FROM audit_log WHERE action IN ('hub.join', 'hub.invite') ORDER BY id`).pluck().all();
    assert.deepEqual(audit, ['Sophie (relais-admin)', 'Sophie (relais-admin)']);
  });

  test('resync pushes this PC\'s notes and facts again without doubling anything', async () => {
    const r = await cli(['hub', 'resync', '--json'], dir(a));
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.json.queued, { notes: 1, calls: 0, handovers: 0, callerMarks: 0, callbackOps: 0 });
    assert.equal(r.json.pending, 0);
    const onHub = await hub.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM hub_items WHERE kind = 'note'`);
    assert.equal(onHub[0]?.n, 1);
    assert.equal(a.services.store.database().prepare('SELECT count(*) FROM reachability_notes').pluck().get(), 1);
  });

  test('refusals exit 1 with a code: a responder cannot invite, a joined PC cannot join again, an unreachable hub', async () => {
    await seedResponder(a, { displayName: 'Rita', centre: 'CASG Nord' });
    const notSup = await cli(['hub', 'invite', '--centre', 'X', '--as', 'Rita', '--json'], dir(a));
    assert.equal(notSup.code, 1);
    assert.equal((notSup.json.error as { code: string }).code, 'Forbidden');
    const twice = await cli(['hub', 'join', '--url', hub.url, '--code', 'AAAA-BBBB', '--as', 'Sophie', '--json'], dir(a));
    assert.equal(twice.code, 1);
    const port = Number(new URL(hub.url).port);
    await hub.server.close();
    try {
      await a.router.dispatch('directory.addNote', { serviceId, text: 'Fermé en août' });
      const off = await cli(['hub', 'sync', '--json'], dir(a));
      assert.equal(off.code, 1);
      assert.equal((off.json.error as { code: string }).code, 'HubUnreachable');
      const st = await cli(['hub', 'status', '--json'], dir(a));
      assert.equal(st.json.pending, 1);
      assert.ok(st.json.offlineSince);
    } finally {
      const { buildHubServer } = await import('../../hub/server.ts');
      hub.server = buildHubServer({ ctx: hub.ctx });
      await hub.server.listen({ port, host: '127.0.0.1' });
    }
  });

  test('leave revokes this device on the hub and erases the link here', async () => {
    const r = await cli(['hub', 'leave', '--json'], dir(b));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json.revokedOnHub, true);
    assert.equal((await cli(['hub', 'status', '--json'], dir(b))).json.joined, false);
    const again = await cli(['hub', 'sync', '--json'], dir(b));
    assert.equal(again.code, 1, 'not joined any more');
  });
});
