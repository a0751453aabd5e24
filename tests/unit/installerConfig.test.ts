import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { tempDir } from './helpers/tempStore.ts';
import { buildMain } from '../../scripts/build.ts';

// electron-builder cannot build real installers here (it downloads Electron), so this file
// checks electron-builder.yml three ways: against electron-builder's own JSON schema, through
// electron-builder's own code that decides whether an app-update.yml is written, and by really
// packaging it (linux, --dir) against a stub Electron distribution.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
// CommonJS internals of electron-builder, loaded the way its CLI loads them.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { getAppUpdatePublishConfiguration } = require('app-builder-lib/out/publish/PublishManager.js');
const { getCurrentFuseWire } = require('@electron/fuses');

type Config = Record<string, unknown> & { publish?: unknown };

async function loadConfig(): Promise<Config> {
  return getConfig(root, 'electron-builder.yml', null);
}

function section(config: Config, name: string): Record<string, unknown> {
  const s = config[name];
  assert.ok(s && typeof s === 'object', `electron-builder.yml has a ${name} section`);
  return s as Record<string, unknown>;
}

test('electron-builder.yml is valid against electron-builder\'s own JSON schema (ajv, and electron-builder\'s validator)', async () => {
  const config = await loadConfig();
  const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  // No type coercion (electron-builder's validator coerces): a "true" string is an error here.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const valid = validate(config);
  assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
  await validateConfiguration(config, { isEnabled: false });

  // The schema check is not vacuous: an unknown option and a wrong type are caught.
  assert.equal(validate({ ...config, nsis: { ...section(config, 'nsis'), oneClik: false } }), false);
  assert.equal(validate({ ...config, msi: { ...section(config, 'msi'), perMachine: 'yes' } }), false);
});

test('electron-builder.yml holds the deployment settings IT relies on', async () => {
  const config = await loadConfig();
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  });
  assert.equal(config.asar, true);
  assert.deepEqual(config.asarUnpack, ['node_modules/better-sqlite3-multiple-ciphers/**']);

  const nsis = section(config, 'nsis');
  assert.equal(nsis.oneClick, false);
  assert.equal(nsis.perMachine, true);
  assert.equal(nsis.deleteAppDataOnUninstall, false, 'uninstalling never deletes records');
  assert.equal(nsis.guid, '3e0f9a52-7c1d-4b8e-a6f4-0d5b2c9e1f73', 'the NSIS guid never changes');

  const msi = section(config, 'msi');
  assert.equal(msi.perMachine, true);
  assert.equal(msi.upgradeCode, '5b8f5c0e-6a8f-4f5e-9d6b-2f3c1a7e4b21', 'the MSI upgradeCode never changes');

  const win = section(config, 'win');
  assert.deepEqual((win.target as Array<{ target: string }>).map((t) => t.target), ['nsis', 'msi']);
  assert.equal(config.forceCodeSigning, false, 'unsigned builds work; release builds pass -c.forceCodeSigning=true');
  // Code-signing secrets come from the environment (CSC_LINK, CSC_KEY_PASSWORD, WIN_CSC_LINK).
  for (const key of ['cscLink', 'cscKeyPassword']) {
    for (const where of [config, win, section(config, 'mac'), section(config, 'linux')]) assert.equal(where[key], undefined, `${key} is never in the file`);
  }
  assert.equal((win.signtoolOptions as Record<string, unknown>).certificatePassword, undefined);
  assert.equal((win.signtoolOptions as Record<string, unknown>).certificateFile, undefined);

  assert.deepEqual(section(config, 'linux').target, ['deb', 'AppImage']);
  const depends = section(config, 'deb').depends as string[];
  assert.ok(depends.includes('libsecret-1-0'), 'the deb declares libsecret');
  assert.ok(depends.some((d) => d.startsWith('gnome-keyring')), 'the deb declares a keyring');
  assert.ok(depends.includes('libgtk-3-0') && depends.includes('libnss3'), 'the deb keeps electron-builder\'s default dependencies');

  const mac = section(config, 'mac');
  assert.deepEqual(mac.target, ['dmg']);
  assert.equal(mac.identity, null, 'the dmg is unsigned');
});

/** Every `publish` key anywhere in the config, with its path. */
function publishKeys(value: unknown, at = ''): Array<[string, unknown]> {
  if (!value || typeof value !== 'object') return [];
  const found: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(value)) {
    const p = at ? `${at}.${k}` : k;
    if (k === 'publish') found.push([p, v]);
    found.push(...publishKeys(v, p));
  }
  return found;
}

/** Just enough of a platform packager for electron-builder's publish-config resolution. */
function stubPackager(config: Config, platform: 'win' | 'linux' | 'mac') {
  const names = { win: 'windows', linux: 'linux', mac: 'mac' } as const;
  return {
    config,
    platformSpecificBuildOptions: (config[platform] ?? {}) as Record<string, unknown>,
    platform: { name: names[platform], buildConfigurationKey: platform },
    info: { config, repositoryInfo: Promise.resolve({ type: 'github', user: 'someone', project: 'relais' }), appInfo: { channel: null } },
    appInfo: { updaterCacheDirName: 'relais-updater', channel: null },
    expandMacro: (s: string) => s,
  };
}

test('no auto-update: publish is null, nowhere overridden, and electron-builder resolves no app-update.yml for any target', async () => {
  const config = await loadConfig();
  assert.deepEqual(publishKeys(config), [['publish', null]], 'only the top-level `publish: null`, no provider anywhere');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.build, undefined, 'no second electron-builder config in package.json');
  assert.ok(!pkg.dependencies?.['electron-updater'], 'electron-updater is not shipped');

  // The one function every writer of app-update.yml calls (PublishManager for nsis/dmg,
  // FpmTarget for deb, AppImageTarget): null means the file is not written.
  const targets = { win: ['nsis', 'msi'], linux: ['deb', 'appImage'], mac: ['dmg'] } as const;
  for (const [platform, names] of Object.entries(targets) as Array<[keyof typeof targets, readonly string[]]>) {
    for (const name of names) {
      const resolved = await getAppUpdatePublishConfiguration(stubPackager(config, platform), config[name] ?? null, 1, false);
      assert.equal(resolved, null, `${platform}/${name}: no update provider`);
    }
  }
  // Control: the same call with a provider configured does produce an update configuration.
  const withProvider = { ...config, publish: { provider: 'generic', url: 'https://updates.example.invalid/' } };
  const control = await getAppUpdatePublishConfiguration(stubPackager(withProvider, 'win'), null, 1, false);
  assert.equal(control?.provider, 'generic');
});

// Fuse wire indexes of @electron/fuses V1 and the states electron-builder.yml asks for.
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

/** An "Electron distribution" electron-builder can copy, with a fuse wire set opposite to the config. */
function stubElectronDist(dir: string, fuses: Record<string, boolean>): void {
  fs.mkdirSync(dir, { recursive: true });
  const wire = Buffer.from(FUSE_ORDER.map((f) => (fuses[f] ? DISABLE : ENABLE)));
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests"\n# '), Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.from('\n')]);
  fs.writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stub');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), 'stub');
  fs.writeFileSync(path.join(dir, 'version'), '45.5.0');
  fs.mkdirSync(path.join(dir, 'locales'));
  for (const l of ['de', 'en-GB', 'en-US', 'fr', 'nl', 'zh-CN']) fs.writeFileSync(path.join(dir, 'locales', `${l}.pak`), 'stub');
}

test('packaging with electron-builder (linux --dir, stub Electron): no app-update.yml, fuses flipped, native module unpacked, relais-admin inside at the app\'s version', { timeout: 240_000 }, async () => {
  const config = await loadConfig();
  const fuses = config.electronFuses as Record<string, boolean>;
  const work = tempDir('relais-package-');
  const project = path.join(work, 'project');
  // A throw-away project: the real package.json, electron-builder.yml and node_modules, stub app files.
  fs.mkdirSync(path.join(project, 'build', 'main'), { recursive: true });
  fs.mkdirSync(path.join(project, 'build', 'renderer'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(project, 'package.json'));
  fs.copyFileSync(path.join(root, 'electron-builder.yml'), path.join(project, 'electron-builder.yml'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'junction');
  // The real main bundle (it carries `--admin`, relais-admin inside the app); renderer stubbed.
  await buildMain(path.join(project, 'build', 'main'));
  fs.writeFileSync(path.join(project, 'build', 'main', 'main.cjs.map'), '{}');
  fs.cpSync(path.join(root, 'build-resources'), path.join(project, 'build-resources'), { recursive: true });
  fs.writeFileSync(path.join(project, 'build', 'renderer', 'index.html'), '<!doctype html>\n');
  const dist = path.join(work, 'electron-dist');
  stubElectronDist(dist, fuses);
  const out = path.join(work, 'out');

  const r = spawnSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--projectDir', project, '--linux', 'dir', '--config', 'electron-builder.yml', `-c.electronDist=${dist}`, `-c.directories.output=${out}`],
    // A GitHub token in the environment would make electron-builder guess a GitHub update feed if publish were not null.
    { cwd: project, encoding: 'utf8', timeout: 200_000, env: { ...process.env, GH_TOKEN: 'not-a-real-token', CI: '' } },
  );
  assert.equal(r.status, 0, `electron-builder failed:\n${(r.stdout + r.stderr).slice(-4000)}`);

  // Control, run by hand (not repeated here, it doubles the time): the same command with
  // `-c.publish.provider=generic -c.publish.url=https://x.invalid/` does write resources/app-update.yml.
  const appDir = path.join(out, 'linux-unpacked');
  const resources = path.join(appDir, 'resources');
  assert.ok(fs.existsSync(path.join(resources, 'app.asar')), 'the app is packed in an asar');
  assert.equal(fs.existsSync(path.join(resources, 'app-update.yml')), false, 'no app-update.yml is produced');
  assert.equal(fs.existsSync(path.join(resources, 'package-type')), false, 'no auto-update marker either');
  const prebuilds = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds');
  assert.ok(fs.existsSync(path.join(prebuilds, 'linux-x64.node')) && fs.existsSync(path.join(prebuilds, 'win32-x64.node')), 'the native module is unpacked next to the asar');

  assert.deepEqual(fs.readdirSync(path.join(appDir, 'locales')).sort(), ['en-GB.pak', 'en-US.pak', 'fr.pak', 'nl.pak'], 'only the UI\'s languages are kept');

  const wire = await getCurrentFuseWire(path.join(appDir, 'relais'));
  FUSE_ORDER.forEach((name, i) => assert.equal(wire[i], fuses[name] ? ENABLE : DISABLE, `fuse ${name}`));

  const asar = require('@electron/asar');
  const packed = new Set<string>(asar.listPackage(path.join(resources, 'app.asar')).map((p: string) => p.split(path.sep).join('/')));
  assert.ok(packed.has('/build/main/main.cjs') && packed.has('/build/renderer/index.html'));
  assert.ok(!packed.has('/build/main/main.cjs.map'), 'source maps stay out');
  assert.ok(!packed.has('/electron-builder.yml'));

  // relais-admin ships with the app (issue 19): /opt/Relais/relais-admin runs `relais --admin`,
  // and the packaged main answers it at the package's version. Electron's binary is a stub here,
  // so the packaged main.cjs (extracted from the asar, native module from app.asar.unpacked) is
  // run by Node, as Electron's main process would run it.
  const wrapper = path.join(appDir, 'relais-admin');
  assert.ok(fs.existsSync(wrapper), 'the relais-admin wrapper is installed next to the binary');
  assert.ok((fs.statSync(wrapper).mode & 0o111) !== 0, 'and is executable');
  assert.match(fs.readFileSync(wrapper, 'utf8'), /exec "\$here\/relais" --admin "\$@"/);
  const extracted = path.join(work, 'extracted');
  asar.extractAll(path.join(resources, 'app.asar'), extracted);
  const packagedMain = path.join(extracted, 'build', 'main', 'main.cjs');
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  // This throw-away project's node_modules is a symlink, through which electron-builder copies the
  // direct dependencies only (exceljs, pdfkit… without theirs): NODE_PATH supplies the transitive
  // ones. The bundle, the asar layout and the unpacked native module are the packaged ones.
  const nodePath = { NODE_PATH: path.join(root, 'node_modules') };
  const v = spawnSync(process.execPath, [packagedMain, '--admin', '--version'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...nodePath } });
  assert.equal(v.status, 0, v.stderr);
  assert.equal(v.stdout.trim(), version);
  const dataDir = path.join(work, 'data');
  const env = { ...process.env, ...nodePath, RELAIS_CONFIG: '', RELAIS_PASSPHRASE: 'packaged relais-admin passphrase', RELAIS_DATA_DIR: dataDir };
  const init = spawnSync(process.execPath, [packagedMain, '--admin', 'init', '--json'], { encoding: 'utf8', timeout: 60_000, env });
  assert.equal(init.status, 0, init.stderr);
  const doctor = spawnSync(process.execPath, [packagedMain, '--admin', 'doctor', '--json'], { encoding: 'utf8', timeout: 60_000, env });
  assert.equal(doctor.status, 0, doctor.stderr);
  const report = JSON.parse(doctor.stdout);
  assert.equal(report.versions.relais, version);
  assert.equal(report.store.state, 'open');
  const usage = spawnSync(process.execPath, [packagedMain, '--admin', 'no-such-command'], { encoding: 'utf8', timeout: 60_000, env });
  assert.equal(usage.status, 1, 'exit codes are relais-admin\'s');
  fs.rmSync(work, { recursive: true, force: true });
});
