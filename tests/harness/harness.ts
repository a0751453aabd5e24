import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createAppCore, type AppCore } from '../../src/app/appCore.ts';
import type { EventName } from '../../src/contract/index.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { ConfigState } from '../../src/config/configSchema.ts';
import type { AppError } from '../../src/errors.ts';
import type { ScryptParams } from '../../src/store/keyring.ts';
import { CSP } from '../../main/csp.ts';
import { folderFileSaver } from '../../src/services/exportFile.ts';
import { resolveRendererFile } from '../../main/rendererFiles.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT, tempDir } from '../unit/helpers/tempStore.ts';
import { ensureHarnessResponders, ensureHarnessSupervisor, type HarnessResponder } from './supervisor.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RENDERER_DIR = path.resolve(here, '..', '..', 'build', 'renderer');
export const HARNESS_ORIGIN = 'http://relais.test';

export interface HarnessOptions {
  /** `open`: a store already created and unlocked; `locked`: created, app starts locked; `new`: first run. */
  store?: 'open' | 'locked' | 'new';
  dataDir?: string;
  clock?: Clock;
  lang?: 'fr' | 'nl' | 'en';
  /** Runs on the open core before the page loads (seed data through the real router). */
  seed?: (core: AppCore) => Promise<void>;
  /** Key-derivation cost for a store the harness creates; tests use a cheap one. */
  scrypt?: ScryptParams;
  /**
   * The harness's twin of main's ticker: calls core.tick() (callback reminders, purge) this
   * often. Default: every second with the real clock; never with a given clock — tests that
   * move a ManualClock call `core.tick()` themselves, so what happens when is theirs to say.
   */
  tickEveryMs?: number | null;
  /**
   * Give the store its first supervisor (after `seed`, when the seed made none), so the app opens
   * past the first-run screen. Default true; first-run journeys set false.
   */
  supervisor?: boolean;
  /** Responder profiles (with their PIN) a supervisor would have made, for journeys that start a shift. */
  responders?: readonly HarnessResponder[];
  /** The idle lock at tick (issue 8). Default off: journeys that jump a ManualClock by days would lock; access journeys turn it on. */
  idleLock?: boolean;
  /**
   * Seed the bundled demonstration directory into a store the harness creates. Default true (the
   * journeys and screenshots search it); an installed app never does (issue 19).
   */
  demoDirectory?: boolean;
  /** The browser's own locale (navigator.language, Intl defaults, built-in controls). Default fr-BE; the Dutch shift journey runs en-US, as a PC bought abroad would. */
  locale?: string;
  /** The machine config as main would have read it (config.get), and what blocks the store. */
  config?: ConfigState;
  blockedBy?: AppError;
}

export interface HarnessApp {
  page: Page;
  context: BrowserContext;
  core: AppCore;
  dataDir: string;
  /** Where this app's exports are saved (main's save dialog, answered "save" in a folder of this test). */
  savedDir: string;
  events: Array<{ name: EventName; payload: unknown }>;
  passphrase: string;
  close(): Promise<void>;
}

// Installed before any page script: the same `window.relais` surface the preload gives in
// Electron, forwarding to a Playwright binding wired to the real router.
const BRIDGE_SCRIPT = `(() => {
  const listeners = new Map();
  const bridge = Object.freeze({
    invoke: (name, input) => window.__relaisInvoke(name, input),
    on: (name, listener) => {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(listener);
      return () => listeners.get(name)?.delete(listener);
    },
  });
  Object.defineProperty(window, 'relais', { value: bridge, writable: false, configurable: false });
  Object.defineProperty(window, '__relaisEmit', {
    value: (name, payload) => { for (const l of listeners.get(name) ?? []) { try { l(payload); } catch (e) { console.error(e); } } },
    writable: false,
  });
})();`;

export async function openHarnessApp(browser: Browser, opts: HarnessOptions = {}): Promise<HarnessApp> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}): run \`npm run build\` first.`);
  }
  const dataDir = opts.dataDir ?? tempDir('relais-harness-');
  const mode = opts.store ?? 'open';
  if (mode !== 'new' && !fs.existsSync(path.join(dataDir, 'keyring.json'))) {
    const setup = createAppCore({ dataDir, shell: 'harness', scrypt: opts.scrypt ?? TEST_SCRYPT, seedDemo: opts.demoDirectory ?? true });
    const r = await setup.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE });
    if (!r.ok) throw new Error(`harness store.init failed: ${r.error.message}`);
    if (mode === 'locked' && opts.supervisor !== false) ensureHarnessSupervisor(setup);
    if (mode === 'locked' && opts.responders) ensureHarnessResponders(setup, opts.responders);
    setup.shutdown();
  }
  // The harness's twin of main's save dialog: every export lands in this test's own folder.
  const savedDir = tempDir('relais-saved-');
  const core = createAppCore({
    dataDir,
    shell: 'harness',
    saveFile: folderFileSaver(savedDir),
    scrypt: opts.scrypt ?? TEST_SCRYPT,
    seedDemo: opts.demoDirectory ?? true,
    validateOutput: true,
    idleLock: opts.idleLock ?? false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.config ? { config: opts.config } : {}),
    ...(opts.blockedBy ? { blockedBy: opts.blockedBy } : {}),
  });
  // Listen from the start: what the core announces as the store opens (reminders missed while
  // the app was closed) is part of what journeys observe; the page gets it once it is there.
  const events: HarnessApp['events'] = [];
  let page: Page | null = null;
  const off = core.onEvent((name, payload) => {
    events.push({ name, payload });
    void page?.evaluate(([n, p]) => (window as unknown as { __relaisEmit?: (n: string, p: unknown) => void }).__relaisEmit?.(n, p), [name, payload] as const).catch(() => {});
  });
  await core.start();
  if (mode === 'open') {
    const r = await core.router.dispatch('store.unlock', { passphrase: TEST_PASSPHRASE });
    if (!r.ok) throw new Error(`harness unlock failed: ${r.error.message}`);
  }
  if (opts.seed) await opts.seed(core);
  if (mode === 'open' && opts.supervisor !== false) ensureHarnessSupervisor(core);
  if (mode === 'open' && opts.responders) ensureHarnessResponders(core, opts.responders);

  const context = await browser.newContext({ locale: opts.locale ?? 'fr-BE', timezoneId: 'Europe/Brussels', viewport: { width: 1280, height: 800 } });
  // Nothing leaves the page but requests to the renderer's own origin.
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  await context.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const hit = resolveRendererFile(RENDERER_DIR, url.pathname);
    if (!hit) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: hit.type, headers: { 'Content-Security-Policy': CSP }, body: fs.readFileSync(hit.file) });
  });
  await context.exposeBinding('__relaisInvoke', async (source, name: unknown, input: unknown) => {
    // The harness twin of main's sender check: only the top frame of our origin may call.
    if (source.frame !== source.page.mainFrame() || new URL(source.frame.url()).origin !== HARNESS_ORIGIN) {
      return { ok: false, error: { code: 'Forbidden', message: 'Calls are accepted from the Relais window only.' } };
    }
    return core.router.dispatch(name, input);
  });
  await context.addInitScript(BRIDGE_SCRIPT);
  if (opts.lang) await context.addInitScript(`try { localStorage.setItem('relais.lang', ${JSON.stringify(opts.lang)}); } catch {}`);
  page = await context.newPage();
  await page.goto(`${HARNESS_ORIGIN}/index.html`);
  const tickEvery = opts.tickEveryMs === undefined ? (opts.clock ? null : 1000) : opts.tickEveryMs;
  const ticker = tickEvery ? setInterval(() => core.tick(), tickEvery) : null;
  return {
    page,
    context,
    core,
    dataDir,
    savedDir,
    events,
    passphrase: TEST_PASSPHRASE,
    async close() {
      if (ticker) clearInterval(ticker);
      off();
      await context.close();
      core.shutdown();
    },
  };
}
