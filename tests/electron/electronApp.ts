import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { createAppCore } from '../../src/app/appCore.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT, tempDir } from '../unit/helpers/tempStore.ts';
import { ensureHarnessResponders, ensureHarnessSupervisor, type HarnessResponder } from '../harness/supervisor.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN_BUNDLE = path.join(root, 'build', 'main', 'main.cjs');

// Electron's binary is fetched lazily from a host our build machines cannot reach, so its
// presence is read from the package's dist/ folder — never by requiring `electron`.
export function electronBinary(): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  const dist = path.join(pkg, 'dist');
  if (!fs.existsSync(dist)) return null;
  const rel = fs.existsSync(path.join(pkg, 'path.txt')) ? fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim() : 'electron';
  const exe = path.join(dist, rel);
  return fs.existsSync(exe) ? exe : null;
}

export const ELECTRON_SKIP_REASON = 'Electron end-to-end skipped: node_modules/electron/dist is absent (the Electron binary cannot be downloaded on this machine); the same journeys ran in the Chromium harness.';

export interface ElectronRelaisApp {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  /** Where main's save dialog saves exports in this run (answered in main's process). */
  savedDir: string;
  close(): Promise<void>;
}

export async function openElectronApp(opts: { store?: 'open' | 'locked' | 'new'; dataDir?: string; responders?: readonly HarnessResponder[] }): Promise<ElectronRelaisApp> {
  const exe = electronBinary();
  if (!exe) throw new Error(ELECTRON_SKIP_REASON);
  const dataDir = opts.dataDir ?? tempDir('relais-electron-');
  if ((opts.store ?? 'open') !== 'new' && !fs.existsSync(path.join(dataDir, 'keyring.json'))) {
    // Same starting point as the harness: a store made by the real core, demo directory included.
    const setup = createAppCore({ dataDir, shell: 'harness', scrypt: TEST_SCRYPT, seedDemo: true });
    const r = await setup.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE });
    if (r.ok) ensureHarnessSupervisor(setup);
    if (r.ok && opts.responders) ensureHarnessResponders(setup, opts.responders);
    setup.shutdown();
    if (!r.ok) throw new Error(`store.init failed: ${r.error.message}`);
  }
  const app = await electron.launch({
    executablePath: exe,
    args: [MAIN_BUNDLE, '--no-sandbox'],
    env: { ...process.env, RELAIS_DATA_DIR: dataDir, RELAIS_E2E: '1', ELECTRON_ENABLE_LOGGING: '0' },
  });
  // Main's save dialog, answered in main itself: "save" under the suggested name in this run's folder.
  const savedDir = tempDir('relais-saved-');
  await app.evaluate(({ dialog }, folder) => {
    const answer = async (...args: unknown[]) => {
      const options = args.at(-1) as { defaultPath?: string };
      const name = (options.defaultPath ?? 'export').split(/[\\/]/).pop() as string;
      return { canceled: false, filePath: `${folder}/${name}` };
    };
    dialog.showSaveDialog = answer as typeof dialog.showSaveDialog;
  }, savedDir);
  const page = await app.firstWindow();
  return {
    app,
    page,
    dataDir,
    savedDir,
    async close() {
      await app.close();
    },
  };
}
