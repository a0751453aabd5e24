// The child process in which a built main bundle runs against the Electron double: `electron`
// resolves to electronDouble.ts, the real src/ core runs on the data folder the parent chose, and
// the parent drives it with messages (bootedMain.ts): load, ready, IPC calls from chosen senders,
// OS events, quit. Replies carry what the double recorded.
import { createRequire, registerHooks } from 'node:module';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../main/ipcChannels.ts';
import * as electron from './electronDouble.ts';

const DOUBLE_URL = new URL('./electronDouble.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, nextResolve) => (specifier === 'electron' ? { url: DOUBLE_URL, format: 'module', shortCircuit: true } : nextResolve(specifier, context)),
});

const env = process.env;
if (env.RELAIS_DOUBLE_SAFE_STORAGE) electron.settings.safeStorage = env.RELAIS_DOUBLE_SAFE_STORAGE as typeof electron.settings.safeStorage;
if (env.RELAIS_DOUBLE_LOCK_TAKEN === '1') electron.settings.singleInstanceLock = false;
if (env.RELAIS_DOUBLE_DOCUMENTS) electron.settings.documentsDir = env.RELAIS_DOUBLE_DOCUMENTS;

function send(message: unknown): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

let exitCode: number | null = null;
let inFlight = 0;
electron.settings.onExit = (code) => {
  exitCode = code;
  // Tell the parent first (with the recording: it asserts on what happened before the end), and
  // end once the command being answered has its reply.
  void send({ type: 'exit', code, calls: plain(electron.calls) }).then(() => {
    if (inFlight === 0) process.exit(code);
  });
};

// Failures inside main's async start (whenReady().then(async …)) surface as unhandled rejections.
const asyncErrors: string[] = [];
process.on('unhandledRejection', (e) => asyncErrors.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
process.on('uncaughtException', (e) => asyncErrors.push(`${e.name}: ${e.message}`));

// The periodic work main starts (reminder ticker, feed wake-up, backup check) is observed here.
const intervals: number[] = [];
const realSetInterval = globalThis.setInterval;
globalThis.setInterval = ((fn: () => void, ms?: number, ...args: unknown[]) => {
  intervals.push(ms ?? 0);
  return realSetInterval(fn, ms, ...args);
}) as typeof setInterval;

const requireHere = createRequire(import.meta.url);

function mainWindow(): electron.BrowserWindowDouble {
  const w = electron.BrowserWindow.getAllWindows()[0];
  if (!w) throw new Error('main opened no window');
  return w;
}

async function until(what: string, done: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (asyncErrors.length) throw new Error(`main failed while ${what}: ${asyncErrors.join(' | ')}`);
    if (Date.now() > end) throw new Error(`timed out while ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Structured-clone-safe copy of recorded arguments (functions and doubles named, not sent). */
function plain(v: unknown, depth = 0): unknown {
  if (typeof v === 'function') return '[function]';
  if (v instanceof electron.WebContentsDouble) return { webContents: v.id };
  if (v === null || typeof v !== 'object' || depth > 6) return v;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, depth + 1)]));
}

interface RelaisWorldApi {
  invoke(name: unknown, input?: unknown): Promise<unknown>;
  on(name: unknown, listener: unknown): () => void;
}
function world(): RelaisWorldApi {
  const api = mainWindow().webContents.mainWorld.relais as RelaisWorldApi | undefined;
  if (!api) throw new Error('the preload exposed no window.relais');
  return api;
}
const received: Array<{ event: string; payload: unknown }> = [];
const subscriptions = new Map<number, () => void>();
let nextSubscription = 1;

type Args = Record<string, unknown>;
const commands: Record<string, (a: Args) => unknown> = {
  load: (a) => {
    requireHere(String(a.bundle));
    return null;
  },
  ready: async () => {
    electron.app.fireReady();
    // main's start-up is what it chained on whenReady(): done when that settles; its own error if it throws.
    let settled = false;
    const startUp = Promise.all(electron.app.startUp).finally(() => (settled = true));
    await until('starting', () => settled || exitCode !== null);
    await startUp;
    return null;
  },
  calls: () => plain(electron.calls),
  asyncErrors: () => asyncErrors,
  intervals: () => intervals,
  windowOptions: () => plain(mainWindow().options),
  /** A call on an IPC channel as Electron delivers it, from a chosen sender. */
  invoke: async (a) => {
    const w = mainWindow();
    const channel = String(a.channel ?? INVOKE_CHANNEL);
    const args = (a.args as unknown[]) ?? [];
    switch (a.from) {
      case 'window':
        return electron.ipcMain.invokeFrom(w.webContents, w.webContents.mainFrame, channel, ...args);
      case 'subframe':
        return electron.ipcMain.invokeFrom(w.webContents, new electron.FrameDouble('app://relais/index.html', 'child'), channel, ...args);
      case 'otherUrl': {
        const frame = w.webContents.mainFrame;
        const was = frame.url;
        frame.url = String(a.url ?? 'https://evil.example/index.html');
        try {
          return await electron.ipcMain.invokeFrom(w.webContents, frame, channel, ...args);
        } finally {
          frame.url = was;
        }
      }
      case 'strayContents': {
        const wc = electron.strayWebContents('app://relais/index.html');
        return electron.ipcMain.invokeFrom(wc, wc.mainFrame, channel, ...args);
      }
      case 'noFrame':
        return electron.ipcMain.invokeFrom(w.webContents, null, channel, ...args);
      default:
        throw new Error(`unknown sender ${String(a.from)}`);
    }
  },
  ipcChannels: () => [...electron.ipcMain.handlers.keys()],
  // The page's side: window.relais as the preload exposed it.
  worldShape: () => {
    const w = mainWindow().webContents.mainWorld;
    return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([m, f]) => [m, typeof f])) : typeof v]));
  },
  worldInvoke: (a) => world().invoke(a.name, a.input),
  worldOn: (a) => {
    const event = String(a.event);
    const id = nextSubscription++;
    subscriptions.set(
      id,
      world().on(a.event, (payload: unknown) => received.push({ event, payload: plain(payload) })),
    );
    return id;
  },
  worldOff: (a) => {
    subscriptions.get(Number(a.id))?.();
    subscriptions.delete(Number(a.id));
    return null;
  },
  worldReceived: () => received.splice(0),
  eventListeners: () => mainWindow().webContents.rendererListenerCount(EVENT_CHANNEL),
  powerMonitor: (a) => {
    electron.powerMonitor.fire(a.event as 'lock-screen');
    return null;
  },
  secondInstance: () => {
    electron.app.emit('second-instance', electron.newEvent(), ['relais'], process.cwd(), {});
    return null;
  },
  closeWindow: () => {
    mainWindow().close();
    return null;
  },
  minimize: () => {
    mainWindow().minimize();
    return null;
  },
  navigate: (a) => mainWindow().webContents.fireWillNavigate(String(a.url)),
  redirect: (a) => mainWindow().webContents.fireWillRedirect(String(a.url)),
  attachWebview: () => mainWindow().webContents.fireWillAttachWebview(),
  windowOpen: (a) => plain(mainWindow().webContents.fireWindowOpen(String(a.url))),
  /** Asks the default session's three permission handlers, as Chromium would. */
  permissions: async () => {
    const s = electron.session.defaultSession;
    const wc = mainWindow().webContents as unknown as Electron.WebContents;
    const request = s.permissionRequestHandler
      ? await new Promise<boolean>((resolve) => s.permissionRequestHandler?.(wc, 'media', resolve, { requestingUrl: 'app://relais/index.html', isMainFrame: true } as Electron.PermissionRequest))
      : 'no handler';
    const check = s.permissionCheckHandler ? s.permissionCheckHandler(wc, 'notifications', 'app://relais', { isMainFrame: true, requestingUrl: 'app://relais/' } as Electron.PermissionCheckHandlerHandlerDetails) : 'no handler';
    const device = s.devicePermissionHandler ? s.devicePermissionHandler({ deviceType: 'usb', origin: 'app://relais' } as Electron.DevicePermissionHandlerHandlerDetails) : 'no handler';
    return { request, check, device };
  },
  protocol: async (a) => {
    const handler = electron.protocolHandlers.get(String(a.scheme ?? 'app'));
    if (!handler) return { status: 'no handler' };
    const res = await handler(new Request(String(a.url)));
    return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
  },
  notifications: () => electron.notifications.map((n) => plain(n.options)),
  clickNotification: (a) => {
    electron.notifications[Number(a.index ?? 0)]?.fireClick();
    return null;
  },
  trays: () => electron.trays.length,
  /** What the user will do in the next save dialogs (accept the suggested path, choose one, cancel). */
  saveDialog: (a) => {
    electron.settings.saveDialog = a.action === 'cancel' ? { action: 'cancel' } : a.action === 'choose' ? { action: 'choose', filePath: String(a.filePath) } : { action: 'accept' };
    return null;
  },
  quit: () => {
    electron.app.quit();
    return null;
  },
};

process.on('message', (m: { id: number; cmd: string; args?: Args }) => {
  inFlight++;
  void (async () => {
    try {
      const run = commands[m.cmd];
      if (!run) throw new Error(`unknown command ${m.cmd}`);
      const value = await run(m.args ?? {});
      await send({ type: 'reply', id: m.id, ok: true, value });
    } catch (e) {
      const err = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack ?? '' } : { name: 'Error', message: String(e), stack: '' };
      await send({ type: 'reply', id: m.id, ok: false, error: err });
    } finally {
      inFlight--;
      if (exitCode !== null && inFlight === 0) process.exit(exitCode);
    }
  })();
});
void send({ type: 'started' });
