import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { ENROL_RATE } from '../../src/hub/hubContext.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { parseCode } from '../../src/sync/enrolmentCode.ts';
import { readHubLink } from '../../src/sync/hubLinkRepository.ts';
import { openTextWithLineKey, sealWithLineKey } from '../../src/sync/lineKey.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTestHub } from './helpers/hubServer.ts';
import { newOpenCore, signInResponder, signInSupervisor } from './helpers/tempStore.ts';

async function ok<T>(core: AppCore, name: Parameters<AppCore['router']['dispatch']>[0], input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input as never);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function refused(core: AppCore, name: Parameters<AppCore['router']['dispatch']>[0], input: unknown): Promise<{ code: string; message: string; issues?: { path: string }[] }> {
  const r = await core.router.dispatch(name, input as never);
  assert.equal(r.ok, false, `${name} should be refused`);
  return (r as { error: { code: string; message: string; issues?: { path: string }[] } }).error;
}

for (const engine of ENGINES) {
  describe(`enrolment and the line key (hub on ${engine})`, () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    let hub: Awaited<ReturnType<typeof startTestHub>>;
    let a: AppCore;
    let b: AppCore;
    before(async () => {
      hub = await startTestHub(engine, clock);
      a = await newOpenCore();
      b = await newOpenCore();
      await signInSupervisor(a);
      await signInSupervisor(b);
    });
    after(async () => {
      a.shutdown();
      b.shutdown();
      await hub.stop();
    });

    test('the founder joins with the founding code and makes the line key; an invited PC unwraps the same key', async () => {
      const { code } = await createFoundingCode(hub.ctx);
      const founded = await ok<{ role: string; lineKeyId: string; centre: string }>(a, 'hub.join', { url: hub.url, code, deviceName: 'Coordination' });
      assert.equal(founded.role, 'founder');
      assert.equal(founded.centre, 'CASG Nord');
      assert.equal((await refused(a, 'hub.join', { url: hub.url, code })).code, 'Conflict', 'joined once');

      const invitation = await ok<{ code: string; expiresAt: string }>(a, 'hub.invite', { centre: 'CPAS Anderlecht' });
      assert.equal(new Date(invitation.expiresAt).getTime() - clock.now().getTime(), 72 * 3_600_000);
      const joined = await ok<{ role: string; lineKeyId: string; centre: string }>(b, 'hub.join', { url: hub.url, code: invitation.code, deviceName: 'Anderlecht 1' });
      assert.deepEqual([joined.role, joined.centre, joined.lineKeyId], ['member', 'CPAS Anderlecht', founded.lineKeyId]);

      // Same key on both: what A seals, B opens.
      const keyA = readHubLink(a.services.store.database())?.lineKey;
      const keyB = readHubLink(b.services.store.database())?.lineKey;
      assert.ok(keyA && keyB);
      assert.equal(openTextWithLineKey(keyB, sealWithLineKey(keyA, 'rappeler à 14 h', 'callback:1'), 'callback:1'), 'rappeler à 14 h');
      assert.throws(() => openTextWithLineKey(keyB, sealWithLineKey(keyA, 'x', 'callback:1'), 'callback:2'), /does not open/);

      // The hub never saw the line key, the code's auth half or its wrap half.
      const dump = JSON.stringify(await hub.ctx.db.query(`SELECT * FROM hub_codes`)) + JSON.stringify(await hub.ctx.db.query(`SELECT * FROM hub_devices`));
      const parts = parseCode(invitation.code);
      for (const secret of [keyA.key.toString('hex'), keyA.key.toString('base64'), keyA.key.toString('base64url'), parts.auth, parts.wrap ?? '-', readHubLink(b.services.store.database())?.token ?? '-']) {
        assert.ok(!dump.includes(secret), 'the hub stores hashes and wrapped keys only');
      }

      // The code is one-time.
      const c = await newOpenCore();
      await signInSupervisor(c);
      const reuse = await refused(c, 'hub.join', { url: hub.url, code: invitation.code });
      assert.equal(reuse.code, 'HubRefused');
      assert.match(reuse.message, /not valid/);
      c.shutdown();
    });

    test('supervisors list devices (this one marked) and revoke one: refused at once', async () => {
      const { devices } = await ok<{ devices: { id: string; centre: string; name: string; thisDevice: boolean; lastSeenAt: string | null }[] }>(a, 'hub.devices', {});
      assert.deepEqual(devices.map((d) => [d.centre, d.name, d.thisDevice]).sort(), [['CASG Nord', 'Coordination', true], ['CPAS Anderlecht', 'Anderlecht 1', false]]);
      const other = devices.find((d) => !d.thisDevice);
      assert.ok(other);
      assert.ok((await ok<{ devices: unknown[] }>(b, 'hub.devices', {})).devices.length === 2, 'B can still reach the hub');
      await ok(a, 'hub.revokeDevice', { deviceId: other.id });
      const r = await refused(b, 'hub.devices', {});
      assert.equal(r.code, 'HubRefused');
      assert.match(r.message, /revoked/);
      assert.equal((await refused(a, 'hub.revokeDevice', { deviceId: 'no-such-device' })).code, 'HubRefused');
    });

    test('a responder may read hub.status but not join, invite, list, revoke or leave', async () => {
      const r = await newOpenCore();
      await signInSupervisor(r);
      await ok(r, 'profiles.signOut', {});
      await signInResponder(r);
      assert.equal((await ok<{ joined: boolean }>(r, 'hub.status', {})).joined, false);
      for (const [name, input] of [['hub.join', { url: hub.url, code: 'x' }], ['hub.invite', { centre: 'X' }], ['hub.devices', {}], ['hub.revokeDevice', { deviceId: 'x' }], ['hub.leave', {}]] as const) {
        assert.equal((await refused(r, name, input)).code, 'Forbidden', name);
      }
      r.shutdown();
    });

    test('invitations expire after 72 h; wrong codes burn after a few tries; an address is limited', async () => {
      const inv = await ok<{ code: string }>(a, 'hub.invite', { centre: 'Ixelles' });
      const late = await newOpenCore();
      await signInSupervisor(late);
      clock.advance(72 * 3_600_000 + 1000);
      assert.match((await refused(late, 'hub.join', { url: hub.url, code: inv.code })).message, /not valid/);

      const fresh = await ok<{ code: string }>(a, 'hub.invite', { centre: 'Ixelles' });
      const p = parseCode(fresh.code);
      const wrongAuth = `${p.codeId}-${'A'.repeat(16)}-${p.wrap}`;
      for (let i = 0; i < ENROL_RATE.perCode; i++) await refused(late, 'hub.join', { url: hub.url, code: wrongAuth });
      assert.match((await refused(late, 'hub.join', { url: hub.url, code: fresh.code })).message, /not valid/, 'the right code no longer works after 5 wrong tries');

      // Every attempt above counted against 127.0.0.1: the next ones are rate-limited.
      let limited = false;
      for (let i = 0; i < ENROL_RATE.perClient + 1 && !limited; i++) limited = /Too many enrolment attempts/.test((await refused(late, 'hub.join', { url: hub.url, code: wrongAuth })).message);
      assert.ok(limited, 'rate limit reached');
      clock.advance(ENROL_RATE.windowMinutes * 60_000 + 1000);
      assert.match((await refused(late, 'hub.join', { url: hub.url, code: wrongAuth })).message, /not valid/, 'the window moved on');
      late.shutdown();
    });

    test('a wrapped key that does not match the code is refused, and nothing is saved', async () => {
      const inv = await ok<{ code: string }>(a, 'hub.invite', { centre: 'Forest' });
      const p = parseCode(inv.code);
      const x = await newOpenCore();
      await signInSupervisor(x);
      const r = await refused(x, 'hub.join', { url: hub.url, code: `${p.codeId}-${p.auth}-${'B'.repeat(26)}` });
      assert.match(r.message, /does not unwrap the line key/);
      assert.equal((await ok<{ joined: boolean }>(x, 'hub.status', {})).joined, false);
      x.shutdown();
    });

    test('leaving erases the token and line key here and revokes this device on the hub', async () => {
      const before = (await ok<{ devices: { revokedAt: string | null; thisDevice: boolean }[] }>(a, 'hub.devices', {})).devices.filter((d) => d.revokedAt).length;
      const res = await ok<{ revokedOnHub: boolean }>(a, 'hub.leave', {});
      assert.equal(res.revokedOnHub, true);
      assert.equal(readHubLink(a.services.store.database()), null);
      const rows = await hub.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_devices WHERE revoked_at IS NOT NULL');
      assert.equal(rows[0]?.n, before + 1);
      assert.equal((await ok<{ joined: boolean }>(a, 'hub.status', {})).joined, false);
    });
  });
}

test('unreachable hub: join fails with HubUnreachable and changes nothing', async () => {
  const c = await newOpenCore();
  await signInSupervisor(c);
  const r = await refused(c, 'hub.join', { url: 'http://127.0.0.1:9', code: 'AAAAAAAAAA-AAAAAAAAAAAAAAAA' });
  assert.equal(r.code, 'HubUnreachable');
  assert.equal((await ok<{ joined: boolean }>(c, 'hub.status', {})).joined, false);
  const plain = await refused(c, 'hub.join', { url: 'http://hub.example.be', code: 'AAAAAAAAAA-AAAAAAAAAAAAAAAA' });
  assert.match(plain.message, /https/);
  c.shutdown();
});
