// The parent's side of a booted main bundle: builds the shell once (the same esbuild step as
// `npm run build`, into a temporary folder with a stand-in renderer), starts bootChild.ts in a
// Node child process and drives it. A bundle that throws on load rejects `bootMain` with the
// bundle's own error message.
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain } from '../../scripts/build.ts';
import type { RecordedCall } from './electronDouble.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(here, 'bootChild.ts');
const REPO = path.resolve(here, '..', '..');

export interface BuiltShell {
  root: string;
  /** …/main/main.cjs and …/main/preload.cjs, as electron-builder packs them. */
  mainBundle: string;
  preloadBundle: string;
  /** The renderer folder main serves on app://relais (a stand-in page). */
  rendererDir: string;
}

export const STAND_IN_PAGE = '<!doctype html><title>Relais</title><script type="module" src="./assets/app.js"></script>';

/**
 * Builds main and preload with the project's own build step, beside a stand-in renderer, in a
 * folder of the checkout (.tmp/, so the bundle finds node_modules as the packed app finds its own).
 */
export async function buildShell(): Promise<BuiltShell> {
  fs.mkdirSync(path.join(REPO, '.tmp'), { recursive: true });
  const root = fs.mkdtempSync(path.join(REPO, '.tmp', 'shell-'));
  await buildMain(path.join(root, 'main'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), STAND_IN_PAGE);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};\n');
  return { root, mainBundle: path.join(root, 'main', 'main.cjs'), preloadBundle: path.join(root, 'main', 'preload.cjs'), rendererDir };
}

export function removeShell(shell: BuiltShell): void {
  fs.rmSync(shell.root, { recursive: true, force: true });
}

export interface BootOptions {
  dataDir: string;
  /** Extra environment (RELAIS_E2E, RELAIS_DOUBLE_SAFE_STORAGE, RELAIS_DOUBLE_LOCK_TAKEN, RELAIS_CONFIG…). */
  env?: Record<string, string>;
  /** Fire `ready` after loading (default true). */
  ready?: boolean;
}

type Reply = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; error: { name: string; message: string; stack: string } };

const running = new Set<BootedMain>();

/** Ends every child still running (a failed test leaves its child alive, which would hold the test file open). */
export async function killAllBooted(): Promise<void> {
  await Promise.all([...running].map((m) => m.kill()));
}

export class BootedMain {
  readonly child: ChildProcess;
  readonly dataDir: string;
  /** Resolves with the exit code main asked for (app.exit / quit), or the process's own. */
  readonly exited: Promise<number | null>;
  /** The recording main's process sent as it exited (app.exit / quit). */
  lastCalls: RecordedCall[] | null = null;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private output = '';

  constructor(child: ChildProcess, dataDir: string) {
    this.child = child;
    this.dataDir = dataDir;
    running.add(this);
    child.on('exit', () => running.delete(this));
    let asked: number | null = null;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.on('message', (m: Reply | { type: 'exit'; code: number; calls: RecordedCall[] } | { type: 'started' }) => {
      if (m.type === 'exit') {
        asked = m.code;
        this.lastCalls = m.calls;
      }
      if (m.type !== 'reply') return;
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.ok) p.resolve(m.value);
      else p.reject(Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack }));
    });
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        for (const p of this.pending.values()) p.reject(new Error(`main's process ended (code ${code}) before answering.\n${this.output.slice(-2000)}`));
        this.pending.clear();
        resolve(asked ?? code);
      }),
    );
  }

  /** One command to the child; a command main never lets finish fails after `ms`, never hangs the suite. */
  call<T = unknown>(cmd: string, args: Record<string, unknown> = {}, ms = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`main did not answer "${cmd}" within ${ms} ms.\n${this.output.slice(-2000)}`));
      }, ms);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, cmd, args });
    });
  }

  /** The exit code main asked for; fails when the process is still running after `ms`. */
  exitCode(ms = 15_000): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`main's process did not end within ${ms} ms`)), ms)));
    return Promise.race([this.exited, late]).finally(() => clearTimeout(timer));
  }

  /** What the double recorded, in order. */
  calls(): Promise<RecordedCall[]> {
    return this.call<RecordedCall[]>('calls');
  }

  /** An operation through main's one IPC handler, from the window's main frame (what the preload sends). */
  async op<T = unknown>(name: string, input: unknown = {}): Promise<T> {
    const r = await this.call<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>('invoke', { from: 'window', args: [name, input] });
    if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message}`);
    return r.value;
  }

  /** Stderr and stdout of the child, for failure messages. */
  log(): string {
    return this.output;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Starts main's bundle in a child against the double; rejects with the bundle's error if it throws on load. */
export async function bootMain(shell: BuiltShell, opts: BootOptions): Promise<BootedMain> {
  const child = fork(CHILD, [], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    env: {
      ...process.env,
      RELAIS_DATA_DIR: opts.dataDir,
      // No machine config unless the test gives one: the PC's /etc/relais must not leak in.
      RELAIS_CONFIG: path.join(opts.dataDir, 'no-machine-config.json'),
      ...opts.env,
    },
  });
  const booted = new BootedMain(child, opts.dataDir);
  try {
    await booted.call('load', { bundle: shell.mainBundle });
  } catch (e) {
    await booted.kill();
    throw new Error(`${path.basename(shell.mainBundle)} threw on load: ${(e as Error).message}`, { cause: e });
  }
  if (opts.ready !== false) {
    try {
      await booted.call('ready');
    } catch (e) {
      await booted.kill();
      throw new Error(`${path.basename(shell.mainBundle)} failed to start: ${(e as Error).message}\n${booted.log().slice(-2000)}`, { cause: e });
    }
  }
  return booted;
}

/** The recorded calls to one API, in order. */
export function callsTo(calls: readonly RecordedCall[], api: string): RecordedCall[] {
  return calls.filter((c) => c.api === api);
}
