import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertTransportAllowed } from '../../hub/server.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { parseCode } from '../../src/sync/enrolmentCode.ts';
import { BODY_LIMITS } from '../../src/sync/wire.ts';
import { ENGINES, tempHubLocation } from './helpers/hubDatabases.ts';
import { startTestHub } from './helpers/hubServer.ts';
import { tempDir } from './helpers/tempStore.ts';

const counts = async (hub: Awaited<ReturnType<typeof startTestHub>>) =>
  (await hub.ctx.db.query<{ t: string; n: number }>(`SELECT 'codes' AS t, count(*)::int AS n FROM hub_codes UNION ALL SELECT 'devices', count(*)::int FROM hub_devices UNION ALL SELECT 'items', count(*)::int FROM hub_items`)).map((r) => `${r.t}=${r.n}`).join(' ');

for (const engine of ENGINES) {
  describe(`hub HTTP boundary (${engine})`, () => {
    let hub: Awaited<ReturnType<typeof startTestHub>>;
    let token = '';
    before(async () => {
      hub = await startTestHub(engine);
      const { code } = await createFoundingCode(hub.ctx);
      const p = parseCode(code);
      const res = await fetch(`${hub.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ v: 1, codeId: p.codeId, auth: p.auth, name: 'Coordination', centre: 'CASG Nord' }) });
      assert.equal(res.status, 200);
      token = ((await res.json()) as { token: string }).token;
    });
    after(() => hub.stop());

    const post = (route: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${hub.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body });

    test('tampered, oversized, unknown-version or unauthenticated bodies get 4xx with a reason and write nothing', async () => {
      const before = await counts(hub);
      const invite = { v: 1, codeId: 'ABCDEFGHIJ', centre: 'Ixelles', authHash: 'a'.repeat(64), wrappedKey: `wk1.${'x'.repeat(60)}` };
      const cases: Array<[string, Promise<Response>, number, RegExp]> = [
        ['unknown version', post('/v1/invitations', JSON.stringify({ ...invite, v: 2 })), 400, /unsupported protocol version/],
        ['unknown key', post('/v1/invitations', JSON.stringify({ ...invite, extra: 1 })), 400, /Unrecognized key|extra/],
        ['prototype key', post('/v1/invitations', `{"__proto__":{"x":1},${JSON.stringify(invite).slice(1)}`), 400, /./],
        ['truncated JSON', post('/v1/invitations', JSON.stringify(invite).slice(0, 40)), 400, /JSON/],
        ['wrong type', post('/v1/invitations', JSON.stringify({ ...invite, centre: 42 })), 400, /centre/],
        ['oversized', post('/v1/enrol', JSON.stringify({ v: 1, pad: 'x'.repeat(BODY_LIMITS.enrol + 10) })), 413, /size limit/],
        ['oversized default route', post('/v1/invitations', JSON.stringify({ ...invite, centre: 'x'.repeat(BODY_LIMITS.small + 10) })), 413, /size limit/],
        ['no token', fetch(`${hub.url}/v1/invitations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invite) }), 401, /device token/],
        ['forged token', post('/v1/invitations', JSON.stringify(invite), { authorization: `Bearer ${'A'.repeat(43)}` }), 401, /Unknown device token/],
        ['not JSON', post('/v1/invitations', 'v=1', { 'content-type': 'text/plain' }), 415, /./],
        ['unknown route', post('/v1/nothing', '{}'), 404, /No such hub endpoint/],
      ];
      for (const [what, pending, status, message] of cases) {
        const res = await pending;
        assert.equal(res.status, status, what);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.match(body.error.message, message, what);
      }
      assert.equal(await counts(hub), before, 'nothing written');
    });
  });
}

test('plain HTTP only on loopback or behind a named proxy', () => {
  assert.doesNotThrow(() => assertTransportAllowed('127.0.0.1', false, false));
  assert.doesNotThrow(() => assertTransportAllowed('::1', false, false));
  assert.throws(() => assertTransportAllowed('0.0.0.0', false, false), /Refusing plain HTTP/);
  assert.throws(() => assertTransportAllowed('10.1.2.3', false, false), /--behind-proxy/);
  assert.doesNotThrow(() => assertTransportAllowed('0.0.0.0', true, false));
  assert.doesNotThrow(() => assertTransportAllowed('0.0.0.0', false, true));
});

const bin = path.resolve(import.meta.dirname, '../../bin/relais-hub.mjs');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 120_000 });

test('relais-hub init/status/devices on PostgreSQL (--database-url and DATABASE_URL)', async () => {
  const temp = await tempHubLocation('postgres');
  try {
    const url = (temp.location as { url: string }).url;
    const init = run(['init', '--json', '--database-url', url]);
    assert.equal(init.status, 0, init.stderr);
    const { foundingCode } = JSON.parse(init.stdout) as { foundingCode: string };
    assert.doesNotThrow(() => parseCode(foundingCode));
    const status = run(['status', '--json'], { DATABASE_URL: url });
    assert.equal(status.status, 0, status.stderr);
    assert.deepEqual((JSON.parse(status.stdout) as { devices: unknown; founded: boolean }).devices, { active: 0, revoked: 0 });
    const list = run(['devices', 'list', '--json', '--database-url', url]);
    assert.deepEqual(JSON.parse(list.stdout), { devices: [] });
    const revoke = run(['devices', 'revoke', 'nope', '--database-url', url]);
    assert.equal(revoke.status, 1);
    assert.match(revoke.stderr, /No device nope/);
    const both = run(['status', '--database-url', url, '--data-dir', tempDir()]);
    assert.equal(both.status, 1);
    assert.match(both.stderr, /not both/);
  } finally {
    await temp.drop();
  }
});

test('relais-hub serve on the embedded default prints one "listening on URL" line, answers, and refuses plain HTTP off loopback', async () => {
  const dataDir = path.join(tempDir(), 'hub');
  const refused = run(['serve', '--data-dir', dataDir, '--host', '0.0.0.0', '--port', '0']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /Refusing plain HTTP on 0\.0\.0\.0/);
  const child = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--port', '0'], { env: { ...process.env, DATABASE_URL: '' } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 90_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^listening on (http:\/\/\S+)$/m.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1/health`);
    assert.deepEqual(await res.json(), { v: 1, ok: true });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  assert.ok(fs.existsSync(dataDir));
});

test('relais-hub serve speaks TLS with a certificate and key', { skip: spawnSync('openssl', ['version']).status === 0 ? false : 'openssl not installed' }, async () => {
  const dir = tempDir();
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const gen = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
  assert.equal(gen.status, 0, gen.stderr);
  const temp = await tempHubLocation('postgres');
  const child = spawn(process.execPath, [bin, 'serve', '--database-url', (temp.location as { url: string }).url, '--host', '0.0.0.0', '--port', '0', '--tls-cert', cert, '--tls-key', key]);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^listening on (https:\/\/\S+)$/m.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const port = new URL(url).port;
    const https = await import('node:https');
    const body = await new Promise<string>((resolve, reject) => {
      https.get({ host: '127.0.0.1', port, path: '/v1/health', ca: fs.readFileSync(cert), checkServerIdentity: () => undefined }, (res) => {
        let s = '';
        res.on('data', (d: Buffer) => (s += d.toString()));
        res.on('end', () => resolve(s));
      }).on('error', reject);
    });
    assert.deepEqual(JSON.parse(body), { v: 1, ok: true });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await temp.drop();
  }
});
