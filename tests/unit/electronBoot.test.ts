import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { APP_ORIGIN, CSP } from '../../main/csp.ts';
import { INVOKE_CHANNEL } from '../../main/ipcChannels.ts';
import { type BootedMain, bootMain, type BuiltShell, buildShell, callsTo, killAllBooted, removeShell, STAND_IN_PAGE } from '../electron-double/bootedMain.ts';
import { pdfStreamsText } from './helpers/pdfText.ts';
import { tempDir } from './helpers/tempStore.ts';
import { HARNESS_SUPERVISOR, type PreparedFolder, prepareDataFolder, TEST_PASSPHRASE, TEST_PIN } from '../electron-double/dataFolder.ts';
import type { RecordedCall } from '../electron-double/electronDouble.ts';

// The Electron shell, run: the BUILT main and preload bundles (the project's own build step)
// booted in a Node child process with `electron` resolved to the double (tests/electron-double),
// the real src/ core on a temporary data folder. What only real Electron can show is listed in
// docs/architecture.md ("The Electron double").

type Res<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const SENDER_REFUSED = 'Calls are accepted from the Relais window only.';
const REPO = path.resolve(import.meta.dirname, '..', '..');

let shell: BuiltShell;
before(async () => {
  shell = await buildShell();
});
after(async () => {
  await killAllBooted();
  removeShell(shell);
});

function seqOf(calls: readonly RecordedCall[], api: string): number {
  const c = calls.find((x) => x.api === api);
  assert.ok(c, `${api} was called`);
  return c.seq;
}

async function unlockAndSignIn(m: BootedMain, profileId: string, secret: string): Promise<void> {
  await m.op('store.unlock', { passphrase: TEST_PASSPHRASE });
  await m.op('profiles.signIn', { profileId, secret });
}

test('a bundle that throws on load fails the boot with the bundle\'s own error message', async () => {
  // What pdfkit's ESM build did inside main.cjs: import.meta emptied by the CJS bundle.
  const broken = path.join(shell.root, 'main', 'broken.cjs');
  fs.writeFileSync(broken, 'var import_meta = {};\nvar ICC = new URL("./data/sRGB_IEC61966_2_1.icc", import_meta.url).href;\n');
  await assert.rejects(
    bootMain({ ...shell, mainBundle: broken }, { dataDir: (await prepareDataFolder()).dataDir }),
    (e: Error) => /broken\.cjs threw on load: Invalid URL/.test(e.message),
  );
});

test('a second instance hands over: an error box, exit 0, no window, the store untouched', async () => {
  const folder = await prepareDataFolder();
  const m = await bootMain(shell, { dataDir: folder.dataDir, env: { RELAIS_DOUBLE_LOCK_TAKEN: '1' }, ready: false });
  assert.equal(await m.exitCode(), 0);
  const calls = m.lastCalls ?? [];
  const box = callsTo(calls, 'dialog.showErrorBox')[0];
  assert.ok(box, 'an error box');
  assert.equal(box.args[0], 'Relais');
  assert.match(String(box.args[1]), /already open/);
  assert.deepEqual(callsTo(calls, 'app.exit')[0]?.args, [0]);
  assert.equal(callsTo(calls, 'new BrowserWindow').length, 0);
});

describe('start: hardening, protocol, the one IPC handler, tray, periodic work', () => {
  let m: BootedMain;
  let calls: RecordedCall[];
  before(async () => {
    m = await bootMain(shell, { dataDir: (await prepareDataFolder()).dataDir });
    calls = await m.calls();
  });
  after(() => m.kill());

  test('single-instance lock, sandbox and scheme privileges before ready', () => {
    const ready = seqOf(calls, 'fire:app.ready');
    for (const api of ['app.requestSingleInstanceLock', 'app.enableSandbox', 'protocol.registerSchemesAsPrivileged']) assert.ok(seqOf(calls, api) < ready, `${api} before ready`);
    assert.deepEqual(callsTo(calls, 'protocol.registerSchemesAsPrivileged')[0]?.args, [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  test('one window, with exactly the hardened webPreferences, loading app://relais', async () => {
    assert.equal(callsTo(calls, 'new BrowserWindow').length, 1);
    const opts = await m.call<{ webPreferences: Record<string, unknown> }>('windowOptions');
    assert.deepEqual(opts.webPreferences, {
      preload: shell.preloadBundle,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true, // app.isPackaged is false here; an installed app has none
    });
    assert.deepEqual(callsTo(calls, 'BrowserWindow.loadURL')[0]?.args.slice(1), [`${APP_ORIGIN}/index.html`]);
    // Shown once painted (ready-to-show), not before.
    assert.ok(seqOf(calls, 'BrowserWindow.show') > seqOf(calls, 'BrowserWindow.loadURL'));
  });

  test('app:// serves the build folder with the CSP header, nothing outside it', async () => {
    const page = await m.call<{ status: number; headers: Record<string, string>; body: string }>('protocol', { url: `${APP_ORIGIN}/index.html` });
    assert.equal(page.status, 200);
    assert.equal(page.body, STAND_IN_PAGE);
    assert.equal(page.headers['content-security-policy'], CSP);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.match(page.headers['content-type'] ?? '', /^text\/html/);
    const script = await m.call<{ status: number; headers: Record<string, string> }>('protocol', { url: `${APP_ORIGIN}/assets/app.js` });
    assert.equal(script.status, 200);
    assert.equal(script.headers['content-security-policy'], CSP);
    for (const url of ['app://elsewhere/index.html', `${APP_ORIGIN}/%2e%2e/%2e%2e/package.json`, `${APP_ORIGIN}/missing.js`]) {
      assert.equal((await m.call<{ status: number }>('protocol', { url })).status, 404, url);
    }
  });

  test('exactly one IPC handler, on the invoke channel; no other listener', async () => {
    assert.deepEqual(await m.call('ipcChannels'), [INVOKE_CHANNEL]);
    assert.equal(callsTo(calls, 'ipcMain.on').length, 0);
  });

  test('every permission is denied (request, check, device)', async () => {
    assert.deepEqual(await m.call('permissions'), { request: false, check: false, device: false });
  });

  test('the tray (not an E2E run) and the periodic work: reminder ticker, feed poller, backup scheduler', async () => {
    assert.equal(await m.call('trays'), 1);
    assert.deepEqual(callsTo(calls, 'Tray.setToolTip')[0]?.args, ['Relais']);
    const intervals = await m.call<number[]>('intervals');
    assert.ok(intervals.includes(15_000), 'callback reminder ticker (15 s)');
    assert.ok(intervals.includes(60_000), 'feed poller wake-up (1 min)');
    assert.ok(intervals.includes(3_600_000), 'backup scheduler check (hourly)');
  });

  test('every web contents created is hardened (window-open handler set)', () => {
    assert.equal(callsTo(calls, 'webContents.setWindowOpenHandler').length, callsTo(calls, 'new BrowserWindow').length);
  });
});

describe('IPC and preload: senders checked in main, names checked in the preload; exports saved by main', () => {
  let m: BootedMain;
  let folder: PreparedFolder;
  const documents = tempDir('relais-documents-');
  before(async () => {
    folder = await prepareDataFolder();
    // A machine config naming a directory feed (a shared folder that holds no bundle yet).
    const config = path.join(tempDir('relais-config-'), 'config.json');
    fs.writeFileSync(config, JSON.stringify({ feed: { location: path.join(path.dirname(config), 'feed-share') } }));
    m = await bootMain(shell, { dataDir: folder.dataDir, env: { RELAIS_E2E: '1', RELAIS_CONFIG: config, RELAIS_DOUBLE_DOCUMENTS: documents } });
  });
  after(() => m.kill());

  test('no tray in an E2E run', async () => {
    assert.equal(await m.call('trays'), 0);
  });

  test('a call from another frame, URL or window is refused without reaching the router', async () => {
    const senders: Array<Record<string, unknown>> = [{ from: 'subframe' }, { from: 'otherUrl', url: 'https://evil.example/index.html' }, { from: 'otherUrl', url: 'file:///index.html' }, { from: 'strayContents' }, { from: 'noFrame' }];
    for (const sender of senders) {
      const r = await m.call<Res>('invoke', { ...sender, args: ['store.unlock', { passphrase: TEST_PASSPHRASE }] });
      assert.deepEqual(r, { ok: false, error: { code: 'Forbidden', message: SENDER_REFUSED } }, JSON.stringify(sender));
      // Had it reached the router, the right passphrase would have opened the store.
      assert.equal((await m.op<{ state: string }>('store.status')).state, 'locked', JSON.stringify(sender));
    }
  });

  test('an unknown channel is refused; an unknown name on the channel is the router\'s UnknownOperation', async () => {
    await assert.rejects(m.call('invoke', { from: 'window', channel: 'relais:other', args: ['store.status', {}] }), /No handler registered for 'relais:other'/);
    const r = await m.call<Res>('invoke', { from: 'window', args: ['store.nothing', {}] });
    assert.equal(!r.ok && r.error.code, 'UnknownOperation');
  });

  test('the preload exposes exactly invoke and on, once', async () => {
    assert.deepEqual(await m.call('worldShape'), { relais: { invoke: 'function', on: 'function' } });
    assert.equal(callsTo(await m.calls(), 'contextBridge.exposeInMainWorld').length, 1);
  });

  test('invoke refuses names outside the contract before sending anything', async () => {
    const before = callsTo(await m.calls(), 'ipcRenderer.invoke').length;
    for (const name of ['store.nothing', 'constructor', '__proto__', 42, null]) {
      const r = await m.call<Res>('worldInvoke', { name, input: {} });
      assert.equal(!r.ok && r.error.code, 'UnknownOperation', String(name));
    }
    assert.equal(callsTo(await m.calls(), 'ipcRenderer.invoke').length, before, 'nothing sent to main');
    const status = await m.call<Res<{ state: string }>>('worldInvoke', { name: 'store.status', input: {} });
    assert.equal(status.ok && status.value.state, 'locked');
    assert.deepEqual(callsTo(await m.calls(), 'ipcRenderer.invoke').at(-1)?.args, [INVOKE_CHANNEL, 'store.status', {}]);
  });

  test('typed events: only contract names subscribe; a listener gets its event only, until it unsubscribes', async () => {
    const base = await m.call<number>('eventListeners');
    await m.call('worldOn', { event: 'no.such.event' });
    assert.equal(await m.call('eventListeners'), base, 'an unknown event name subscribes nothing');
    const id = await m.call<number>('worldOn', { event: 'store.status' });
    assert.equal(await m.call('eventListeners'), base + 1);
    // The window's own unlock (main frame, app://relais): reaches the router, opens the store.
    const opened = await m.call<Res<{ state: string }>>('worldInvoke', { name: 'store.unlock', input: { passphrase: TEST_PASSPHRASE } });
    assert.equal(opened.ok && opened.value.state, 'open');
    const got = await m.call<Array<{ event: string; payload: { state: string } }>>('worldReceived');
    assert.ok(got.length >= 1 && got.every((e) => e.event === 'store.status'), JSON.stringify(got.map((e) => e.event)));
    assert.equal(got.at(-1)?.payload.state, 'open');
    await m.call('worldOff', { id });
    assert.equal(await m.call('eventListeners'), base);
  });

  test('the feed is checked as soon as the store opens, and the window told', async () => {
    const config = await m.op<{ safeMode: boolean }>('config.get');
    assert.equal(config.safeMode, false, 'the test\'s config.json is valid');
    const sentEvents = async () => callsTo(await m.calls(), 'webContents.send').map((c) => c.args[2]);
    // The check reads the shared folder asynchronously: give it a moment.
    for (let i = 0; i < 100 && !(await sentEvents()).includes('feed.status'); i++) await new Promise((r) => setTimeout(r, 20));
    const sent = await sentEvents();
    assert.ok(sent.includes('feed.status'), `events sent to the window: ${[...new Set(sent)].join(', ')}`);
  });

  test('an export is saved by main through the save dialog on the window (Documents, suggested name); a cancelled dialog writes nothing', async () => {
    await m.op('profiles.signIn', { profileId: folder.supervisorId, secret: HARNESS_SUPERVISOR.passphrase }); // the store was opened above
    const out = await m.op<{ fileName: string; mimeType: string; savedTo: string | null; bytes: number }>('reports.export', { from: '2026-01-01', to: '2026-01-31', format: 'pdf', delimiter: ';', lang: 'fr' });
    assert.equal(out.mimeType, 'application/pdf');
    assert.equal(out.savedTo, path.join(documents, out.fileName));
    assert.equal(out.fileName, 'bilan-2026-01-01_2026-01-31-interne.pdf');
    assert.ok(!('base64' in out), 'no bytes travel back to the window');
    const pdf = fs.readFileSync(out.savedTo);
    assert.equal(pdf.length, out.bytes);
    // pdfkit, required by the built bundle at the first PDF (kept external): the one report layout.
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = pdfStreamsText(pdf);
    assert.ok(pages.length > 3 && pages.every((t) => /USAGE INTERNE/.test(t)), 'the internal mark on every page');
    const dialogs = callsTo(await m.calls(), 'dialog.showSaveDialog');
    assert.equal(dialogs.length, 1);
    const [modalOn, options] = dialogs[0]?.args as [{ window: number } | null, { defaultPath: string; filters: unknown }];
    assert.ok(modalOn, 'modal on the Relais window');
    assert.deepEqual(options, { defaultPath: path.join(documents, out.fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] });

    await m.call('saveDialog', { action: 'cancel' });
    const before = fs.readdirSync(documents);
    const cancelled = await m.op<{ savedTo: string | null; fileName: string }>('reports.export', { from: '2026-01-01', to: '2026-01-31', format: 'csv', delimiter: ';', lang: 'fr' });
    assert.equal(cancelled.savedTo, null);
    assert.deepEqual(fs.readdirSync(documents), before, 'nothing written');

    // A folder that cannot be written: a clear reason, nothing half-written.
    await m.call('saveDialog', { action: 'choose', filePath: path.join(documents, 'no-such-folder', 'bilan.csv') });
    const refused = await m.call<Res>('invoke', { from: 'window', args: ['reports.export', { from: '2026-01-01', to: '2026-01-31', format: 'csv', delimiter: ';', lang: 'fr' }] });
    assert.ok(!refused.ok);
    assert.deepEqual({ code: refused.error.code, reason: (refused.error as { reason?: string }).reason }, { code: 'ReadOnly', reason: 'export.cannotWrite' });
    assert.match(refused.error.message, /bilan\.csv.*ENOENT/);
    await m.call('saveDialog', { action: 'accept' });
  });
});

describe('events and quit, on a store with a call in progress and a due callback', () => {
  let m: BootedMain;
  let folder: PreparedFolder;
  before(async () => {
    folder = await prepareDataFolder({ withDueCallback: true });
    m = await bootMain(shell, { dataDir: folder.dataDir });
  });
  after(() => m.kill());

  test('a due callback raises a notification without the number or the reason; clicking it shows the window', async () => {
    const r = folder.responder;
    assert.ok(r);
    await unlockAndSignIn(m, r.id, TEST_PIN);
    const shown = await m.call<Array<{ title: string; body: string }>>('notifications');
    assert.equal(shown.length, 1, 'one notification for the callback that fell due');
    const text = `${shown[0]?.title} ${shown[0]?.body}`;
    assert.match(text, /Relais/);
    for (const secret of [r.phone, r.phone.replace(/\s/g, ''), '470123456', r.reason, 'CPAS']) assert.ok(!text.includes(secret), `notification shows "${secret}": ${text}`);
    // Words only: no callback or profile id, no data dumped from the event.
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-|[{}"]/, text);
    assert.equal(callsTo(await m.calls(), 'Notification.show').length, 1);
    const before = callsTo(await m.calls(), 'BrowserWindow.focus').length;
    await m.call('clickNotification', { index: 0 });
    assert.equal(callsTo(await m.calls(), 'BrowserWindow.focus').length, before + 1);
  });

  for (const event of ['lock-screen', 'suspend'] as const) {
    test(`${event} locks the session while the call goes on`, async () => {
      const r = folder.responder;
      assert.ok(r);
      assert.equal((await m.op<{ locked: boolean }>('access.status')).locked, false);
      await m.call('powerMonitor', { event });
      const status = await m.op<{ locked: boolean; lockReason: string }>('access.status');
      assert.deepEqual([status.locked, status.lockReason], [true, 'os']);
      await m.op('access.unlock', { secret: TEST_PIN });
      const call = await m.op<{ call: { id: string; endedAt: string | null } | null }>('calls.current');
      assert.equal(call.call?.id, r.callId, 'the same call is still in progress');
      assert.equal(call.call?.endedAt ?? null, null);
    });
  }

  test('second-instance brings the window back', async () => {
    await m.call('minimize');
    const before = await m.calls();
    await m.call('secondInstance');
    const calls = (await m.calls()).slice(before.length);
    assert.deepEqual(calls.filter((c) => c.api.startsWith('BrowserWindow.')).map((c) => c.api), ['BrowserWindow.restore', 'BrowserWindow.focus']);
  });

  test('navigation and new windows are prevented; only an allow-listed https link opens, in the system browser', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://www.allo-aide-sociale.be/', 'app://elsewhere/index.html']) {
      assert.equal(await m.call('navigate', { url }), true, `navigation to ${url} prevented`);
    }
    assert.equal(await m.call('navigate', { url: `${APP_ORIGIN}/index.html` }), false, 'the app\'s own page is not a navigation away');
    assert.equal(await m.call('redirect', { url: 'https://evil.example/' }), true);
    assert.equal(await m.call('attachWebview'), true);
    const opened = () => m.calls().then((c) => callsTo(c, 'shell.openExternal').map((x) => x.args[0]));
    for (const url of ['https://evil.example/', 'http://www.allo-aide-sociale.be/', 'https://www.allo-aide-sociale.be.evil.example/', 'file:///C:/Windows', `${APP_ORIGIN}/index.html`]) {
      assert.deepEqual(await m.call('windowOpen', { url }), { action: 'deny' }, url);
    }
    assert.deepEqual(await opened(), [], 'nothing opened');
    assert.deepEqual(await m.call('windowOpen', { url: 'https://www.allo-aide-sociale.be/contact' }), { action: 'deny' }, 'never a new Electron window');
    assert.deepEqual(await opened(), ['https://www.allo-aide-sociale.be/contact']);
  });

  test('quit: the on-quit backup, checkpoint and close; the folder then verifies cleanly in relais-admin', async () => {
    const backups = path.join(folder.dataDir, 'backups');
    const list = () => (fs.existsSync(backups) ? fs.readdirSync(backups) : []);
    assert.ok(list().some((f) => f.includes('daily')), `the daily backup ran when the store opened: ${list().join(', ')}`);
    await m.call('quit');
    assert.equal(await m.exitCode(), 0);
    assert.ok(list().some((f) => f.includes('quit')), `an on-quit backup: ${list().join(', ')}`);
    const wal = path.join(folder.dataDir, 'relais.db-wal');
    assert.ok(!fs.existsSync(wal) || fs.statSync(wal).size === 0, 'WAL checkpointed (TRUNCATE) at close');
    const verify = spawnSync(process.execPath, [path.join(REPO, 'bin', 'relais-admin.mjs'), 'verify', '--json'], {
      env: { ...process.env, RELAIS_DATA_DIR: folder.dataDir, RELAIS_PASSPHRASE: TEST_PASSPHRASE },
      encoding: 'utf8',
    });
    assert.equal(verify.status, 0, verify.stderr);
    assert.equal(JSON.parse(verify.stdout).integrity, 'ok');
  });
});

describe('keystore: safeStorage in each backend state', () => {
  async function statusWith(state: string, dataDir: string): Promise<{ m: BootedMain; keystore: { available: boolean; backend: string | null; note: string | null }; state: string }> {
    const m = await bootMain(shell, { dataDir, env: { RELAIS_DOUBLE_SAFE_STORAGE: state, RELAIS_E2E: '1' } });
    const s = await m.op<{ state: string; keystore: { available: boolean; backend: string | null; note: string | null } }>('store.status');
    return { m, keystore: s.keystore, state: s.state };
  }
  const keyring = (dataDir: string) => JSON.parse(fs.readFileSync(path.join(dataDir, 'keyring.json'), 'utf8')) as { wraps: { os?: { backend: string } } };

  test('available: the key is wrapped by the OS keystore at unlock, and the next start opens without the passphrase', async () => {
    const { dataDir } = await prepareDataFolder();
    const first = await statusWith('available', dataDir);
    assert.deepEqual(first.keystore, { available: true, backend: 'gnome_libsecret', note: null });
    await first.m.op('store.unlock', { passphrase: TEST_PASSPHRASE });
    assert.equal(keyring(dataDir).wraps.os?.backend, 'gnome_libsecret');
    // Closing the last window quits the app (window-all-closed).
    await first.m.call('closeWindow');
    assert.equal(await first.m.exitCode(), 0);
    assert.ok(callsTo(first.m.lastCalls ?? [], 'app.quit').length >= 1);
    const second = await statusWith('available', dataDir);
    assert.equal(second.state, 'open', 'opened by safeStorage at start');
    assert.ok(callsTo(await second.m.calls(), 'safeStorage.decryptStringAsync').length >= 1);
    await second.m.kill();
  });

  test('basic_text is refused: passphrase at each start, with the note IT reads', async () => {
    const { dataDir } = await prepareDataFolder();
    const { m, keystore } = await statusWith('basic_text', dataDir);
    assert.equal(keystore.available, false);
    assert.equal(keystore.backend, 'basic_text');
    assert.match(keystore.note ?? '', /"basic_text" stores secrets in plain text; Relais refuses it and opens the store with the recovery passphrase instead/);
    await m.op('store.unlock', { passphrase: TEST_PASSPHRASE });
    assert.equal(keyring(dataDir).wraps.os, undefined, 'no wrap under a plaintext keystore');
    assert.equal(callsTo(await m.calls(), 'safeStorage.encryptStringAsync').length, 0);
    await m.kill();
  });

  test('unavailable: the store opens with the recovery passphrase, and says why', async () => {
    const { dataDir } = await prepareDataFolder();
    const { m, keystore } = await statusWith('unavailable', dataDir);
    assert.equal(keystore.available, false);
    assert.match(keystore.note ?? '', /The OS keystore is unavailable \(safeStorage reports no encryption available\); the store opens with the recovery passphrase/);
    await m.op('store.unlock', { passphrase: TEST_PASSPHRASE });
    assert.equal(keyring(dataDir).wraps.os, undefined);
    await m.kill();
  });
});
