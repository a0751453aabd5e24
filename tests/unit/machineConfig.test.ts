import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createAppCore } from '../../src/app/appCore.ts';
import { configJsonSchema, defaultConfigValues } from '../../src/config/configSchema.ts';
import { configBackupPolicy, loadMachineConfig, machineConfigPath, parseMachineConfig, resolveDataDir } from '../../src/config/machineConfig.ts';
import { configSchemaText } from '../../scripts/configSchema.ts';
import { newOpenCore, signInSupervisor, tempDir, TEST_SCRYPT } from './helpers/tempStore.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = path.join(root, 'docs', 'config.example.json');
const SCHEMA_FILE = path.join(root, 'docs', 'config.schema.json');

function writeConfig(value: unknown): string {
  const file = path.join(tempDir('relais-config-'), 'config.json');
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

const load = (file: string) => loadMachineConfig({ file, platform: 'linux' });
const issuePaths = (s: ReturnType<typeof load>) => s.problem?.issues.map((i) => i.path) ?? [];

test('config file location: RELAIS_CONFIG, else %ProgramData%, /etc/relais, /Library/Application Support', () => {
  assert.equal(machineConfigPath({ RELAIS_CONFIG: '/srv/relais.json' }, 'linux'), '/srv/relais.json');
  assert.equal(machineConfigPath({ ProgramData: 'C:\\ProgramData' }, 'win32'), 'C:\\ProgramData\\Relais\\config.json');
  assert.equal(machineConfigPath({}, 'win32'), 'C:\\ProgramData\\Relais\\config.json');
  assert.equal(machineConfigPath({}, 'linux'), '/etc/relais/config.json');
  assert.equal(machineConfigPath({}, 'darwin'), '/Library/Application Support/Relais/config.json');
});

test('a missing file is fine: defaults, no safe mode — but a RELAIS_CONFIG naming no file is an error', () => {
  const file = path.join(tempDir(), 'absent', 'config.json');
  const explicit = loadMachineConfig({ env: { RELAIS_CONFIG: file } });
  assert.equal(explicit.state, 'invalid');
  assert.equal(explicit.blocksStore, true);
  assert.match(explicit.problem?.message ?? '', /RELAIS_CONFIG names .*absent.config\.json, which does not exist/);
  assert.throws(() => resolveDataDir(explicit, {}), { code: 'ConfigInvalid' });
  const s = loadMachineConfig({ file });
  assert.equal(s.path, file);
  assert.equal(s.state, 'missing');
  assert.equal(s.safeMode, false);
  assert.equal(s.problem, null);
  assert.deepEqual(s.values, defaultConfigValues());
  assert.equal(s.values.idleLockMinutes, 5);
  assert.equal(s.values.defaultLanguage, 'fr');
  assert.deepEqual(s.values.purge, { callbackNumberRetentionDays: 30, notesRetentionMonths: 24 });
});

test('a valid file (the IT guide\'s example, saved by Notepad with a BOM) gives its values', () => {
  const text = `\uFEFF${fs.readFileSync(EXAMPLE, 'utf8')}`;
  const s = parseMachineConfig(text, 'C:\\ProgramData\\Relais\\config.json', 'win32');
  assert.equal(s.state, 'loaded', JSON.stringify(s.problem));
  assert.equal(s.safeMode, false);
  assert.equal(s.values.centreName, 'CPAS de Saint-Gilles — permanence sociale');
  assert.equal(s.values.dataDir, 'D:\\Relais\\data');
  assert.deepEqual(s.values.backup, { folder: '\\\\nas-centre\\sauvegardes\\relais', keep: 14 });
  assert.equal(s.values.feed?.location, '\\\\coordination\\relais\\feed');
  assert.match(s.values.feed?.publicKey ?? '', /^MCowBQYDK2VwAyEA/);
  assert.equal(s.values.idleLockMinutes, 5);

  const linux = load(writeConfig({ centreName: 'Centre', dataDir: '/srv/relais', feed: { location: 'https://coordination.example.be/relais/directory.relaisfeed' }, idleLockMinutes: 10, defaultLanguage: 'nl' }));
  assert.equal(linux.state, 'loaded', JSON.stringify(linux.problem));
  assert.equal(linux.values.feed?.autoApply, false);
  assert.equal(linux.values.feed?.publicKey, null);
  assert.equal(linux.values.defaultLanguage, 'nl');
  assert.deepEqual(linux.values.backup, { folder: null, keep: null });
});

test('an invalid file: a clear problem naming each key, safe mode, and the data folder still found', () => {
  const file = writeConfig({ centreName: 'Centre', dataDir: '/srv/relais', idleLockMinute: 10, defaultLanguage: 'de', backup: { keep: 0 }, purge: { notesRetentionMonths: '24' } });
  const s = load(file);
  assert.equal(s.state, 'invalid');
  assert.equal(s.safeMode, true);
  assert.deepEqual(issuePaths(s).sort(), ['backup.keep', 'defaultLanguage', 'idleLockMinute', 'purge.notesRetentionMonths']);
  assert.match(s.problem?.message ?? '', new RegExp(`${file.replace(/[\\/.]/g, '.')}`));
  assert.match(s.problem?.message ?? '', /idleLockMinute: unknown setting — did you mean "idleLockMinutes"\?/);
  assert.match(s.problem?.message ?? '', /safe mode/);
  // Defaults everywhere, except the data folder, which was valid on its own.
  assert.equal(s.values.dataDir, '/srv/relais');
  assert.equal(s.values.centreName, null);
  assert.equal(s.values.feed, null, 'no directory feed in safe mode');

  const badDir = load(writeConfig({ dataDir: 'relais-data' }));
  assert.deepEqual(issuePaths(badDir), ['dataDir']);
  assert.equal(badDir.values.dataDir, null);
  assert.match(badDir.problem?.message ?? '', /dataDir: dataDir must be an absolute path/);

  const notJson = load(writeConfig('{ "centreName": "Centre", }'));
  assert.equal(notJson.state, 'invalid');
  assert.match(notJson.problem?.message ?? '', /not valid JSON at line 1, column 27: .* — remove the comma after the last item/);
  assert.deepEqual(notJson.problem?.syntax, { line: 1, column: 27, hint: 'remove the comma after the last item of the list or object' });
  assert.equal(notJson.blocksStore, true, 'the data folder of an unparseable file is unknown: no store is opened elsewhere');
  const backslash = load(writeConfig('{\n  "dataDir": "D:\\Relais\\data"\n}'));
  assert.match(backslash.problem?.message ?? '', /line 2, column 18: Bad escaped character — in JSON write each backslash twice/);
  assert.equal(s.blocksStore, false, 'a wrong key elsewhere keeps the data folder');
  assert.equal(badDir.blocksStore, true, 'a wrong dataDir leaves the data folder unknown');
  assert.equal(load(writeConfig('[1, 2]')).state, 'invalid');

  const winPath = load(writeConfig({ dataDir: 'D:\\Relais' }));
  assert.match(winPath.problem?.message ?? '', /dataDir: a Windows path on a linux PC/);

  const feedHttp = load(writeConfig({ feed: { location: 'http://coordination.example.be/feed' } }));
  assert.deepEqual(issuePaths(feedHttp), ['feed.location']);
  const feedCreds = load(writeConfig({ feed: { location: 'https://user:secret@coordination.example.be/feed' } }));
  assert.match(feedCreds.problem?.message ?? '', /credentials never belong/);

  const dir = tempDir();
  const unreadable = loadMachineConfig({ file: dir, platform: 'linux' });
  assert.equal(unreadable.state, 'invalid');
  assert.match(unreadable.problem?.message ?? '', /is not a file/);
});

test('never keys or passphrases: such keys are refused by name, and the feed key can only be an Ed25519 public key', () => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const privateDer = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const publicB64 = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

  for (const [value, key] of [
    [{ passphrase: 'centre recovery passphrase' }, 'passphrase'],
    [{ recoveryPassphrase: 'x' }, 'recoveryPassphrase'],
    [{ feed: { location: '/srv/feed', privateKey: privatePem } }, 'feed.privateKey'],
    [{ backup: { folder: '/srv/b', password: 'x' } }, 'backup.password'],
    [{ dataKey: 'AAAA' }, 'dataKey'],
  ] as const) {
    const s = load(writeConfig(value));
    assert.equal(s.state, 'invalid', key);
    const issue = s.problem?.issues.find((i) => i.path === key);
    assert.ok(issue, `${key} is named`);
    assert.match(issue.message, /keys and passphrases never belong in config\.json/);
  }
  for (const secret of [privatePem, privateDer]) {
    const s = load(writeConfig({ feed: { location: '/srv/feed', publicKey: secret } }));
    assert.deepEqual([...new Set(issuePaths(s))], ['feed.publicKey']);
    assert.match(s.problem?.message ?? '', /private key/);
    assert.ok(!(s.problem?.message ?? '').includes(secret.slice(40, 70)), 'the problem never echoes the key');
  }
  const inName = load(writeConfig({ centreName: privatePem }));
  assert.deepEqual([...new Set(issuePaths(inName))], ['centreName']);
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
  assert.deepEqual(issuePaths(load(writeConfig({ feed: { location: '/srv/feed', publicKey: rsa } }))), ['feed.publicKey']);

  for (const good of [publicB64, publicPem]) {
    const s = load(writeConfig({ feed: { location: '/srv/feed', publicKey: good } }));
    assert.equal(s.state, 'loaded', JSON.stringify(s.problem));
  }

  // The published JSON Schema has no property that could carry a secret, and closes every object.
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { properties?: Record<string, unknown>; additionalProperties?: unknown; type?: unknown };
    if (n.type === 'object') assert.equal(n.additionalProperties, false, 'every object is closed');
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      names.push(k);
      walk(v);
    }
  };
  walk(configJsonSchema());
  assert.ok(names.includes('publicKey'));
  assert.deepEqual(names.filter((k) => k !== 'publicKey' && /pass|secret|private|token|key|pin|password|credential/i.test(k)), []);
});

test('docs/config.schema.json is the schema generated from the zod schema (regenerate: node scripts/configSchema.ts)', () => {
  assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), configSchemaText(), 'docs/config.schema.json is stale: run `node scripts/configSchema.ts`');
  // Editors validate with it: the example passes, a passphrase or a typo does not.
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  assert.equal(validate(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'))), true, JSON.stringify(validate.errors));
  assert.equal(validate({ passphrase: 'x' }), false);
  assert.equal(validate({ idleLockMinute: 5 }), false);
  assert.equal(validate({ feed: { location: 'http://x' } }), false);
});

test('data folder: RELAIS_DATA_DIR, else the config\'s dataDir, else the per-user folder; backup policy from the config', () => {
  const s = load(writeConfig({ dataDir: '/srv/relais', backup: { folder: '/srv/backups', keep: 3 } }));
  assert.equal(resolveDataDir(s, { HOME: '/home/x' }), '/srv/relais');
  assert.equal(resolveDataDir(s, { RELAIS_DATA_DIR: '/tmp/override' }), '/tmp/override');
  const none = load(path.join(tempDir(), 'none.json'));
  assert.equal(resolveDataDir(none, { XDG_CONFIG_HOME: '/home/x/.config' }), path.join('/home/x/.config', 'Relais'));
  assert.deepEqual(configBackupPolicy(s), { folder: '/srv/backups', keep: 3, configured: true });
  assert.deepEqual(configBackupPolicy(none), {});
});

test('config.get answers before any store exists, in safe mode too; backups go where the config says', async () => {
  const bad = load(writeConfig({ idleLockMinutes: 0 }));
  const core = createAppCore({ dataDir: tempDir(), shell: 'cli', scrypt: TEST_SCRYPT, validateOutput: true, config: bad });
  const r = await core.router.dispatch('config.get', {});
  assert.ok(r.ok);
  const v = r.value as typeof bad;
  assert.equal(v.safeMode, true);
  assert.equal(v.state, 'invalid');
  assert.deepEqual(v.problem?.issues.map((i) => i.path), ['idleLockMinutes']);
  const refused = await core.router.dispatch('config.get', { values: {} });
  assert.equal(refused.ok, false);
  core.shutdown();

  const folder = path.join(tempDir(), 'centre-backups');
  fs.mkdirSync(folder); // a configured folder is never created (issue 19)
  const good = load(writeConfig({ backup: { folder, keep: 2 } }));
  const withConfig = await newOpenCore({ config: good });
  await signInSupervisor(withConfig);
  const plain = await withConfig.router.dispatch('config.get', {});
  assert.ok(plain.ok && (plain.value as typeof good).state === 'loaded');
  const b = await withConfig.router.dispatch('store.backupNow', {});
  assert.ok(b.ok, JSON.stringify(b));
  assert.equal(path.dirname((b.value as { file: string }).file), folder);
  const list = await withConfig.router.dispatch('store.listBackups', {});
  assert.ok(list.ok);
  assert.deepEqual({ folder: (list.value as { folder: string }).folder, keep: (list.value as { keep: number }).keep }, { folder, keep: 2 });
  withConfig.shutdown();
});
