// Data folders for the boot suite, made by the real core (cheap test scrypt, recorded in the
// keyring, so main unlocks them quickly): a store with its first supervisor, and optionally a
// responder with a call in progress and a callback that fell due an hour ago.
import { createAppCore } from '../../src/app/appCore.ts';
import { ensureHarnessSupervisor } from '../harness/supervisor.ts';
import { baseSchedule, newCallbacksWorld, op, TEST_PIN } from '../unit/helpers/callbacksSetup.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT, tempDir } from '../unit/helpers/tempStore.ts';

export { TEST_PASSPHRASE, TEST_PIN };
export { HARNESS_SUPERVISOR } from '../harness/supervisor.ts';

export interface PreparedFolder {
  dataDir: string;
  supervisorId: string;
  /** With `withDueCallback`: the responder, their call in progress, the callback's number and reason. */
  responder?: { id: string; callId: string; phone: string; reason: string };
}

/** Brussels wall-clock date and HH:MM of an instant (what the callback form takes). */
function brusselsLocal(d: Date): { date: string; from: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, from: `${parts.hour}:${parts.minute}` };
}

export async function prepareDataFolder(opts: { withDueCallback?: boolean } = {}): Promise<PreparedFolder> {
  const dataDir = tempDir('relais-boot-');
  const setup = createAppCore({ dataDir, shell: 'harness', scrypt: TEST_SCRYPT, seedDemo: true });
  const r = await setup.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE });
  if (!r.ok) throw new Error(`store.init failed: ${r.error.message}`);
  const supervisorId = ensureHarnessSupervisor(setup);
  setup.shutdown();
  if (!supervisorId) throw new Error('no supervisor made');
  if (!opts.withDueCallback) return { dataDir, supervisorId };
  // Two hours ago, a responder scheduled a callback for one hour ago; the call is still going on.
  const now = Date.now();
  const w = await newCallbacksWorld(new Date(now - 2 * 3600_000).toISOString(), { dataDir });
  await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: brusselsLocal(new Date(now - 3600_000)) });
  w.core.shutdown();
  return { dataDir, supervisorId, responder: { id: w.me, callId: w.callId, phone: baseSchedule.phone, reason: baseSchedule.reason } };
}
