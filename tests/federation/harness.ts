// The federation harness: a Relais Hub and workstations as SEPARATE OS PROCESSES, so tests can
// do what happens in the field — kill -9 a hub in the middle of a push, restart it on the same
// port, run two hub processes on one PostgreSQL, power-cut a workstation and bring it back.
//
// API (scenario files live in tests/unit/federation*.test.ts so `npm test` runs them):
//
//   const fed = await startFederation({ engine: 'postgres' });  // or 'pglite' (slow to open: 10–20 s)
//   const hub = await fed.startHub();          // `relais-hub serve --port 0` as a child process
//   const a = await fed.startWorkstation('A', { centre: 'CASG Nord' });   // a core in its own process
//   await fed.enrolFounder(a, hub);            // `relais-hub init --json` → founding code → hub.join
//   const b = await fed.startWorkstation('B', { centre: 'CPAS Anderlecht' });
//   await fed.enrol(b, { inviter: a, hub });   // hub.invite on A → hub.join on B
//   await a.call('directory.addNote', { serviceId, text: '…' });   // any operation, through the real router
//   await a.call('hub.syncNow', {});           // throws HarnessCallError (code, message) when refused
//   await b.dispatch('hub.syncNow', {});       // the router's Result, for expected refusals
//   await b.sql('SELECT count(*) AS n FROM reachability_notes');    // read the workstation's store
//   await fed.hubSql('SELECT count(*) FROM hub_items');   // the hub's database (PGlite: only while no hub process runs)
//   await hub.kill9(); await hub.restart();    // SIGKILL, then serve again on the same port
//   await a.kill9(); await a.restart();        // a power cut, then the same store unlocked again
//   const hub2 = await fed.startHub();         // a second hub process on the same database (PostgreSQL)
//   await fed.close();                         // kills every child, drops the database / folder
//
// Every workstation is a real app core (tests/federation/workstationProcess.ts) with the demo
// directory and a signed-in supervisor; `tickMs` makes it call core.tick() like the app (15 s).
//
// PGlite is single-process: ONE process may open its folder at a time (a second one, even a short
// `relais-hub init`, corrupts it — found by the kill -9 test). So on PGlite `foundingCode` and
// `hubSql` refuse while a hub process of this federation runs, and `enrolFounder` stops the hub
// processes, runs `init` and serves again on the same ports — the order an operator follows.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HubDb, type HubEngine, openHubDb } from '../../src/hub/db/hubDb.ts';
import { tempHubLocation, type TempHubLocation } from '../unit/helpers/hubDatabases.ts';
import { tempDir } from '../unit/helpers/tempStore.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const HUB_BIN = path.join(ROOT, 'bin', 'relais-hub.mjs');
const WORKSTATION = path.join(here, 'workstationProcess.ts');
const START_TIMEOUT_MS = 90_000;

/** Every child this test process started: killed if the test process exits without close(). */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

export class HarnessCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

export type RouterResult<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function killHard(child: ChildProcess | null): Promise<void> {
  if (!child) return;
  child.kill('SIGKILL');
  await exited(child);
  children.delete(child);
}

function hubArgs(location: TempHubLocation['location']): string[] {
  return location.kind === 'postgres' ? ['--database-url', location.url] : ['--data-dir', location.dataDir];
}

/** Runs one relais-hub command to completion (init, status, devices …); stdout, stderr, exit code. */
export function runHubCommand(location: TempHubLocation['location'], args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUB_BIN, ...hubArgs(location), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

export interface HubProcess {
  url: string;
  port: number;
  pid(): number | undefined;
  /** What the process wrote on stderr (refused requests are logged there). */
  stderr(): string;
  /** SIGKILL: no close, no flush. */
  kill9(): Promise<void>;
  /** SIGTERM and wait: a clean stop. */
  stop(): Promise<void>;
  /** Serve again on the same port and database. */
  restart(): Promise<void>;
}

export interface WorkstationProcess {
  name: string;
  dataDir: string;
  centre: string;
  pid(): number | undefined;
  /** An operation through the real router; throws HarnessCallError when refused. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** An operation through the real router; the Result as the router gives it. */
  dispatch<T = unknown>(name: string, input?: unknown): Promise<RouterResult<T>>;
  /** Reads the workstation's store (a SELECT). */
  sql<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  tick(): Promise<void>;
  kill9(): Promise<void>;
  /** Disconnects: the process shuts its core down and exits. */
  stop(): Promise<void>;
  /** Starts again on the same data folder (after kill9 or stop). */
  restart(): Promise<void>;
}

function startHubProcess(location: TempHubLocation['location'], port: number): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUB_BIN, ...hubArgs(location), 'serve', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relais-hub serve did not listen within ${START_TIMEOUT_MS} ms: ${err}`));
    }, START_TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stderr: () => err });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Error(`relais-hub serve exited (${code ?? signal}) before listening: ${err}`));
    });
  });
}

function startWorkstationProcess(dataDir: string, displayName: string, centre: string, tickMs: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKSTATION, [dataDir, displayName, centre, String(tickMs)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    children.add(child);
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`workstation process did not start within ${START_TIMEOUT_MS} ms: ${err}`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Error(`workstation process exited (${code ?? signal}) before it was ready: ${err}`));
    };
    child.once('exit', onExit);
    child.once('message', (m) => {
      if ((m as { ready?: boolean }).ready) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(child);
      }
    });
  });
}

function workstationHandle(name: string, dataDir: string, displayName: string, centre: string, tickMs: number, first: ChildProcess): WorkstationProcess {
  let child: ChildProcess | null = first;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: RouterResult) => void; reject: (e: Error) => void }>();
  const attach = (c: ChildProcess) => {
    c.on('message', (raw) => {
      const m = raw as { id?: number } & RouterResult;
      if (m.id === undefined) return;
      pending.get(m.id)?.resolve(m);
      pending.delete(m.id);
    });
    c.once('exit', (code, signal) => {
      children.delete(c);
      for (const p of pending.values()) p.reject(new Error(`workstation ${name} exited (${code ?? signal}) during a request`));
      pending.clear();
      if (child === c) child = null;
    });
  };
  attach(first);
  const request = (msg: Record<string, unknown>): Promise<RouterResult> =>
    new Promise((resolve, reject) => {
      if (!child?.connected) return reject(new Error(`workstation ${name} is not running`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...msg, id });
    });
  const unwrap = <T>(r: RouterResult): T => {
    if (!r.ok) throw new HarnessCallError(r.error.code, r.error.message);
    return r.value as T;
  };
  return {
    name,
    dataDir,
    centre,
    pid: () => child?.pid,
    call: async <T>(op: string, input: unknown = {}) => unwrap<T>(await request({ op: 'dispatch', name: op, input })),
    dispatch: async <T>(op: string, input: unknown = {}) => (await request({ op: 'dispatch', name: op, input })) as RouterResult<T>,
    sql: async <T>(sql: string, params: unknown[] = []) => unwrap<T[]>(await request({ op: 'sql', sql, params })),
    tick: async () => void unwrap(await request({ op: 'tick' })),
    kill9: () => killHard(child),
    async stop() {
      const c = child;
      if (!c) return;
      c.disconnect();
      await exited(c);
    },
    async restart() {
      if (child) throw new Error(`workstation ${name} is still running`);
      const c = await startWorkstationProcess(dataDir, displayName, centre, tickMs);
      child = c;
      attach(c);
    },
  };
}

export interface Federation {
  engine: HubEngine;
  location: TempHubLocation['location'];
  /** `relais-hub init --json` as a process: a fresh founding code. */
  foundingCode(): Promise<string>;
  startHub(opts?: { port?: number }): Promise<HubProcess>;
  startWorkstation(name: string, opts?: { centre?: string; displayName?: string; tickMs?: number }): Promise<WorkstationProcess>;
  /** The coordination's workstation joins with a founding code (it makes the line key). */
  enrolFounder(ws: WorkstationProcess, hub: HubProcess): Promise<void>;
  /** `inviter` makes an invitation for ws's centre; ws joins with it. */
  enrol(ws: WorkstationProcess, opts: { inviter: WorkstationProcess; hub: HubProcess }): Promise<void>;
  /** A query on the hub's database from the test process (PGlite: refused while a hub process of this federation runs). */
  hubSql<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startFederation(opts: { engine?: HubEngine } = {}): Promise<Federation> {
  const engine = opts.engine ?? 'postgres';
  const temp = await tempHubLocation(engine);
  const location = temp.location;
  const hubs: (HubProcess & { child(): ChildProcess | null })[] = [];
  const stations: WorkstationProcess[] = [];
  let inspector: HubDb | null = null;
  const assertFolderFree = (what: string) => {
    if (engine === 'pglite' && hubs.some((h) => h.child())) throw new Error(`${what}: a hub process holds the PGlite folder (stop it first; PGlite is single-process)`);
  };

  const fed: Federation = {
    engine,
    location,
    async foundingCode() {
      assertFolderFree('relais-hub init');
      const r = await runHubCommand(location, ['init', '--json']);
      if (r.code !== 0) throw new Error(`relais-hub init failed (${r.code}): ${r.stderr}`);
      return (JSON.parse(r.stdout) as { foundingCode: string }).foundingCode;
    },
    async startHub(o = {}) {
      let proc = await startHubProcess(location, o.port ?? 0);
      const port = Number(new URL(proc.url).port);
      let child: ChildProcess | null = proc.child;
      child.once('exit', () => (child = null));
      const handle = {
        url: proc.url,
        port,
        pid: () => child?.pid,
        stderr: () => proc.stderr(),
        child: () => child,
        kill9: () => killHard(child),
        async stop() {
          const c = child;
          if (!c) return;
          c.kill('SIGTERM');
          await exited(c);
          children.delete(c);
        },
        async restart() {
          if (child) throw new Error('the hub process is still running');
          proc = await startHubProcess(location, port);
          child = proc.child;
          proc.child.once('exit', () => (child = null));
        },
      };
      hubs.push(handle);
      return handle;
    },
    async startWorkstation(name, o = {}) {
      const dataDir = tempDir(`relais-ws-${name}-`);
      const centre = o.centre ?? `Centre ${name}`;
      const displayName = o.displayName ?? `Superviseur ${name}`;
      const tickMs = o.tickMs ?? 0;
      const ws = workstationHandle(name, dataDir, displayName, centre, tickMs, await startWorkstationProcess(dataDir, displayName, centre, tickMs));
      stations.push(ws);
      return ws;
    },
    async enrolFounder(ws, hub) {
      if (engine === 'pglite') {
        // init may not open the folder while serve holds it: stop, init, serve again.
        const running = hubs.filter((h) => h.child());
        for (const h of running) await h.stop();
        const code = await fed.foundingCode();
        for (const h of running) await h.restart();
        await ws.call('hub.join', { url: hub.url, code, deviceName: ws.name });
        return;
      }
      await ws.call('hub.join', { url: hub.url, code: await fed.foundingCode(), deviceName: ws.name });
    },
    async enrol(ws, o) {
      const { code } = await o.inviter.call<{ code: string }>('hub.invite', { centre: ws.centre });
      await ws.call('hub.join', { url: o.hub.url, code, deviceName: ws.name });
    },
    async hubSql<T extends object>(sql: string, params: unknown[] = []) {
      if (engine === 'pglite') {
        // Opened for this query only: a hub process may serve the folder again afterwards.
        assertFolderFree('hubSql');
        const db = await openHubDb(location);
        try {
          return await db.query<T>(sql, params);
        } finally {
          await db.close();
        }
      }
      inspector ??= await openHubDb(location);
      return inspector.query<T>(sql, params);
    },
    async close() {
      await Promise.all(stations.map((s) => s.kill9()));
      await Promise.all(hubs.map((h) => h.kill9()));
      await inspector?.close();
      await temp.drop();
    },
  };
  return fed;
}
