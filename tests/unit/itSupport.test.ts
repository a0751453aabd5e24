import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { createBackup } from '../../src/store/backup.ts';
import { inspectDataFolder } from '../../src/store/dataFolderAccess.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { latestVersion, migrate } from '../../src/store/migrate.ts';
import { newKeyring, newDataKey, writeKeyring } from '../../src/store/keyring.ts';
import { openDatabase } from '../../src/store/openDatabase.ts';
import { recordAppOpened } from '../../src/store/storeOpener.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { seedDemoDirectory } from '../../src/directory/demo/seedDemoDirectory.ts';
import { countDemoServices } from '../../src/directory/demo/demoMarker.ts';
import { hashTree } from './helpers/storeFilesScan.ts';
import { newOpenStore, tempDir, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

// Issue 19: the mistakes any IT technician makes, each named for what it is — on real stores,
// through the real CLI. (The stores use the tests' cheap scrypt; the CLI reads it from the keyring.)

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  // No machine config unless a test names one; never the per-user folder of whoever runs the tests.
  const home = tempDir('relais-home-');
  const code = await runCli(args, io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE, RELAIS_CONFIG: path.join(home, 'no-config.json'), XDG_CONFIG_HOME: home, HOME: home, ...env });
  return { code, out, err };
}

/** An explicit RELAIS_CONFIG that points to no file is an error: tests that want "no config" write an empty one. */
function configFile(value: unknown): string {
  const file = path.join(tempDir('relais-config-'), 'config.json');
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}
const NO_CONFIG = () => ({ RELAIS_CONFIG: configFile({}) });

async function newStoreDir(): Promise<string> {
  const dir = path.join(tempDir(), 'data');
  (await newOpenStore(dir)).close();
  return dir;
}

function logLines(dir: string): Array<Record<string, unknown>> {
  const file = path.join(dir, 'logs', 'relais.log');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('1. a data folder of another account is WrongAccount naming the owner — never "missing", init never writes over it; doctor shows owner and mode', async () => {
  const dir = await newStoreDir();
  // Tests run as root: the folder is handed to another uid, and the check compares with the effective uid.
  fs.chownSync(dir, 4242, 4242);
  for (const f of fs.readdirSync(dir)) fs.chownSync(path.join(dir, f), 4242, 4242);
  const before = hashTree(dir);
  for (const args of [['doctor'], ['backup'], ['verify'], ['init'], ['restore', '--from', '/nonexistent.relaisbak'], ['directory', 'export', '--format', 'csv', '--out', path.join(tempDir(), 'x.csv')]]) {
    const r = await cli([...args, '--data-dir', dir], NO_CONFIG());
    assert.equal(r.code, 1, `${args[0]} exits 1`);
    assert.match(r.err, /WrongAccount: .*belongs to account uid 4242.*Run Relais and relais-admin as uid 4242/, `${args.join(' ')}: ${r.err}`);
    assert.doesNotMatch(r.err + r.out, /StoreMissing|No store yet|relais-admin init --data-dir/, `${args[0]} never says "missing"`);
  }
  assert.deepEqual(hashTree(dir), before, 'nothing in the folder was changed (no log line either)');
  const doctor = await cli(['doctor', '--data-dir', dir, '--json'], NO_CONFIG());
  const report = JSON.parse(doctor.out);
  assert.equal(report.dataFolder.folder.owner, 'uid 4242');
  assert.equal(report.dataFolder.folder.mode, '0700');
  assert.deepEqual(report.dataFolder.files.map((f: { name: string; mode: string; owner: string }) => [f.name, f.owner, f.mode]).sort(), [
    ['keyring.json', 'uid 4242', '0600'],
    ['relais.db', 'uid 4242', fs.statSync(path.join(dir, 'relais.db')).mode.toString(8).slice(-3).padStart(4, '0')],
  ]);
  assert.equal(report.store.error.code, 'WrongAccount');
  const human = await cli(['doctor', '--data-dir', dir], NO_CONFIG());
  assert.match(human.out, /Data folder: .* — owner uid 4242, mode 0700/);
  assert.match(human.out, /keyring\.json: owner uid 4242, mode 0600/);

  // The injectable probe: another effective uid than the owner, on a folder this process made.
  const mine = await newStoreDir();
  assert.equal(inspectDataFolder(mine).problem, null, 'the owner itself is fine');
  const other = inspectDataFolder(mine, { euid: () => 1000, accountName: (uid) => (uid === 0 ? 'root' : uid === 1000 ? 'accueil' : null) });
  assert.match(other.problem ?? '', /belongs to account root: .* not this account \(accueil\)\. Run Relais and relais-admin as root/);
  // The app's store session is blocked the same way (its screen shows the message; init refused).
  const session = new StoreSession({ dataDir: dir, scrypt: TEST_SCRYPT });
  assert.equal(session.status().state, 'blocked');
  assert.equal(session.status().problem?.code, 'WrongAccount');
  await assert.rejects(session.init(TEST_PASSPHRASE), { code: 'WrongAccount' });
});

test('2. an unparseable config.json: the CLI refuses (exit 1, file, line, column, hint) unless --data-dir; RELAIS_CONFIG naming no file is an error', async () => {
  const home = tempDir('relais-home-');
  const broken = configFile('{\n  "dataDir": "C:\\ProgramData\\Relais",\n  "centreName": "Centre"\n}\n');
  const env = { RELAIS_CONFIG: broken, XDG_CONFIG_HOME: home };
  for (const args of [['backup'], ['verify'], ['init'], ['purge', '--dry-run']]) {
    const r = await cli(args, env);
    assert.equal(r.code, 1, `${args[0]} exits 1`);
    assert.match(r.err, /ConfigInvalid: .*config\.json is invalid — \(file\): not valid JSON at line 2, column \d+: .*write each backslash twice: "C:\\\\ProgramData/, r.err);
    assert.match(r.err, /give --data-dir/);
  }
  assert.equal(fs.existsSync(path.join(home, 'Relais')), false, 'nothing was created in the per-user folder');
  const doctor = await cli(['doctor', '--json'], env);
  assert.equal(doctor.code, 1);
  const report = JSON.parse(doctor.out);
  assert.equal(report.dataDir, null);
  assert.equal(report.config.state, 'invalid');
  assert.match(report.config.problem, /line 2, column/);
  assert.equal(fs.existsSync(path.join(home, 'Relais')), false);

  // With --data-dir the CLI works on that folder.
  const dir = await newStoreDir();
  const ok = await cli(['backup', '--data-dir', dir, '--out', path.join(tempDir(), 'b.relaisbak')], env);
  assert.equal(ok.code, 0, ok.err);

  const missing = await cli(['backup', '--data-dir', dir, '--out', path.join(tempDir(), 'c.relaisbak')], { RELAIS_CONFIG: path.join(home, 'typo', 'confg.json') });
  assert.equal(missing.code, 0, 'with --data-dir, --out the command runs');
  const doctorMissing = await cli(['doctor'], { RELAIS_CONFIG: path.join(home, 'typo', 'confg.json') });
  assert.equal(doctorMissing.code, 1);
  assert.match(doctorMissing.out + doctorMissing.err, /RELAIS_CONFIG names .*confg\.json, which does not exist/);
  const trailing = await cli(['verify'], { RELAIS_CONFIG: configFile('{ "centreName": "Centre", }') });
  assert.equal(trailing.code, 1);
  assert.match(trailing.err, /line 1, column 27: .*remove the comma after the last item/);
});

test('3. a configured backup folder that does not exist is not created: backup exits 1 and logs; doctor checks it and the newest backup age; a config error fails backup', async () => {
  const dir = await newStoreDir();
  const nas = path.join(tempDir(), 'nas-not-mounted', 'relais');
  const env = { RELAIS_CONFIG: configFile({ backup: { folder: nas } }) };
  const r = await cli(['backup', '--data-dir', dir], env);
  assert.equal(r.code, 1);
  assert.match(r.err, /NotFound: The backup folder .*nas-not-mounted.* does not exist .*Relais does not create it/);
  assert.equal(fs.existsSync(nas), false, 'the share path was not created on the local disk');
  assert.ok(logLines(dir).some((l) => l.event === 'cli.command' && l.command === 'backup' && l.exit === 1 && l.code === 'NotFound'), JSON.stringify(logLines(dir)));
  const doctor = await cli(['doctor', '--data-dir', dir, '--json'], env);
  assert.equal(doctor.code, 1);
  const report = JSON.parse(doctor.out);
  assert.deepEqual({ configured: report.backups.configured, reachable: report.backups.reachable }, { configured: true, reachable: false });
  assert.ok(report.problems.some((p: string) => /Backup folder: .*cannot be reached/.test(p)), report.problems.join('\n'));

  fs.mkdirSync(nas, { recursive: true });
  const made = await cli(['backup', '--data-dir', dir], env);
  assert.equal(made.code, 0, made.err);
  assert.equal(fs.readdirSync(nas).filter((n) => n.endsWith('.relaisbak')).length, 1);

  // An old newest backup: a warning past 48 h.
  const old = await newStoreDir();
  const s = new StoreSession({ dataDir: old });
  await s.unlock(TEST_PASSPHRASE);
  createBackup(s.database(), s.files, path.join(old, 'backups', 'relais-old-manual.relaisbak'), { now: new Date(Date.now() - 50 * 3_600_000) });
  s.close();
  const stale = await cli(['doctor', '--data-dir', old, '--json'], NO_CONFIG());
  assert.ok(JSON.parse(stale.out).warnings.some((w: string) => /newest backup is 2\.\d h old|newest backup is 50\.\d h old|more than 48 h/.test(w)), stale.out);

  // Safe mode (a wrong key): backup refuses rather than quietly using the default folder.
  const invalid = { RELAIS_CONFIG: configFile({ backup: { folder: nas, kep: 3 } }) };
  const refused = await cli(['backup', '--data-dir', dir], invalid);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /ConfigInvalid: .*backup\.kep.*give --out/);
  assert.equal(fs.existsSync(path.join(dir, 'backups')), false, 'nothing in the default folder');
});

test('4. relais-admin does not upgrade a store past what the installed app last wrote, unless --allow-upgrade; doctor shows who opened it', async () => {
  const dir = path.join(tempDir(), 'data');
  fs.mkdirSync(dir, { mode: 0o700 });
  const key = newDataKey();
  const keyring = newKeyring(key, TEST_PASSPHRASE, TEST_SCRYPT);
  writeKeyring(path.join(dir, 'keyring.json'), keyring);
  const db = openDatabase(path.join(dir, 'relais.db'), key, { create: true });
  const older = latestVersion() - 1;
  migrate(db, migrations, older);
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run('store_id', keyring.storeId);
  recordAppOpened(db, '0.0.9', new Date('2026-11-02T09:00:00Z'));
  db.close();

  const doctor = await cli(['doctor', '--data-dir', dir, '--json'], NO_CONFIG());
  const report = JSON.parse(doctor.out);
  assert.deepEqual(report.store.lastOpenedBy, { version: '0.0.9', schemaVersion: older, at: '2026-11-02T09:00:00.000Z' });
  assert.equal(report.store.health.schemaVersion, older, 'doctor never migrates');
  const human = await cli(['doctor', '--data-dir', dir], NO_CONFIG());
  assert.match(human.out, new RegExp(`Last opened by Relais 0\\.0\\.9 \\(schema v${older}\\)`));

  const storeHashes = () => Object.fromEntries(Object.entries(hashTree(dir)).filter(([f]) => !f.startsWith('logs')));
  const before = storeHashes();
  const refused = await cli(['directory', 'export', '--format', 'csv', '--data-dir', dir, '--out', path.join(tempDir(), 'x.csv')], NO_CONFIG());
  assert.equal(refused.code, 1);
  assert.match(refused.err, /Conflict: This relais-admin would upgrade the store .* v\d+ to v\d+, but the installed Relais \(0\.0\.9.*--allow-upgrade/);
  assert.deepEqual(storeHashes(), before, 'the store was not upgraded');
  const allowed = await cli(['directory', 'export', '--format', 'csv', '--data-dir', dir, '--out', path.join(tempDir(), 'y.csv'), '--allow-upgrade'], NO_CONFIG());
  assert.equal(allowed.code, 0, allowed.err);
});

test('5. restore says when the backup\'s passphrase differs from the current store\'s', async () => {
  const dir = await newStoreDir();
  const backup = path.join(tempDir(), 'b.relaisbak');
  assert.equal((await cli(['backup', '--data-dir', dir, '--out', backup], NO_CONFIG())).code, 0);
  const same = await cli(['restore', '--data-dir', dir, '--from', backup, '--force', '--json'], NO_CONFIG());
  assert.equal(same.code, 0, same.err);
  assert.equal(JSON.parse(same.out).passphraseChanged, false);
  const next = 'the new recovery passphrase of the centre';
  assert.equal((await cli(['change-passphrase', '--data-dir', dir], { ...NO_CONFIG(), RELAIS_NEW_PASSPHRASE: next })).code, 0);
  const r = await cli(['restore', '--data-dir', dir, '--from', backup, '--force'], NO_CONFIG());
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /this backup uses another recovery passphrase than the store it replaces/);
  const fresh = await cli(['restore', '--data-dir', path.join(tempDir(), 'new-pc'), '--from', backup, '--json'], NO_CONFIG());
  assert.equal(JSON.parse(fresh.out).passphraseChanged, null, 'nothing to compare on a new PC');
});

test('6. taxonomy list exists (text and JSON) and the import error points to it; init seeds no directory unless --demo', async () => {
  const list = await cli(['taxonomy', 'list', '--json'], { ...NO_CONFIG(), RELAIS_PASSPHRASE: '' });
  assert.equal(list.code, 0, list.err);
  const codes = JSON.parse(list.out).themes.map((t: { code: string }) => t.code);
  assert.ok(codes.includes('food') && codes.includes('shelter') && codes.includes('mental_health'));
  const text = await cli(['taxonomy', 'list'], { ...NO_CONFIG(), RELAIS_PASSPHRASE: '' });
  assert.match(text.out, /^food +Aide alimentaire \/ Voedselhulp \/ Food aid$/m);

  const dir = path.join(tempDir(), 'data');
  const init = await cli(['init', '--data-dir', dir, '--json'], NO_CONFIG());
  assert.equal(init.code, 0, init.err);
  assert.equal(JSON.parse(init.out).demoServices, 0);
  const csv = path.join(tempDir(), 'dir.csv');
  fs.writeFileSync(csv, 'id;name;themes;phone\nsrv-1;Service A;nourriture;+32 2 000 00 00\n');
  const imp = await cli(['directory', 'import', csv, '--data-dir', dir, '--dry-run'], NO_CONFIG());
  assert.match(imp.out, /unknown theme code \(the codes: `relais-admin taxonomy list`\)/);
  const demoDir = path.join(tempDir(), 'demo');
  const demo = await cli(['init', '--data-dir', demoDir, '--demo'], NO_CONFIG());
  assert.equal(demo.code, 0, demo.err);
  assert.match(demo.out, /Seeded the DEMONSTRATION directory \(\d+ services, fictitious numbers/);
});

test('7. every changing command writes a line to relais.log (no content); doctor prints the log path; feed check --from writes no status', async () => {
  const dir = await newStoreDir();
  const out = path.join(tempDir(), 'b.relaisbak');
  await cli(['backup', '--data-dir', dir, '--out', out], NO_CONFIG());
  await cli(['directory', 'export', '--format', 'csv', '--data-dir', dir, '--out', path.join(tempDir(), 'd.csv')], NO_CONFIG());
  await cli(['purge', '--data-dir', dir], NO_CONFIG());
  await cli(['purge', '--data-dir', dir, '--dry-run'], NO_CONFIG());
  await cli(['verify', '--data-dir', dir], NO_CONFIG());
  await cli(['restore', '--data-dir', dir, '--from', out, '--force'], NO_CONFIG());
  const lines = logLines(dir).filter((l) => l.event === 'cli.command');
  assert.deepEqual(lines.map((l) => [l.command, l.exit]), [['backup', 0], ['directory export', 0], ['purge', 0], ['restore', 0]]);
  const text = fs.readFileSync(path.join(dir, 'logs', 'relais.log'), 'utf8');
  assert.doesNotMatch(text, new RegExp(`${TEST_PASSPHRASE}|b\\.relaisbak|d\\.csv`), 'no passphrase, no file names');
  const doctor = await cli(['doctor', '--data-dir', dir], NO_CONFIG());
  assert.match(doctor.out, new RegExp(`Log: ${path.join(dir, 'logs', 'relais.log').replace(/[/.]/g, '\\$&')}`));

  const csv = path.join(tempDir(), 'real.csv');
  fs.writeFileSync(csv, 'id;name;themes;phone\ncpas-real;CPAS réel;general;+32 2 000 00 00\n');
  assert.equal((await cli(['directory', 'import', csv, '--data-dir', dir], NO_CONFIG())).code, 0);
  assert.equal(logLines(dir).filter((l) => l.event === 'cli.command').at(-1)?.command, 'directory import');
  const publishDir = tempDir('relais-feed-');
  const published = await cli(['directory', 'publish', '--data-dir', dir, '--out', publishDir], NO_CONFIG());
  assert.equal(published.code, 0, published.err);
  // An unsigned bundle needs the explicit opt-out (issue 12).
  const check = await cli(['feed', 'check', '--data-dir', dir, '--from', publishDir, '--allow-unsigned'], NO_CONFIG());
  assert.equal(check.code, 0, check.err);
  assert.equal(fs.existsSync(path.join(dir, 'feed-status.json')), false, 'feed check --from records no status');
});

test('8. doctor maps a damaged store to CorruptStore; a wrong passphrase says where it came from, and for a backup that an older one may be needed', async () => {
  const dir = await newStoreDir();
  const s = new StoreSession({ dataDir: dir });
  await s.unlock(TEST_PASSPHRASE);
  const db = s.database();
  db.exec('CREATE TABLE filler(x TEXT)');
  const ins = db.prepare('INSERT INTO filler VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) ins.run(`row ${i} ${'y'.repeat(200)}`);
  })();
  s.close();
  const fd = fs.openSync(path.join(dir, 'relais.db'), 'r+');
  const size = fs.fstatSync(fd).size;
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
  fs.closeSync(fd);
  const doctor = await cli(['doctor', '--data-dir', dir], NO_CONFIG());
  assert.equal(doctor.code, 1);
  assert.match(doctor.err, /CorruptStore/);
  assert.doesNotMatch(doctor.out + doctor.err, /Internal|SqliteError/);

  const good = await newStoreDir();
  const wrongEnv = await cli(['verify', '--data-dir', good], { ...NO_CONFIG(), RELAIS_PASSPHRASE: 'not the passphrase at all' });
  assert.equal(wrongEnv.code, 1);
  assert.match(wrongEnv.err, /WrongKey: .*came from the RELAIS_PASSPHRASE variable/);
  const out = path.join(tempDir(), 'b.relaisbak');
  assert.equal((await cli(['backup', '--data-dir', good, '--out', out], NO_CONFIG())).code, 0);
  const wrongBackup = await cli(['verify', '--backup', out], { ...NO_CONFIG(), RELAIS_PASSPHRASE: 'not the passphrase at all' });
  assert.match(wrongBackup.err, /RELAIS_PASSPHRASE variable.*an older one may be the one needed/);
});

test('9. doctor warns while demo services exist; a real import removes them and says so', async () => {
  const dir = await newStoreDir();
  const s = new StoreSession({ dataDir: dir });
  await s.unlock(TEST_PASSPHRASE);
  const seeded = seedDemoDirectory(s.database(), new Date());
  s.close();
  assert.ok(seeded > 50);
  const doctor = await cli(['doctor', '--data-dir', dir, '--json'], NO_CONFIG());
  const report = JSON.parse(doctor.out);
  assert.equal(report.store.demoServices, seeded);
  assert.ok(report.warnings.some((w: string) => /DEMONSTRATION directory \(fictitious numbers\)/.test(w)));
  const csv = path.join(tempDir(), 'real.csv');
  fs.writeFileSync(csv, 'id;name;themes;phone\ncpas-real;CPAS réel;general;+32 2 000 00 00\n');
  const dry = await cli(['directory', 'import', csv, '--data-dir', dir, '--dry-run'], NO_CONFIG());
  assert.match(dry.out, new RegExp(`demonstration directory \\(${seeded} services with fictitious numbers\\) would be removed`));
  const imp = await cli(['directory', 'import', csv, '--data-dir', dir, '--json'], NO_CONFIG());
  assert.equal(imp.code, 0, imp.err);
  assert.equal(JSON.parse(imp.out).demoRemoved, seeded);
  const after = new StoreSession({ dataDir: dir });
  await after.unlock(TEST_PASSPHRASE);
  assert.equal(countDemoServices(after.database()), 0);
  assert.equal(after.database().prepare('SELECT count(*) FROM services').pluck().get(), 1);
  after.close();
  const clean = JSON.parse((await cli(['doctor', '--data-dir', dir, '--json'], NO_CONFIG())).out);
  assert.equal(clean.store.demoServices, 0);
});
