import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createAppCore, type AppCore } from '../../src/app/appCore.ts';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { parseMachineConfig } from '../../src/config/machineConfig.ts';
import { findIdentifyingData } from '../../src/domain/identifyingData.ts';
import { generateFeedKeys, loadSigningKey, publishDirectory } from '../../src/feed/publish.ts';
import { createLogger } from '../../src/log/logger.ts';
import { rotatingFileSink } from '../../src/log/rotatingFileSink.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { readKeyring, unwrapWithPassphrase } from '../../src/store/keyring.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { TEST_SCRYPT, tempDir } from './helpers/tempStore.ts';

/** The PIN every test responder is given (issue 8: no profile signs in without one). */
const TEST_PIN = '246810';

// What support asks for: the log files (no call content, no phone numbers, no passphrases, no
// keys) and `relais-admin doctor` (config, versions, store, last backup, feed).

const PASSPHRASE = 'Centre Anderlecht — passphrase de secours 2026';
const WRONG = 'wrong-passphrase-typed-by-a-tired-responder';
const NEW_PASSPHRASE = 'nouvelle phrase de passe du centre 2027';
const CALLER_MOBILE = '0470 12 34 56';
const CALLER_MOBILE_E164 = '+32470123456';
const NOTE = 'Madame explique que son propriétaire menace de couper le chauffage';
const SERVICE_PRO_LINE = '02 555 01 99';

function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\r\n');
}

async function call(core: AppCore, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return (await core.router.dispatch(name, input)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

test('a realistic run writes log lines with no passphrase, phone number, note text or key material', { timeout: 120_000 }, async () => {
  const dataDir = path.join(tempDir(), 'data');
  const logDir = path.join(dataDir, 'logs');
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  // As main does (small files here, so that rotation happens during the run too).
  const log = createLogger(rotatingFileSink(logDir, { maxBytes: 600, keep: 50 }), () => clock.now());
  const keys = generateFeedKeys(path.join(tempDir(), 'relais-feed'));
  const feedFolder = tempDir('relais-feed-');
  const config = parseMachineConfig(JSON.stringify({ feed: { location: feedFolder, publicKey: keys.publicKey } }), '/etc/relais/config.json', 'linux');
  const open = () => createAppCore({ dataDir, shell: 'electron', log, clock, scrypt: TEST_SCRYPT, config });

  let core = open();
  await core.start();
  assert.ok((await call(core, 'store.init', { passphrase: PASSPHRASE })).ok);
  core.shutdown();

  // Next morning: locked, a wrong passphrase, then the right one.
  core = open();
  await core.start();
  assert.equal((await call(core, 'store.unlock', { passphrase: WRONG })).error?.code, 'WrongKey');
  assert.ok((await call(core, 'store.unlock', { passphrase: PASSPHRASE })).ok);
  assert.ok((await call(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' })).ok);

  // A directory import whose rows carry phone numbers and professional lines, one row rejected.
  const file = csv([
    ['id', 'name', 'themes', 'phone', 'professional_contact', 'email'],
    ['cpas-anderlecht', 'CPAS d\'Anderlecht', 'general', '02 529 40 00', `ligne pro ${SERVICE_PRO_LINE}`, 'info@cpas-anderlecht.be'],
    ['bad-row', 'Service', 'general', CALLER_MOBILE, 'x', 'not-an-email'],
  ]);
  const imported = await call(core, 'directory.importApply', { fileName: 'repertoire.csv', content: Buffer.from(file).toString('base64') });
  assert.ok(imported.ok, JSON.stringify(imported));

  // A call with a note holding what the caller said and their number; router errors with such payloads.
  const profile = await call(core, 'profiles.create', { displayName: 'Samira', centre: 'CPAS Anderlecht', pin: TEST_PIN });
  assert.ok(profile.ok, JSON.stringify(profile));
  assert.ok((await call(core, 'profiles.signIn', { profileId: (profile.value as { id: string }).id, secret: TEST_PIN })).ok);
  const started = await call(core, 'calls.start', {});
  assert.ok(started.ok, JSON.stringify(started));
  const callId = (started.value as { id: string }).id;
  assert.ok((await call(core, 'calls.addNote', { callId, text: `${NOTE}. Rappeler au ${CALLER_MOBILE}.` })).ok);
  const refusals = [
    await call(core, 'calls.addNote', { callId, text: `${NOTE} ${CALLER_MOBILE} `.repeat(2000) }),
    await call(core, 'calls.addNote', { callId: 'no-such-call', text: `${NOTE} ${CALLER_MOBILE_E164}` }),
    await call(core, 'directory.addNote', { serviceId: `unknown ${CALLER_MOBILE}`, text: NOTE }),
    await call(core, 'calls.updateNote', { callId, noteId: 999, text: `${NOTE} ${CALLER_MOBILE}` }),
    await call(core, `calls.${CALLER_MOBILE_E164}`, { text: NOTE }),
    await call(core, 'store.unlock', { passphrase: WRONG, note: NOTE }),
    await call(core, 'calls.close', { callId, record: { notes: NOTE, phone: CALLER_MOBILE } }),
    // Files that break the readers deep down (the paths most likely to end as "operation.crashed").
    await call(core, 'directory.importApply', { fileName: `${CALLER_MOBILE}.xlsx`, content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`${NOTE} ${CALLER_MOBILE}`)]).toString('base64') }),
    await call(core, 'directory.importApply', { fileName: 'notes.json', content: Buffer.from(`{"services": [${NOTE} ${CALLER_MOBILE}`).toString('base64') }),
  ];
  assert.ok(refusals.every((r) => !r.ok), JSON.stringify(refusals));

  // Backups, a passphrase change, the directory feed.
  assert.ok((await call(core, 'store.backupNow', {})).ok);
  // The store's passphrase is a supervisor's (issue 8): Samira ends her call, Sophie signs in.
  assert.ok((await call(core, 'calls.end', { callId })).ok);
  const sophie = (await call(core, 'profiles.list', {})).value as { profiles: Array<{ id: string; role: string }> };
  assert.ok((await call(core, 'profiles.signIn', { profileId: sophie.profiles.find((p) => p.role === 'supervisor')!.id, secret: 'supervisor passphrase' })).ok);
  assert.ok((await call(core, 'store.changePassphrase', { oldPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE })).ok);
  const coord = new StoreSession({ dataDir: path.join(tempDir(), 'coord'), scrypt: TEST_SCRYPT });
  await coord.init(PASSPHRASE);
  coord.database().prepare('INSERT INTO services (id, name, themes, keywords, communes_served, languages, status, created_at, updated_at, professional_contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run('samusocial', 'Samusocial', '["housing"]', '[]', '[]', '[]', 'active', 'x', 'x', `ligne pro ${SERVICE_PRO_LINE}`);
  await publishDirectory(coord.database(), { out: feedFolder, format: 'hsds', now: clock.now(), signingKey: loadSigningKey(keys.privateKeyFile) });
  coord.close();
  assert.equal(((await call(core, 'feed.check', {})).value as { state: string }).state, 'update-available');
  assert.equal(((await call(core, 'feed.apply', {})).value as { state: string }).state, 'applied');
  core.shutdown();

  const key = unwrapWithPassphrase(readKeyring(path.join(dataDir, 'keyring.json')), NEW_PASSPHRASE);
  const keyring = fs.readFileSync(path.join(dataDir, 'keyring.json'), 'utf8');
  const keyringValues = [...keyring.matchAll(/"([A-Za-z0-9+/=]{20,})"/g)].map((m) => m[1] as string);
  const privatePem = fs.readFileSync(keys.privateKeyFile, 'utf8');

  const files = fs.readdirSync(logDir).filter((n) => n.endsWith('.log'));
  assert.ok(files.length > 1, `the log rotated during the run (${files.join(', ')})`);
  const text = files.map((n) => fs.readFileSync(path.join(logDir, n), 'utf8')).join('');
  const lines = text.split('\n').filter(Boolean);
  // The log is useful: the events support needs are there, as JSON lines.
  const events = new Set(lines.map((l) => (JSON.parse(l) as { event: string }).event));
  for (const e of ['store.created', 'store.unlocked', 'directory.imported', 'calls.started', 'backup.created', 'store.passphrase_changed', 'feed.checked', 'feed.applied']) {
    assert.ok(events.has(e), `${e} is logged (${[...events].join(', ')})`);
  }

  const forbidden: Array<[string, string]> = [
    ['passphrase', PASSPHRASE],
    ['wrong passphrase', WRONG],
    ['new passphrase', NEW_PASSPHRASE],
    ['caller number', CALLER_MOBILE],
    ['caller number (E.164)', CALLER_MOBILE_E164],
    ['caller number (digits)', '470123456'],
    ['service professional line', SERVICE_PRO_LINE],
    ['note text', NOTE],
    ['note text (start)', 'propriétaire menace'],
    ['data key (hex)', key.toString('hex')],
    ['data key (base64)', key.toString('base64')],
    ['feed private key', privatePem.split('\n')[1] as string],
    ['PEM marker', 'PRIVATE KEY'],
    ...keyringValues.map((v): [string, string] => ['keyring value', v]),
  ];
  for (const [what, value] of forbidden) assert.ok(!text.includes(value), `the logs hold no ${what}`);
  for (const line of lines) assert.deepEqual(findIdentifyingData(line), [], `no identifying data in: ${line}`);
});

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await runCli(args, io, env);
  return { code, out, err };
}

test('relais-admin doctor summarises config, versions, store, last backup and feed — valid JSON with --json', { timeout: 120_000 }, async () => {
  const root = tempDir();
  const dataDir = path.join(root, 'data');
  const backups = path.join(root, 'nas-backups');
  const feedFolder = path.join(root, 'share');
  fs.mkdirSync(feedFolder);
  // Issue 19: a configured backup folder (a NAS share) must exist — Relais never creates it.
  fs.mkdirSync(backups);
  const configFile = path.join(root, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify({ centreName: 'CPAS de Forest', dataDir, backup: { folder: backups, keep: 10 }, feed: { location: feedFolder, allowUnsigned: true } }));
  const env = { RELAIS_CONFIG: configFile, RELAIS_PASSPHRASE: PASSPHRASE };

  // No store yet: doctor still answers (data folder from the config); exit 2, the unsigned feed
  // being a configuration warning (issue 12).
  const empty = await cli(['doctor', '--json'], env);
  assert.equal(empty.code, 2, empty.err);
  assert.match(JSON.parse(empty.out).configWarnings.join('\n'), /UNSIGNED/);
  const e = JSON.parse(empty.out);
  assert.equal(e.dataDir, dataDir);
  assert.equal(e.store.state, 'missing');
  assert.deepEqual(e.config, { path: configFile, state: 'loaded', safeMode: false, centreName: 'CPAS de Forest', problem: null, issues: [] });

  assert.equal((await cli(['init'], env)).code, 0);
  const backup = await cli(['backup', '--json'], env);
  assert.equal(backup.code, 0, backup.err);
  assert.equal(path.dirname(JSON.parse(backup.out).file), backups, 'backup without --out goes to the configured folder');
  await cli(['directory', 'publish', '--out', feedFolder], env).then((r) => assert.equal(r.code, 1, 'an empty directory is not published'));
  const s = new StoreSession({ dataDir });
  await s.unlock(PASSPHRASE);
  s.database().prepare('INSERT INTO services (id, name, themes, keywords, communes_served, languages, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run('a', 'A', '["general"]', '[]', '[]', '[]', 'active', 'x', 'x');
  s.close();
  assert.equal((await cli(['directory', 'publish', '--out', feedFolder], env)).code, 0);
  assert.equal((await cli(['feed', 'apply'], env)).code, 0);

  const r = await cli(['doctor', '--json'], env);
  assert.equal(r.code, 2, r.err);
  const d = JSON.parse(r.out);
  assert.equal(d.ok, true);
  assert.deepEqual(d.problems, []);
  assert.match(d.versions.relais, /^\d+\.\d+\.\d+/);
  assert.match(d.versions.sqlite, /^3\./);
  assert.equal(d.store.state, 'open');
  assert.equal(d.store.health.integrity, 'ok');
  assert.equal(d.backups.folder, backups);
  assert.equal(d.backups.keep, 10);
  assert.equal(d.backups.count, 1);
  assert.ok(d.backups.newest.ageHours >= 0 && d.backups.newest.ageHours < 1);
  assert.equal(d.feed.location, feedFolder);
  assert.equal(d.feed.applied.version, 1);
  assert.equal(d.feed.lastCheck.state, 'applied');
  const human = await cli(['doctor'], env);
  assert.match(human.out, /Configuration: .*config\.json — valid — CPAS de Forest/);
  assert.match(human.out, /Backups: .*nas-backups \(configured\) \(keep 10; reachable, writable\) — 1 backup\(s\), newest .* \(0\.\d h ago, manual\)/);
  assert.match(human.out, /applied here: version 1 on /);

  // Locked (no passphrase): still a support summary; the applied version is unknown.
  const locked = JSON.parse((await cli(['doctor', '--json'], { RELAIS_CONFIG: configFile })).out);
  assert.equal(locked.store.state, 'locked');
  assert.equal(locked.feed.applied, null);
  assert.equal(locked.feed.lastCheck.appliedVersion, 1);
  assert.equal(locked.backups.count, 1);

  // An invalid config: exit 1, still valid JSON, the key named; the data folder is still found.
  fs.writeFileSync(configFile, JSON.stringify({ dataDir, idleLockMinutes: 'ten', passphrase: PASSPHRASE }));
  const bad = await cli(['doctor', '--json'], env);
  assert.equal(bad.code, 1);
  const b = JSON.parse(bad.out);
  assert.equal(b.config.state, 'invalid');
  assert.equal(b.config.safeMode, true);
  assert.deepEqual(b.config.issues.map((i: { path: string }) => i.path).sort(), ['idleLockMinutes', 'passphrase']);
  assert.equal(b.dataDir, dataDir);
  assert.equal(b.store.state, 'open');
  assert.match(bad.err, /passphrase: not allowed: keys and passphrases never belong in config\.json/);
  assert.ok(!bad.out.includes(PASSPHRASE) && !bad.err.includes(PASSPHRASE), 'doctor never echoes the value');
});
