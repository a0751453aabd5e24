import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { explainFetchFailure } from '../../src/feed/source.ts';
import { newOpenStore, tempDir, TEST_PASSPHRASE } from './helpers/tempStore.ts';

// Issue 19: https feed failures say what to check (DNS, connection, certificate), and a centre's
// internal certificate authority is trusted through NODE_EXTRA_CA_CERTS — shown with a real
// https server on loopback whose certificate an openssl-made CA signed, and relais-admin in a
// child process (the variable is read when a process starts).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(root, 'bin', 'relais-admin.mjs');
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** An internal CA and a server certificate for 127.0.0.1 it signed (2 days). */
function makeCertificates(dir: string): { ca: string; key: string; cert: string } {
  const f = (n: string) => path.join(dir, n);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  execFileSync('openssl', ['req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=Centre Test Internal CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'], { stdio: 'ignore' });
  execFileSync('openssl', ['req', ...ec, '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  fs.writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  execFileSync('openssl', ['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('server.pem'), '-days', '2', '-extfile', f('ext.cnf')], { stdio: 'ignore' });
  return { ca: f('ca.pem'), key: f('server.key'), cert: f('server.pem') };
}

function admin(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: tempDir('relais-home-'), ...env }, timeout: 60_000 }, (e, out, err) => {
      resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

test('https: an internal CA is refused with advice, then trusted through NODE_EXTRA_CA_CERTS', { skip: !hasOpenssl && 'openssl is not installed', timeout: 120_000 }, async () => {
  const certs = makeCertificates(tempDir('relais-ca-'));
  // A store with one service, published as the coordination would.
  const dataDir = path.join(tempDir(), 'data');
  const session = await newOpenStore(dataDir);
  session.database().prepare('INSERT INTO services (id, name, themes, keywords, communes_served, languages, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run('a', 'Service A', '["general"]', '[]', '[]', '[]', 'active', 'x', 'x');
  session.close();
  const published = tempDir('relais-published-');
  const io: Io = { out: () => {}, err: () => {} };
  const config = path.join(tempDir(), 'config.json');
  // Unsigned bundles accepted on purpose: this test is about the transport, not the signature.
  fs.writeFileSync(config, JSON.stringify({ feed: { location: '/unused', allowUnsigned: true } }));
  assert.equal(await runCli(['directory', 'publish', '--data-dir', dataDir, '--out', published], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE, RELAIS_CONFIG: config }), 0);
  const bundle = fs.readFileSync(path.join(published, 'relais-directory.feed.json'));

  const server = https.createServer({ key: fs.readFileSync(certs.key), cert: fs.readFileSync(certs.cert) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(bundle);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/relais/relais-directory.feed.json`;
  try {
    const other = path.join(tempDir(), 'workstation');
    (await newOpenStore(other)).close();
    const env = { RELAIS_PASSPHRASE: TEST_PASSPHRASE, RELAIS_CONFIG: config };
    const refused = await admin(['feed', 'check', '--data-dir', other, '--from', url], env);
    assert.equal(refused.code, 1, refused.out + refused.err);
    assert.match(refused.err, /certificate of 127\.0\.0\.1 is not trusted by this PC \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\) — if the coordination uses an internal certificate authority, .*NODE_EXTRA_CA_CERTS.*--use-system-ca/);
    assert.doesNotMatch(refused.err, /fetch failed/);

    const trusted = await admin(['feed', 'check', '--data-dir', other, '--from', url, '--json'], { ...env, NODE_EXTRA_CA_CERTS: certs.ca });
    assert.equal(trusted.code, 0, trusted.err);
    assert.equal(JSON.parse(trusted.out).state, 'update-available');
  } finally {
    server.close();
  }
});

test('https: a refused connection and an unknown name say what to check', async () => {
  // A loopback port nobody listens on (bound then closed).
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const dataDir = path.join(tempDir(), 'data');
  (await newOpenStore(dataDir)).close();
  const config = path.join(tempDir(), 'config.json');
  fs.writeFileSync(config, JSON.stringify({ feed: { location: '/unused', allowUnsigned: true } }));
  let err = '';
  const io: Io = { out: () => {}, err: (t) => void (err += t) };
  const code = await runCli(['feed', 'check', '--data-dir', dataDir, '--from', `https://127.0.0.1:${port}/feed.json`], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE, RELAIS_CONFIG: config });
  assert.equal(code, 1);
  assert.match(err, /127\.0\.0\.1 refused the connection \(ECONNREFUSED\) — check the port in the address, that the web server runs, and the firewall/);
  // DNS is not reachable from the test machine: the translation itself, from the code Node gives.
  assert.match(explainFetchFailure(new URL('https://coordination.example.be/feed'), 'ENOTFOUND', 'getaddrinfo ENOTFOUND'), /server name coordination\.example\.be cannot be found \(DNS, ENOTFOUND\) — check the address in feed\.location/);
  assert.match(explainFetchFailure(new URL('https://x.example.be/'), 'CERT_HAS_EXPIRED', ''), /expired/);
  assert.match(explainFetchFailure(new URL('https://x.example.be/'), 'ERR_TLS_CERT_ALTNAME_INVALID', ''), /made out for another name/);
});
