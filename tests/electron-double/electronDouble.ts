// A double of the Electron API surface that main/ and preload use, for machines where Electron's
// binary cannot be installed. It records every call, lets a test fire the events Electron would
// fire, and keeps the few rules Electron enforces that main depends on (privileged schemes and
// the sandbox switch before ready, sessions and protocol handlers after). Each part is checked
// against the installed electron.d.ts (`satisfies Pick<…>`): a signature change in Electron breaks
// `npm run typecheck` here instead of hiding behind a stale double.
//
// Loaded in a child process in place of `require('electron')` (see bootChild.ts); one process is one
// Electron app, so the module keeps its state at top level like Electron's own modules.
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type {
  App,
  BrowserWindow as RealBrowserWindow,
  BrowserWindowConstructorOptions,
  ContextBridge,
  DecryptStringAsyncReturnValue,
  BaseWindow as RealBaseWindow,
  Dialog,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  Menu as RealMenu,
  MenuItemConstructorOptions,
  Notification as RealNotification,
  NotificationConstructorOptions,
  Protocol,
  SafeStorage,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Session,
  Shell,
  Tray as RealTray,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';

/** Compiles only when the double D offers what Electron's E does (names and signatures). */
type Implements<E, D extends E> = [E, D];

// ── the recording ───────────────────────────────────────────────────────────────────────────

export interface RecordedCall {
  seq: number;
  api: string;
  args: unknown[];
}

/** Every call main or preload made, in order; `fire()` entries mark the events the test fired. */
export const calls: RecordedCall[] = [];
let seq = 0;

function record(api: string, ...args: unknown[]): void {
  calls.push({ seq: ++seq, api, args });
}

/** What a test may configure before the bundle loads (bootChild reads it from the environment). */
export const settings = {
  /** false: another Relais already holds the lock. */
  singleInstanceLock: true,
  /** The OS keystore as safeStorage reports it on Linux. */
  safeStorage: 'available' as 'available' | 'basic_text' | 'unavailable',
  notificationsSupported: true,
  /** The user's special folders (app.getPath): a temporary folder the test chose. */
  documentsDir: null as string | null,
  /** What the user does in the next save dialogs: keep the suggested path, pick another, or cancel. */
  saveDialog: { action: 'accept' } as { action: 'accept' } | { action: 'cancel' } | { action: 'choose'; filePath: string },
  /** Called instead of process.exit, so the child can report before it ends. */
  onExit: ((code: number) => process.exit(code)) as (code: number) => void,
};

let ready = false;
function requireReady(what: string): void {
  // Electron throws the same way: these APIs exist only once the app is ready.
  if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
}
function requireNotReady(what: string): void {
  if (ready) throw new Error(`${what} must be called before the app is ready`);
}

/** A DOM-like event object: Electron passes one to listeners that may cancel. */
export interface DoubleEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export function newEvent(): DoubleEvent {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

// ── app ─────────────────────────────────────────────────────────────────────────────────────

class AppDouble extends EventEmitter {
  isPackaged = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady: () => void = () => {};
  private exiting = false;

  constructor() {
    super();
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }

  enableSandbox(): void {
    record('app.enableSandbox');
    requireNotReady('app.enableSandbox');
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    record('app.requestSingleInstanceLock', additionalData);
    return settings.singleInstanceLock;
  }

  /** What main chained on whenReady(): its start-up, which a test awaits (and whose failure it reports). */
  readonly startUp: Promise<unknown>[] = [];

  whenReady(): Promise<void> {
    record('app.whenReady');
    const p = this.readyPromise.then(() => undefined);
    const then = p.then.bind(p);
    p.then = ((onFulfilled, onRejected) => {
      const next = then(onFulfilled, onRejected);
      this.startUp.push(next);
      return next;
    }) as typeof p.then;
    return p;
  }

  isReady(): boolean {
    return ready;
  }

  getVersion(): string {
    record('app.getVersion');
    return '0.0.0-double';
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    record('app.getPath', name);
    // Electron throws for a folder it cannot find; so does the double for one the test gave none.
    if ((name === 'documents' || name === 'downloads' || name === 'home') && settings.documentsDir) return settings.documentsDir;
    throw new Error(`Failed to get '${name}' path`);
  }

  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', id);
  }

  /** Like Electron: before-quit, will-quit (both cancellable), quit, then the process ends. */
  quit(): void {
    record('app.quit');
    if (this.exiting) return;
    const beforeQuit = newEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    const willQuit = newEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.exit(0);
  }

  exit(exitCode?: number): void {
    record('app.exit', exitCode);
    if (this.exiting) return;
    this.exiting = true;
    for (const w of [...windows]) w.destroy();
    this.emit('quit', newEvent(), exitCode ?? 0);
    settings.onExit(exitCode ?? 0);
  }

  /** Test side: Electron has finished launching. */
  fireReady(): void {
    record('fire:app.ready');
    ready = true;
    this.emit('ready', newEvent(), {});
    this.resolveReady();
  }
}

export const app = new AppDouble() satisfies Pick<App, 'enableSandbox' | 'requestSingleInstanceLock' | 'whenReady' | 'isReady' | 'getVersion' | 'getPath' | 'setAppUserModelId' | 'quit' | 'exit' | 'isPackaged'>;

// ── web contents, frames and windows ────────────────────────────────────────────────────────

let nextId = 1;

export class FrameDouble {
  url: string;
  readonly name: string;
  constructor(url: string, name = '') {
    this.url = url;
    this.name = name;
  }
}

type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

export class WebContentsDouble extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FrameDouble('about:blank', 'main');
  /** What the preload put in the page's world (contextBridge.exposeInMainWorld). */
  readonly mainWorld: Record<string, unknown> = {};
  windowOpenHandler: WindowOpenHandler | null = null;
  private destroyed = false;
  private readonly rendererListeners = new Map<string, Set<(...args: unknown[]) => void>>();

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  send(channel: string, ...args: unknown[]): void {
    record('webContents.send', this.id, channel, ...args);
    if (this.destroyed) return;
    // Electron serialises with structured clone; the renderer gets a copy.
    const copy = structuredClone(args);
    for (const l of this.rendererListeners.get(channel) ?? []) l({ sender: ipcRenderer }, ...copy);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    record('webContents.setWindowOpenHandler', this.id);
    this.windowOpenHandler = handler;
  }

  /** Test side: the page (or a link in it) asks to navigate; true when main prevented it. */
  fireWillNavigate(url: string): boolean {
    record('fire:webContents.will-navigate', this.id, url);
    const e = newEvent();
    this.emit('will-navigate', Object.assign(e, { url, isMainFrame: true }), url, false, true);
    return e.defaultPrevented;
  }

  fireWillRedirect(url: string): boolean {
    record('fire:webContents.will-redirect', this.id, url);
    const e = newEvent();
    this.emit('will-redirect', Object.assign(e, { url, isMainFrame: true }), url, false, true);
    return e.defaultPrevented;
  }

  fireWillAttachWebview(): boolean {
    record('fire:webContents.will-attach-webview', this.id);
    const e = newEvent();
    this.emit('will-attach-webview', e, {}, {});
    return e.defaultPrevented;
  }

  /** Test side: window.open or a target=_blank link; Electron allows it when no handler is set. */
  fireWindowOpen(url: string): WindowOpenHandlerResponse {
    record('fire:webContents.window-open', this.id, url);
    const details: HandlerDetails = { url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' } };
    return this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' };
  }

  // The renderer side of this contents (what the double's ipcRenderer uses while it is bound).
  addRendererListener(channel: string, l: (...args: unknown[]) => void): void {
    if (!this.rendererListeners.has(channel)) this.rendererListeners.set(channel, new Set());
    this.rendererListeners.get(channel)?.add(l);
  }
  removeRendererListener(channel: string, l: (...args: unknown[]) => void): void {
    this.rendererListeners.get(channel)?.delete(l);
  }
  rendererListenerCount(channel: string): number {
    return this.rendererListeners.get(channel)?.size ?? 0;
  }
}

// The methods main calls on a WebContents, checked against Electron's.
export type WebContentsSurface = Pick<WebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'isDestroyed' | 'getURL'>;
export type _WebContentsChecked = Implements<WebContentsSurface, WebContentsDouble>;

const windows: BrowserWindowDouble[] = [];

export class BrowserWindowDouble extends EventEmitter {
  readonly webContents = new WebContentsDouble();
  readonly options: BrowserWindowConstructorOptions;
  private minimized = false;
  private visible = false;
  private destroyed = false;

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    record('new BrowserWindow', options);
    this.options = options;
    windows.push(this);
    // Electron announces every new web contents, before any page loads.
    app.emit('web-contents-created', newEvent(), this.webContents);
  }

  static getAllWindows(): BrowserWindowDouble[] {
    return windows.filter((w) => !w.destroyed);
  }

  async loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', this.webContents.id, url);
    this.webContents.mainFrame.url = url;
    // The preload runs in the new page before its scripts, with contextBridge and ipcRenderer.
    const preload = this.options.webPreferences?.preload;
    if (preload) runPreload(preload, this.webContents);
    setImmediate(() => this.emit('ready-to-show', newEvent()));
  }

  show(): void {
    record('BrowserWindow.show', this.webContents.id);
    this.visible = true;
  }
  focus(): void {
    record('BrowserWindow.focus', this.webContents.id);
  }
  restore(): void {
    record('BrowserWindow.restore', this.webContents.id);
    this.minimized = false;
  }
  minimize(): void {
    record('BrowserWindow.minimize', this.webContents.id);
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
  close(): void {
    record('BrowserWindow.close', this.webContents.id);
    this.destroy();
    if (!BrowserWindowDouble.getAllWindows().length) app.emit('window-all-closed', newEvent());
  }
}

export type BrowserWindowSurface = Pick<RealBrowserWindow, 'loadURL' | 'show' | 'focus' | 'restore' | 'minimize' | 'isMinimized' | 'isVisible' | 'isDestroyed' | 'destroy' | 'close'>;
export type _BrowserWindowChecked = Implements<BrowserWindowSurface, BrowserWindowDouble>;
// The constructor takes what Electron's does, and getAllWindows is there.
export type _BrowserWindowClassChecked = Implements<new (options?: BrowserWindowConstructorOptions) => BrowserWindowSurface, typeof BrowserWindowDouble>;
export { BrowserWindowDouble as BrowserWindow };

/** Web contents that belong to no BrowserWindow (a devtools or worker host, say): for sender tests. */
export function strayWebContents(url: string): WebContentsDouble {
  const wc = new WebContentsDouble();
  wc.mainFrame.url = url;
  app.emit('web-contents-created', newEvent(), wc);
  return wc;
}

export const webContents = {
  getAllWebContents: (): WebContentsDouble[] => windows.map((w) => w.webContents),
  fromId: (id: number): WebContentsDouble | undefined => windows.find((w) => w.webContents.id === id)?.webContents,
};

// ── IPC ─────────────────────────────────────────────────────────────────────────────────────

type InvokeHandler = Parameters<IpcMain['handle']>[1];

class IpcMainDouble extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  // Recorded: main answers on one invoke channel only; any `on` listener is a second door.
  override on(...args: Parameters<EventEmitter['on']>): this {
    record('ipcMain.on', String(args[0]));
    return super.on(...args);
  }

  handle(channel: string, listener: InvokeHandler): void {
    record('ipcMain.handle', channel);
    // Electron refuses a second handler on one channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', channel);
    this.handlers.delete(channel);
  }

  /** What Electron does when a renderer invokes: the handler, or the rejection a renderer sees. */
  async invokeFrom(sender: WebContentsDouble, frame: FrameDouble | null, channel: string, ...args: unknown[]): Promise<unknown> {
    record('fire:ipcMain.invoke', sender.id, frame?.url ?? null, channel, ...args);
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = { ...newEvent(), type: 'frame', sender, senderFrame: frame, frameId: 1, processId: 1 } as unknown as IpcMainInvokeEvent;
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}

export const ipcMain = new IpcMainDouble() satisfies Pick<IpcMain, 'handle' | 'removeHandler'>;

/** The renderer process's ipcRenderer; bound to the web contents whose preload is running. */
let boundContents: WebContentsDouble | null = null;

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    record('ipcRenderer.invoke', channel, ...args);
    const wc = boundContents;
    if (!wc) return Promise.reject(new Error('ipcRenderer used outside a renderer'));
    return ipcMain.invokeFrom(wc, wc.mainFrame, channel, ...args);
  },
  on(channel: string, listener: (...args: unknown[]) => void) {
    record('ipcRenderer.on', channel);
    boundContents?.addRendererListener(channel, listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: (...args: unknown[]) => void) {
    record('ipcRenderer.removeListener', channel);
    boundContents?.removeRendererListener(channel, listener);
    return ipcRenderer;
  },
  send(channel: string, ...args: unknown[]): void {
    record('ipcRenderer.send', channel, ...args);
  },
} satisfies Pick<IpcRenderer, 'invoke' | 'send'> & { on: unknown; removeListener: unknown };

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    record('contextBridge.exposeInMainWorld', apiKey, describeApi(api));
    if (!boundContents) throw new Error('contextBridge used outside a preload');
    boundContents.mainWorld[apiKey] = api;
  },
} satisfies Pick<ContextBridge, 'exposeInMainWorld'>;

function describeApi(api: unknown): unknown {
  if (!api || typeof api !== 'object') return typeof api;
  return Object.fromEntries(Object.entries(api).map(([k, v]) => [k, typeof v]));
}

const requireHere = createRequire(import.meta.url);

/** Runs a preload bundle for a web contents, as Electron's sandboxed renderer would. */
export function runPreload(file: string, wc: WebContentsDouble): void {
  record('fire:preload', wc.id, file);
  const resolved = requireHere.resolve(file);
  delete requireHere.cache[resolved];
  const previous = boundContents;
  boundContents = wc;
  try {
    requireHere(resolved);
  } finally {
    // Listeners and invokes made later go through the same contents (one renderer per window).
    boundContents = previous ?? wc;
  }
}

// ── protocol and session ────────────────────────────────────────────────────────────────────

type ProtocolHandler = Parameters<Protocol['handle']>[1];

/** The handlers main registered, by scheme (a test calls them with a Request). */
export const protocolHandlers = new Map<string, ProtocolHandler>();

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: Parameters<Protocol['registerSchemesAsPrivileged']>[0]): void {
    record('protocol.registerSchemesAsPrivileged', customSchemes);
    requireNotReady('protocol.registerSchemesAsPrivileged');
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    record('protocol.handle', scheme);
    requireReady('protocol.handle');
    protocolHandlers.set(scheme, handler);
  },
} satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type DevicePermissionHandler = Parameters<Session['setDevicePermissionHandler']>[0];

class SessionDouble {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  devicePermissionHandler: DevicePermissionHandler = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    record('session.setPermissionRequestHandler', typeof handler);
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    record('session.setPermissionCheckHandler', typeof handler);
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    record('session.setDevicePermissionHandler', typeof handler);
    this.devicePermissionHandler = handler;
  }
}
export type _SessionChecked = Implements<Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>, SessionDouble>;

const defaultSession = new SessionDouble();
export const session = {
  get defaultSession(): SessionDouble {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

// ── OS integration ──────────────────────────────────────────────────────────────────────────

class PowerMonitorDouble extends EventEmitter {
  /** Test side: the OS locked the screen, went to sleep, … */
  fire(event: 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume'): void {
    record(`fire:powerMonitor.${event}`);
    this.emit(event, newEvent());
  }
}
// Listeners come from EventEmitter (on/off/once), as Electron's PowerMonitor is one.
export const powerMonitor = new PowerMonitorDouble();

function saveDialogAnswer(options: SaveDialogOptions): SaveDialogReturnValue {
  const answer = settings.saveDialog;
  if (answer.action === 'cancel') return { canceled: true, filePath: '' };
  return { canceled: false, filePath: answer.action === 'choose' ? answer.filePath : (options.defaultPath ?? '') };
}

function showSaveDialog(window: RealBaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
function showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
async function showSaveDialog(a: RealBaseWindow | SaveDialogOptions, b?: SaveDialogOptions): Promise<SaveDialogReturnValue> {
  const options = b ?? (a as SaveDialogOptions);
  // Modal on a window (its webContents named in the recording) or free-standing.
  record('dialog.showSaveDialog', b ? { window: (a as unknown as BrowserWindowDouble).webContents.id } : null, options);
  return saveDialogAnswer(options);
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', title, content);
  },
  showSaveDialog,
} satisfies Pick<Dialog, 'showErrorBox' | 'showSaveDialog'>;

export const shell = {
  async openExternal(url: string, options?: Parameters<Shell['openExternal']>[1]): Promise<void> {
    record('shell.openExternal', url, options);
  },
} satisfies Pick<Shell, 'openExternal'>;

export const notifications: NotificationDouble[] = [];

export class NotificationDouble extends EventEmitter {
  readonly options: NotificationConstructorOptions;
  constructor(options: NotificationConstructorOptions = {}) {
    super();
    record('new Notification', options);
    this.options = options;
    notifications.push(this);
  }
  static isSupported(): boolean {
    return settings.notificationsSupported;
  }
  show(): void {
    record('Notification.show', this.options.title);
  }
  close(): void {
    record('Notification.close', this.options.title);
  }
  /** Test side: the user clicked the notification. */
  fireClick(): void {
    record('fire:Notification.click', this.options.title);
    this.emit('click', newEvent());
  }
}
export type _NotificationChecked = Implements<Pick<RealNotification, 'show' | 'close'>, NotificationDouble>;
export type _NotificationClassChecked = Implements<Pick<typeof RealNotification, 'isSupported'> & (new (options?: NotificationConstructorOptions) => unknown), typeof NotificationDouble>;
export { NotificationDouble as Notification };

export const trays: TrayDouble[] = [];

export class TrayDouble extends EventEmitter {
  menu: MenuDouble | null = null;
  constructor(image: NativeImageDouble | string) {
    super();
    record('new Tray', typeof image === 'string' ? image : 'nativeImage');
    trays.push(this);
  }
  setToolTip(toolTip: string): void {
    record('Tray.setToolTip', toolTip);
  }
  setContextMenu(menu: MenuDouble | null): void {
    record('Tray.setContextMenu', menu?.template.map((i) => i.label ?? i.role ?? i.type ?? null) ?? null);
    this.menu = menu;
  }
  destroy(): void {
    record('Tray.destroy');
  }
}
export type _TrayChecked = Implements<Pick<RealTray, 'setToolTip' | 'destroy'>, TrayDouble>;
export { TrayDouble as Tray };

type MenuTemplate = Parameters<typeof RealMenu.buildFromTemplate>[0];
export class MenuDouble {
  readonly template: MenuItemConstructorOptions[];
  constructor(template: MenuItemConstructorOptions[]) {
    this.template = template;
  }
  static buildFromTemplate(template: MenuTemplate): MenuDouble {
    record('Menu.buildFromTemplate', template.length);
    return new MenuDouble(template as MenuItemConstructorOptions[]);
  }
}
export { MenuDouble as Menu };

export class NativeImageDouble {
  readonly dataURL: string;
  constructor(dataURL: string) {
    this.dataURL = dataURL;
  }
  isEmpty(): boolean {
    return !this.dataURL.startsWith('data:image/');
  }
  static createFromDataURL(dataURL: string): NativeImageDouble {
    record('nativeImage.createFromDataURL', dataURL.slice(0, 22));
    return new NativeImageDouble(dataURL);
  }
}
export const nativeImage = { createFromDataURL: NativeImageDouble.createFromDataURL };

// safeStorage: the "OS key" is fixed, as the OS keeps it across restarts of the app; an encrypted
// string is AES-GCM under it, so a wrap made by one boot opens in the next.
const OS_KEY = crypto.createHash('sha256').update('relais electron double: OS keystore').digest();

export const safeStorage = {
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    record('safeStorage.isAsyncEncryptionAvailable');
    requireReady('safeStorage');
    return settings.safeStorage !== 'unavailable';
  },
  getSelectedStorageBackend(): ReturnType<SafeStorage['getSelectedStorageBackend']> {
    record('safeStorage.getSelectedStorageBackend');
    return settings.safeStorage === 'available' ? 'gnome_libsecret' : settings.safeStorage === 'basic_text' ? 'basic_text' : 'unknown';
  },
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    record('safeStorage.encryptStringAsync');
    if (settings.safeStorage === 'unavailable') throw new Error('Encryption is not available.');
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', OS_KEY, iv);
    const body = Buffer.concat([c.update(plainText, 'utf8'), c.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, c.getAuthTag(), body]);
  },
  async decryptStringAsync(encrypted: Buffer): Promise<DecryptStringAsyncReturnValue> {
    record('safeStorage.decryptStringAsync');
    if (settings.safeStorage === 'unavailable') throw new Error('Decryption is not available.');
    const iv = encrypted.subarray(3, 15);
    const d = crypto.createDecipheriv('aes-256-gcm', OS_KEY, iv);
    d.setAuthTag(encrypted.subarray(15, 31));
    return { shouldReEncrypt: false, result: Buffer.concat([d.update(encrypted.subarray(31)), d.final()]).toString('utf8') };
  },
} satisfies Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'>;
