import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import type { ConfigState } from '../../src/config/configSchema.ts';
import { noConfigState, parseMachineConfig } from '../../src/config/machineConfig.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema } from '../../src/directory/serviceSchema.ts';
import { createBundle, DEFAULT_BUNDLE_NAME, verifyBundle } from '../../src/feed/bundle.ts';
import { FeedPoller } from '../../src/feed/feedPoller.ts';
import { appliedVersion, applyFeed, checkFeed, type FeedSettings, readFeedStatus } from '../../src/feed/feedService.ts';
import { generateFeedKeys, loadSigningKey, publishDirectory } from '../../src/feed/publish.ts';
import { parseFeedLocation, readBundleBytes } from '../../src/feed/source.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import type { StoreSession } from '../../src/store/storeSession.ts';
import { newOpenCore, newOpenStore, signInResponder, tempDir } from './helpers/tempStore.ts';

// The coordination publishes from its own store; workstations check and apply into theirs.
// Real encrypted stores, real files, a real HTTP server on 127.0.0.1: nothing is mocked.

const NOW = new Date('2026-03-02T09:00:00Z');
const svc = (id: string, name: string, extra: Record<string, unknown> = {}) => serviceSchema.parse({ id, name, themes: ['general'], ...extra });

const COORDINATION = [
  svc('cpas-ixelles', 'CPAS d\'Ixelles', { phone: '02 641 54 11', professional_contact: 'ligne pro 02 641 55 00' }),
  svc('resto-coeur-sg', 'Restos du Cœur Saint-Gilles', { themes: ['food'] }),
  svc('samusocial', 'Samusocial', { themes: ['housing'], hours: '24/7' }),
  svc('infor-jeunes', 'Infor Jeunes Bruxelles'),
  svc('sos-dettes', 'SOS Dettes', { themes: ['debt'] }),
];

async function coordinationStore(): Promise<StoreSession> {
  const store = await newOpenStore();
  directoryRepository(store.database()).upsertServices(COORDINATION, new Date('2026-01-01T00:00:00Z'));
  return store;
}

/** A workstation that already knows two services (one outdated) and one the coordination dropped. */
async function workstationStore(): Promise<StoreSession> {
  const store = await newOpenStore();
  const repo = directoryRepository(store.database());
  repo.upsertServices(
    [COORDINATION[0] as ReturnType<typeof svc>, svc('resto-coeur-sg', 'Restos du Coeur (ancien nom)', { themes: ['food'] }), svc('closed-2025', 'Permanence fermée en 2025')],
    new Date('2025-06-01T00:00:00Z'),
  );
  repo.addNote('closed-2025', 'plus de réponse depuis décembre', 'Marie', new Date('2025-12-15T00:00:00Z'));
  return store;
}

function snapshot(store: StoreSession): unknown {
  const db = store.database();
  return {
    services: db.prepare('SELECT * FROM services ORDER BY id').all(),
    notes: db.prepare('SELECT * FROM reachability_notes ORDER BY id').all(),
    settings: db.prepare(`SELECT * FROM settings WHERE key LIKE 'feed.%' ORDER BY key`).all(),
  };
}

function keys() {
  const dir = tempDir('relais-keys-');
  const k = generateFeedKeys(path.join(dir, 'relais-feed'));
  return { ...k, signingKey: loadSigningKey(k.privateKeyFile) };
}

async function publishTo(folder: string, opts: { signingKey?: crypto.KeyObject | null; version?: number; format?: 'hsds' | 'csv' } = {}) {
  const coord = await coordinationStore();
  try {
    return await publishDirectory(coord.database(), { out: folder, format: opts.format ?? 'hsds', now: NOW, publisher: 'Coordination', signingKey: opts.signingKey ?? null, ...(opts.version ? { version: opts.version } : {}) });
  } finally {
    coord.close();
  }
}

const run = (dataDir?: string) => ({ now: NOW, ...(dataDir ? { dataDir } : {}) });

test('feed keygen: an owner-only private key, the public key line for config.json, never overwritten', () => {
  const k = keys();
  assert.match(fs.readFileSync(k.privateKeyFile, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
  if (process.platform !== 'win32') assert.equal(fs.statSync(k.privateKeyFile).mode & 0o777, 0o600);
  assert.match(k.publicKey, /^MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=$/);
  assert.match(k.fingerprint, /^sha256:[0-9a-f]{16}$/);
  // The printed line is exactly what config.json accepts.
  const cfg = parseMachineConfig(JSON.stringify({ feed: { location: '/srv/feed', publicKey: k.publicKey } }), '/etc/relais/config.json', 'linux');
  assert.equal(cfg.state, 'loaded', JSON.stringify(cfg.problem));
  assert.throws(() => generateFeedKeys(k.privateKeyFile.replace(/\.private\.pem$/, '')), /already exists/);
});

test('publish: versioned, checksummed, signed bundle written into the shared folder; versions go up', async () => {
  const k = keys();
  const folder = tempDir('relais-feed-');
  const first = await publishTo(folder, { signingKey: k.signingKey });
  assert.equal(first.file, path.join(folder, DEFAULT_BUNDLE_NAME));
  assert.equal(first.version, 1);
  assert.equal(first.services, 5);
  assert.equal(first.signature, 'verified');
  assert.equal(first.keyFingerprint, k.fingerprint);
  const bundle = JSON.parse(fs.readFileSync(first.file, 'utf8'));
  assert.equal(bundle.relaisDirectoryFeed, 1);
  assert.equal(bundle.data.format, 'hsds');
  assert.equal(crypto.createHash('sha256').update(Buffer.from(bundle.data.base64, 'base64')).digest('hex'), bundle.data.sha256);
  const second = await publishTo(folder, { signingKey: k.signingKey });
  assert.equal(second.version, 2);
  assert.equal(second.previousVersion, 1);
  await assert.rejects(publishTo(folder, { version: 2 }), /already holds version 2/);
  const csv = await publishTo(path.join(folder, 'csv.feed.json'), { format: 'csv' });
  assert.equal(csv.format, 'csv');
  assert.equal(csv.signature, 'unsigned');
});

test('a workstation sees "directory update available: +3 / ~1 / −1", applies it atomically, then is up to date', async () => {
  const k = keys();
  const folder = tempDir('relais-feed-');
  await publishTo(folder, { signingKey: k.signingKey });
  const ws = await workstationStore();
  const dataDir = ws.files.dataDir;
  const settings: FeedSettings = { location: folder, publicKey: k.publicKey };
  const before = snapshot(ws);

  const check = await checkFeed(ws.database(), settings, run(dataDir));
  assert.equal(check.state, 'update-available', check.problem ?? '');
  assert.deepEqual(check.counts, { added: 3, changed: 1, removed: 1, unchanged: 1, rejected: 0 });
  assert.equal(check.summary, 'directory update available: +3 / ~1 / −1 (version 1)');
  assert.equal(check.available?.signature, 'verified');
  assert.deepEqual(snapshot(ws), before, 'a check writes nothing');
  assert.equal(readFeedStatus(dataDir)?.state, 'update-available');

  const applied = await applyFeed(ws.database(), settings, run(dataDir));
  assert.equal(applied.state, 'applied');
  assert.deepEqual(applied.counts, { added: 3, changed: 1, removed: 1, unchanged: 1, rejected: 0 });
  const repo = directoryRepository(ws.database());
  assert.equal(repo.getService('resto-coeur-sg')?.name, 'Restos du Cœur Saint-Gilles');
  assert.equal(repo.getService('sos-dettes')?.themes[0], 'debt');
  // Dropped by the coordination: deactivated, never deleted, its notes kept.
  assert.equal(repo.getService('closed-2025')?.status, 'inactive');
  assert.equal(repo.listNotes('closed-2025').length, 1);
  assert.equal(appliedVersion(ws.database())?.version, 1);
  assert.equal(readFeedStatus(dataDir)?.appliedVersion, 1);

  const again = await checkFeed(ws.database(), settings, run());
  assert.equal(again.state, 'up-to-date');
  assert.equal(again.summary, 'directory up to date (version 1)');
  const reapply = await applyFeed(ws.database(), settings, run());
  assert.equal(reapply.state, 'up-to-date');

  // A newer version applies on top; an older one is refused from then on.
  await publishTo(folder, { signingKey: k.signingKey });
  assert.equal((await applyFeed(ws.database(), settings, run())).appliedVersion, 2);
  ws.close();
});

test('bad or tampered bundles are refused with a clear message and the current directory is kept', async () => {
  const k = keys();
  const other = keys();
  const folder = tempDir('relais-feed-');
  const good = await publishTo(folder, { signingKey: k.signingKey, version: 5 });
  const goodBytes = fs.readFileSync(good.file);
  const ws = await workstationStore();
  const trusted: FeedSettings = { location: good.file, publicKey: k.publicKey };
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(tempDir('relais-bad-'), name);
    fs.writeFileSync(f, content);
    return f;
  };
  const manifest = () => JSON.parse(goodBytes.toString('utf8'));

  // Checksum mismatch: one service renamed inside the data, the manifest left as it was.
  const m1 = manifest();
  m1.data.base64 = Buffer.from(Buffer.from(m1.data.base64, 'base64').toString('utf8').replace('Samusocial', 'Samusocia1'), 'utf8').toString('base64');
  // Bad signature: data and checksum consistently altered, but the signature is the old one.
  const m2 = manifest();
  const altered = Buffer.from(Buffer.from(m2.data.base64, 'base64').toString('utf8').replace('Samusocial', 'Samusocia1'), 'utf8');
  m2.data.base64 = altered.toString('base64');
  m2.data.sha256 = crypto.createHash('sha256').update(altered).digest('hex');
  // Signature stripped.
  const m3 = manifest();
  m3.signature = null;
  // Version bumped by hand: the signature covers it.
  const m4 = manifest();
  m4.version = 99;
  const hsds = Buffer.from(manifest().data.base64, 'base64');
  const cases: Array<[string, string, FeedSettings, RegExp]> = [
    ['checksum mismatch', write('tampered.json', JSON.stringify(m1)), trusted, /checksum mismatch/],
    ['bad signature (data altered after signing)', write('resigned.json', JSON.stringify(m2)), trusted, /bad signature — .* was altered after it was signed/],
    ['signature missing while a public key is configured', write('unsigned.json', JSON.stringify(m3)), trusted, /is not signed, and this PC accepts only bundles signed/],
    ['version changed by hand', write('bumped.json', JSON.stringify(m4)), trusted, /bad signature/],
    ['signed with another key', (await publishTo(tempDir(), { signingKey: other.signingKey, version: 6 })).file, trusted, /signed with another key/],
    ['not JSON (wrong format)', write('x.json', 'PK\u0003\u0004 this is a zip'), trusted, /not a Relais directory bundle \(not JSON; wrong format\)/],
    ['a plain HSDS export, not a bundle (wrong format)', write('directory.hsds.json', hsds), trusted, /not a Relais directory bundle \(wrong format/],
    ['a damaged manifest', write('damaged.json', JSON.stringify({ ...manifest(), version: 'five' })), trusted, /damaged manifest \(wrong format at version/],
    ['a newer bundle format', write('future.json', JSON.stringify({ ...manifest(), relaisDirectoryFeed: 2 })), trusted, /this Relais reads format 1/],
    [
      'declared CSV but carries HSDS (wrong format)',
      write('mislabelled.json', createBundle({ data: hsds, format: 'csv', fileName: 'relais-directory.csv', version: 7, publishedAt: NOW, publisher: null, signingKey: k.signingKey })),
      trusted,
      /declares CSV data but carries HSDS \(wrong format\)/,
    ],
  ];
  for (const [what, file, settings, message] of cases) {
    const before = snapshot(ws);
    const checked = await checkFeed(ws.database(), { ...settings, location: file }, run());
    assert.equal(checked.state, 'refused', `${what}: ${checked.summary}`);
    assert.match(checked.problem ?? '', message, what);
    assert.match(checked.problem ?? '', /The current directory was kept\./, what);
    await assert.rejects(applyFeed(ws.database(), { ...settings, location: file }, run()), (e: Error & { code?: string }) => e.code === 'FileRejected' && message.test(e.message), what);
    assert.deepEqual(snapshot(ws), before, `${what}: nothing changed`);
  }

  // Older than what is applied (a replayed bundle), and a same-numbered bundle with other data.
  await applyFeed(ws.database(), trusted, run());
  assert.equal(appliedVersion(ws.database())?.version, 5);
  const older = await publishTo(tempDir(), { signingKey: k.signingKey, version: 4 });
  const before = snapshot(ws);
  await assert.rejects(applyFeed(ws.database(), { ...trusted, location: older.file }, run()), /version 4 is older than version 5 already applied/);
  const sameNumber = write('same.json', createBundle({ data: altered, format: 'hsds', fileName: 'x.hsds.json', version: 5, publishedAt: NOW, publisher: null, signingKey: k.signingKey }));
  await assert.rejects(applyFeed(ws.database(), { ...trusted, location: sameNumber }, run()), /publish changes under a new version/);
  assert.deepEqual(snapshot(ws), before);

  // Without a public key (and IT's explicit allowUnsigned, issue 12) an unsigned bundle is accepted and a signed one is reported as not checked.
  const plain = await checkFeed(ws.database(), { location: (await publishTo(tempDir(), { signingKey: k.signingKey, version: 8 })).file, publicKey: null, allowUnsigned: true }, run());
  assert.equal(plain.available?.signature, 'not-checked');
  ws.close();
});

test('apply is atomic: a failure while writing leaves the directory and the applied version as they were', async () => {
  const folder = tempDir('relais-feed-');
  await publishTo(folder);
  const ws = await workstationStore();
  const db = ws.database();
  // A real SQLite trigger makes the write of one service fail half-way through the import.
  db.exec(`CREATE TEMP TRIGGER fail_one BEFORE INSERT ON services WHEN NEW.id = 'sos-dettes' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
  const before = snapshot(ws);
  await assert.rejects(applyFeed(db, { location: folder, publicKey: null, allowUnsigned: true }, run()), /disk trouble/);
  assert.deepEqual(snapshot(ws), before, 'no service written, none deactivated, no version recorded');
  db.exec('DROP TRIGGER fail_one');
  assert.equal((await applyFeed(db, { location: folder, publicKey: null, allowUnsigned: true }, run())).state, 'applied');
  ws.close();
});

test('https code path: an http server on 127.0.0.1 stands in; errors say unreachable, not tampered', async () => {
  const folder = tempDir('relais-feed-');
  const published = await publishTo(folder);
  const bytes = fs.readFileSync(published.file);
  const server = http.createServer((req, res) => {
    if (req.url === '/feed/relais-directory.feed.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(bytes);
    } else if (req.url === '/slow') {
      // Never answers: the reader's timeout must fire.
    } else if (req.url === '/hop') {
      res.writeHead(301, { location: '/feed/relais-directory.feed.json' });
      res.end();
    } else if (req.url === '/elsewhere') {
      res.writeHead(302, { location: 'http://example.invalid/feed.json' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const ws = await workstationStore();
    const ok = await checkFeed(ws.database(), { location: `${base}/feed/`, publicKey: null, allowUnsigned: true }, run());
    assert.equal(ok.state, 'update-available', ok.problem ?? '');
    assert.equal(ok.location, `${base}/feed/`);
    const missing = await checkFeed(ws.database(), { location: `${base}/nothing.json`, publicKey: null, allowUnsigned: true }, run());
    assert.equal(missing.state, 'unavailable');
    assert.match(missing.problem ?? '', /answered HTTP 404/);
    const slow = await checkFeed(ws.database(), { location: `${base}/slow`, publicKey: null, allowUnsigned: true }, { ...run(), timeoutMs: 300 });
    assert.equal(slow.state, 'unavailable');
    assert.match(slow.problem ?? '', /cannot be reached: no answer within 0\.3 s/);
    const redirected = await checkFeed(ws.database(), { location: `${base}/elsewhere`, publicKey: null, allowUnsigned: true }, run());
    assert.equal(redirected.state, 'refused');
    assert.match(redirected.problem ?? '', /redirects to a non-https address \(http:\/\/example\.invalid\)/);
    const hop = await checkFeed(ws.database(), { location: `${base}/hop`, publicKey: null, allowUnsigned: true }, run());
    assert.equal(hop.state, 'update-available', 'a redirect to https (here: loopback) is followed');
    ws.close();
    const read = await readBundleBytes(`${base}/feed/relais-directory.feed.json`);
    assert.equal(verifyBundle(read.bytes, read.source, null).info.version, 1);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  assert.equal(parseFeedLocation('https://coordination.example.be/relais/').kind, 'url');
  assert.equal((parseFeedLocation('https://coordination.example.be/relais/') as { url: URL }).url.pathname, `/relais/${DEFAULT_BUNDLE_NAME}`);
  assert.deepEqual(parseFeedLocation('\\\\server\\relais\\feed'), { kind: 'path', path: '\\\\server\\relais\\feed' });
  assert.throws(() => parseFeedLocation('http://coordination.example.be/feed.json'), /must be an https:\/\/ address/);
  assert.throws(() => parseFeedLocation('ftp://coordination.example.be/feed.json'), /must be an https:\/\/ address/);
  assert.throws(() => parseFeedLocation('https://u:p@coordination.example.be/feed.json'), /user name or password/);
  assert.throws(() => parseFeedLocation('relative/folder'), /absolute folder path/);
  const unreachable = await checkFeed((await newOpenStore()).database(), { location: path.join(tempDir(), 'not-mounted'), publicKey: null, allowUnsigned: true }, run());
  assert.equal(unreachable.state, 'unavailable');
  assert.match(unreachable.problem ?? '', /cannot be read: ENOENT \(not published yet, or the shared folder is not reachable/);
});

function configFor(location: string, extra: Record<string, unknown> = {}): ConfigState {
  return parseMachineConfig(JSON.stringify({ feed: { location, ...extra } }), '/etc/relais/config.json', 'linux');
}

test('feed.check / feed.apply through the router; safe mode turns the feed off; expectedVersion guards apply', async () => {
  const k = keys();
  const folder = tempDir('relais-feed-');
  await publishTo(folder, { signingKey: k.signingKey });
  const core = await newOpenCore({ clock: new ManualClock(NOW), config: configFor(folder, { publicKey: k.publicKey }) });
  await signInResponder(core);
  const events: Array<{ state: string }> = [];
  core.onEvent((name, payload) => name === 'feed.status' && events.push(payload as { state: string }));
  const check = await core.router.dispatch('feed.check', {});
  assert.ok(check.ok, JSON.stringify(check));
  assert.equal((check.value as { state: string }).state, 'update-available');
  const wrong = await core.router.dispatch('feed.apply', { expectedVersion: 9 });
  assert.equal(!wrong.ok && wrong.error.code, 'Conflict');
  const applied = await core.router.dispatch('feed.apply', { expectedVersion: 1 });
  assert.ok(applied.ok, JSON.stringify(applied));
  assert.equal((applied.value as { state: string }).state, 'applied');
  assert.deepEqual(events.map((e) => e.state), ['update-available', 'applied']);
  assert.equal((await core.router.dispatch('feed.apply', { expectedVersion: 'one' })).ok, false);
  core.shutdown();

  const safe = parseMachineConfig(JSON.stringify({ feed: { location: folder }, idleLockMinutes: -1 }), '/etc/relais/config.json', 'linux');
  const safeCore = await newOpenCore({ config: safe });
  await signInResponder(safeCore);
  const off = await safeCore.router.dispatch('feed.check', {});
  assert.ok(off.ok);
  assert.equal((off.value as { state: string }).state, 'not-configured');
  assert.match((off.value as { problem: string }).problem, /safe mode/);
  safeCore.shutdown();

  const locked = await newOpenCore({ config: noConfigState() });
  locked.services.store.close();
  assert.equal(((await locked.router.dispatch('feed.check', {})) as { error: { code: string } }).error.code, 'StoreLocked');
});

test('polling: at start, then hourly by the injected clock; nothing while locked; autoApply applies', async () => {
  const folder = tempDir('relais-feed-');
  await publishTo(folder);
  const clock = new ManualClock(NOW);
  const core = await newOpenCore({ clock, config: configFor(folder, { allowUnsigned: true }) });
  const events: string[] = [];
  core.onEvent((name, payload) => name === 'feed.status' && events.push((payload as { summary: string }).summary));
  let wake: (() => void) | null = null;
  const poller = new FeedPoller({ services: core.services, timers: { setInterval: (fn) => ((wake = fn), 1), clearInterval: () => (wake = null) } });

  poller.start();
  assert.ok(wake, 'a wake-up timer is set');
  await poller.tick();
  assert.equal(events.length, 1, 'checked at start');
  assert.match(events[0] ?? '', /^directory update available: \+5 \/ ~0 \/ −0/);
  assert.equal(await poller.tick(), null, 'not due again right away');
  clock.advance(59 * 60 * 1000);
  assert.equal(await poller.tick(), null, 'not due after 59 minutes');
  clock.advance(60 * 1000);
  assert.equal((await poller.tick())?.state, 'update-available', 'due after an hour');
  assert.equal(events.length, 2);
  clock.advance(60 * 60 * 1000);
  core.services.store.close();
  assert.equal(await poller.tick(), null, 'nothing is read while the store is locked');
  poller.stop();
  assert.equal(wake, null);
  core.shutdown();

  // autoApply needs a public key (issue 12): a signed bundle, applied by itself.
  const k = keys();
  const signedFolder = tempDir('relais-feed-');
  await publishTo(signedFolder, { signingKey: k.signingKey });
  const autoCore = await newOpenCore({ clock, config: configFor(signedFolder, { autoApply: true, publicKey: k.publicKey }) });
  const auto = new FeedPoller({ services: autoCore.services, timers: { setInterval: () => 1, clearInterval: () => {} } });
  const r = await auto.tick();
  assert.equal(r?.state, 'applied');
  assert.equal(directoryRepository(autoCore.services.store.database()).countServices() >= 5, true);
  // Applied by itself, and audited like an apply through the router (the system as actor).
  const entries = autoCore.services.store.database().prepare(`SELECT actor, action, detail FROM audit_log WHERE action = 'directory.import'`).all() as { actor: string; detail: string }[];
  assert.deepEqual(entries.map((e) => [e.actor, JSON.parse(e.detail).source, JSON.parse(e.detail).reason]), [['system', 'feed', 'autoApply']]);
  autoCore.shutdown();
});

test('the situation lexicon the coordination edited travels with the directory in the feed (issue 17)', async () => {
  const folder = tempDir('relais-feed-');
  const coord = await coordinationStore();
  directoryRepository(coord.database()).replaceLexicon([{ phrase: 'plus de réponse du cpas', lang: 'fr', themes: ['general'], keywords: ['cpas'] }]);
  await publishDirectory(coord.database(), { out: folder, format: 'hsds', now: NOW, publisher: 'Coordination', signingKey: null });
  coord.close();
  const ws = await workstationStore();
  const applied = await applyFeed(ws.database(), { location: folder, publicKey: null, allowUnsigned: true }, run(ws.files.dataDir));
  assert.equal(applied.state, 'applied', applied.problem ?? '');
  assert.deepEqual(directoryRepository(ws.database()).listLexicon().map((e) => e.phrase), ['plus de réponse du cpas']);
  ws.close();
});
