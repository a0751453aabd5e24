import assert from 'node:assert/strict';
import type { AppCore } from '../../../src/app/appCore.ts';
import type { ConfigState } from '../../../src/config/configSchema.ts';
import { createAppCore } from '../../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { createLogger } from '../../../src/log/logger.ts';
import { ManualClock } from '../../../src/platform/clock.ts';
import { newOpenCore, seedResponder, TEST_PASSPHRASE, TEST_SCRYPT } from './tempStore.ts';

/** The PIN every test responder is given (issue 8: no profile signs in without one). */
export const TEST_PIN = '246810';

// A real core on a real encrypted store, a ManualClock, a signed-in responder with a call in
// progress, every event and log line captured: what the callback tests start from.

export interface CallbacksWorld {
  core: AppCore;
  clock: ManualClock;
  dataDir: string;
  me: string;
  callId: string;
  events: Array<{ name: string; payload: unknown }>;
  logs: string[];
}

export async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { payload: r.error });
  return r.value as OutputOf<N>;
}

export async function fails(core: AppCore, name: OperationName, input: unknown): Promise<ErrorPayload> {
  const r = await core.router.dispatch(name, input);
  assert.equal(r.ok, false, `${name} should fail`);
  return (r as { ok: false; error: ErrorPayload }).error;
}

export async function signInAs(core: AppCore, displayName: string, centre = 'CASG Nord'): Promise<string> {
  const existing = (await op(core, 'profiles.list', {})).profiles.find((p) => p.displayName === displayName);
  const p = existing ?? (await seedResponder(core, { displayName, centre, pin: TEST_PIN }));
  await op(core, 'profiles.signIn', { profileId: p.id, secret: TEST_PIN });
  return p.id;
}

export async function newCallbacksWorld(start: string, opts: { dataDir?: string; seedDemo?: boolean; config?: ConfigState } = {}): Promise<CallbacksWorld> {
  const clock = new ManualClock(start);
  const logs: string[] = [];
  const log = createLogger((l) => logs.push(l), () => clock.now());
  let core: AppCore;
  if (opts.dataDir) {
    core = createAppCore({ dataDir: opts.dataDir, shell: 'cli', scrypt: TEST_SCRYPT, validateOutput: true, clock, log, ...(opts.config ? { config: opts.config } : {}) });
  } else {
    core = await newOpenCore({ clock, log, ...(opts.seedDemo ? { seedDemo: true } : {}), ...(opts.config ? { config: opts.config } : {}) });
  }
  const events: CallbacksWorld['events'] = [];
  core.onEvent((name, payload) => events.push({ name, payload }));
  if (opts.dataDir) {
    await core.start();
    await op(core, 'store.unlock', { passphrase: TEST_PASSPHRASE });
  }
  const me = await signInAs(core, 'Marie D.');
  const call = (await op(core, 'calls.current', {})).call;
  const callId = call ? call.id : (await op(core, 'calls.start', {})).id;
  return { core, clock, dataDir: core.services.store.files.dataDir, me, callId, events, logs };
}

/** Events of one name received since `from` (an index into `events`). */
export function eventsNamed<T = unknown>(w: Pick<CallbacksWorld, 'events'>, name: string, from = 0): T[] {
  return w.events.slice(from).filter((e) => e.name === name).map((e) => e.payload as T);
}

export const baseSchedule = {
  consent: true as const,
  phone: '0470 12 34 56',
  language: 'fr' as const,
  reason: 'Vérifier que le CPAS a bien rappelé',
  assignTo: 'team' as const,
};
