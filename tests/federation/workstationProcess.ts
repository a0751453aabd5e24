// One Relais workstation as its own OS process, for the federation harness (harness.ts): a real
// app core (encrypted SQLite store, router, sync scheduler) driven by its parent over Node's IPC
// channel. Killing it with SIGKILL is a PC losing power: nothing here runs on the way out.
//
// argv: DATA_DIR DISPLAY_NAME CENTRE TICK_MS. A new folder gets a store, the demo directory and
// the first supervisor (DISPLAY_NAME of CENTRE); an existing one is unlocked and the supervisor
// signed in again. TICK_MS > 0 calls core.tick() that often (the app ticks every 15 s).
// Messages in: { id, op: 'dispatch', name, input } | { id, op: 'sql', sql, params } | { id, op: 'tick' }.
// Messages out: { ready: true, pid } once, then { id, ok: true, value } | { id, ok: false, error }.
import { createAppCore } from '../../src/app/appCore.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT } from '../unit/helpers/tempStore.ts';

export const SUPERVISOR_PASSPHRASE = 'supervisor passphrase';

type Request = { id: number; op: 'dispatch'; name: string; input: unknown } | { id: number; op: 'sql'; sql: string; params?: unknown[] } | { id: number; op: 'tick' };

const [dataDir = '', displayName = 'Sophie', centre = 'CASG Nord', tickArg = '0'] = process.argv.slice(2);
const send = (m: unknown) => process.send?.(m);

async function must(core: ReturnType<typeof createAppCore>, name: string, input: unknown): Promise<unknown> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function main(): Promise<void> {
  const core = createAppCore({ dataDir, shell: 'cli', scrypt: TEST_SCRYPT, validateOutput: true, seedDemo: true });
  const fresh = !core.services.store.isInitialised();
  await core.start();
  if (fresh) {
    await must(core, 'store.init', { passphrase: TEST_PASSPHRASE });
    await must(core, 'access.createFirstSupervisor', { displayName, centre, passphrase: SUPERVISOR_PASSPHRASE });
  } else {
    if (!core.services.store.isOpen()) await must(core, 'store.unlock', { passphrase: TEST_PASSPHRASE });
    const id = core.services.store.database().prepare(`SELECT id FROM profiles WHERE role = 'supervisor' ORDER BY created_at LIMIT 1`).pluck().get() as string;
    await must(core, 'profiles.signIn', { profileId: id, secret: SUPERVISOR_PASSPHRASE });
  }
  const tickMs = Number(tickArg);
  if (tickMs > 0) setInterval(() => core.tick(), tickMs);

  process.on('message', (raw) => {
    const m = raw as Request;
    void (async () => {
      try {
        if (m.op === 'dispatch') {
          const r = await core.router.dispatch(m.name, m.input);
          send(r.ok ? { id: m.id, ok: true, value: r.value } : { id: m.id, ok: false, error: { code: r.error.code, message: r.error.message } });
        } else if (m.op === 'sql') {
          // A SELECT answers its rows; anything else (a test moving hub_link.url to another hub process) its changes.
          const stmt = core.services.store.database().prepare(m.sql);
          send({ id: m.id, ok: true, value: stmt.reader ? stmt.all(...(m.params ?? [])) : [stmt.run(...(m.params ?? []))] });
        } else if (m.op === 'tick') {
          core.tick();
          send({ id: m.id, ok: true, value: null });
        }
      } catch (e) {
        send({ id: m.id, ok: false, error: { code: 'Internal', message: e instanceof Error ? e.message : String(e) } });
      }
    })();
  });
  // The parent went away (test ended or crashed): stop as the app would on quit.
  process.on('disconnect', () => {
    core.shutdown();
    process.exit(0);
  });
  send({ ready: true, pid: process.pid });
}

main().catch((e: unknown) => {
  process.stderr.write(`workstation process failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
