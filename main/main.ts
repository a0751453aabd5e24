import path from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { createAppCore, type AppCore } from '../src/app/appCore.ts';
import { configBackupPolicy, loadMachineConfig, resolveDataDir } from '../src/config/machineConfig.ts';
import { FeedPoller } from '../src/feed/feedPoller.ts';
import { createLogger } from '../src/log/logger.ts';
import { rotatingFileSink } from '../src/log/rotatingFileSink.ts';
import { BackupScheduler } from '../src/store/backupSchedule.ts';
import { inspectDataFolder } from '../src/store/dataFolderAccess.ts';
import type { AppError } from '../src/errors.ts';
import { registerIpc } from './ipc.ts';
import { startCallbackReminders } from './notifications.ts';
import { registerSchemePrivileges, rendererDir, serveRenderer } from './protocol.ts';
import { safeStorageKeystore } from './safeStorageKeystore.ts';
import { electronFileSaver } from './saveDialog.ts';
import { createTray } from './tray.ts';
import { createMainWindow, denyAllPermissions, hardenWebContents, preloadPath } from './window.ts';

// Thin by design: every decision lives in src/ (createAppCore); this file only wires Electron.
app.enableSandbox();
registerSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same store twice; hand over to the first and leave.
  dialog.showErrorBox('Relais', 'Relais is already open on this PC. / Relais est déjà ouvert sur ce poste.');
  app.exit(0);
}

// Machine-wide config.json (IT): read once; an invalid file means safe mode, shown by the UI (config.get).
// One that cannot be read leaves the data folder unknown: the store is blocked (the config-error
// screen), never opened or created in the per-user folder. So is a data folder of another account.
const config = loadMachineConfig();
let dataDir = '';
let blockedBy: AppError | undefined;
try {
  dataDir = resolveDataDir(config);
} catch (e) {
  blockedBy = e as AppError;
}
const log = blockedBy || inspectDataFolder(dataDir).problem ? createLogger((line) => process.stderr.write(`${line}\n`)) : createLogger(rotatingFileSink(path.join(dataDir, 'logs')));
// Only `npm start` (which passes --demo) seeds the demonstration directory into a new store: an
// installed Relais starts with an empty directory and says how to get the line's one.
const seedDemo = process.argv.includes('--demo');
let core: AppCore | null = null;
let backups: BackupScheduler | null = null;
let feed: FeedPoller | null = null;
let mainWindow: BrowserWindow | null = null;
let stopReminders: (() => void) | null = null;

app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

app.whenReady().then(async () => {
  denyAllPermissions();
  serveRenderer(rendererDir());
  if (config.safeMode) log.warn('config.invalid', { path: config.path, keys: config.problem?.issues.map((i) => i.path).join(', ') ?? null });
  // Exports are written by main where the user says, through the save dialog on the window.
  core = createAppCore({ dataDir, shell: 'electron', log, osKeystore: safeStorageKeystore, seedDemo, config, saveFile: electronFileSaver(() => mainWindow), ...(blockedBy ? { blockedBy } : {}) });
  // Shared PCs: the OS screen lock and suspend lock the session at once (the call goes on in main).
  const lockNow = () => core?.lockSession('os');
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);
  registerIpc(core, () => BrowserWindow.getAllWindows());
  // Daily rotating backups: checked hourly, and as soon as the store is unlocked.
  backups = new BackupScheduler({
    store: core.services.store,
    clock: core.services.clock,
    log,
    policy: configBackupPolicy(config),
    // A backup that failed (a NAS share not connected) is said on screen, not only in the log.
    notify: (problem) => core?.services.emit('app.notice', { level: 'error', ...problem }),
  });
  core.onEvent((name, payload) => {
    if (name === 'store.status' && (payload as { state: string }).state === 'open') {
      void feed?.tick();
      try {
        backups?.runDailyIfDue();
      } catch {
        // Logged by the scheduler; retried at the next hourly check.
      }
    }
  });
  // Callback reminders: the 15 s ticker and OS notifications, subscribed before the store opens so
  // reminders missed while the app was closed are notified at once. Windows shows notifications
  // only for an app with a user model id (the installer's appId).
  if (process.platform === 'win32') app.setAppUserModelId('be.allo-aide-sociale.relais');
  stopReminders = startCallbackReminders(core, () => mainWindow, config.values.defaultLanguage);
  await core.start();
  backups.start();
  // The published directory (config feed.location): checked at start and hourly, never while locked.
  feed = new FeedPoller({ services: core.services });
  feed.start();
  mainWindow = createMainWindow(preloadPath());
  mainWindow.on('closed', () => (mainWindow = null));
  if (!process.env.RELAIS_E2E) createTray(() => mainWindow, () => app.quit());
  log.info('app.started', { version: app.getVersion() });
});

app.on('window-all-closed', () => app.quit());

app.on('will-quit', () => {
  // Checkpoint (TRUNCATE), optimize and close: the next start opens a tidy single file.
  try {
    feed?.stop();
    backups?.stop();
    backups?.onQuit();
  } catch (e) {
    log.error('backup.quit_failed', { error: (e as Error).message });
  }
  stopReminders?.();
  try {
    core?.shutdown();
  } catch (e) {
    log.error('store.close_failed', { error: (e as Error).message });
  }
});
