import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { createSyncScheduler } from '../../src/sync/syncScheduler.ts';
import { startTwoPcLine, type TwoPcLine } from './helpers/hubServer.ts';

// "Sync now" carries what was written before it was asked: a round already running may have
// pulled before the other PC pushed, so syncNow waits for it and runs a round of its own
// (it used to join the running round: a flaky hubHandoverCallers test under load showed it).
// The running round is held with its pull answer already received, as a slow PC would.

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

let line: TwoPcLine;
let a: AppCore;
let b: AppCore;
before(async () => {
  line = await startTwoPcLine('postgres');
  ({ a, b } = line);
  await ok(b, 'hub.syncNow', {});
});
after(() => line.stop());

test('syncNow during a running round runs a round of its own after it, and brings what was pushed meanwhile', async () => {
  const serviceId = a.services.store.database().prepare('SELECT id FROM services ORDER BY id LIMIT 1').pluck().get() as string;
  // B's scheduler with a fetch that holds the first pull's answer once it has arrived.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let pulledOnce!: () => void;
  const firstPullAnswered = new Promise<void>((r) => (pulledOnce = r));
  let holding = true;
  const fetchHeld: typeof fetch = async (input, init) => {
    const answer = await fetch(input, init);
    if (holding && String(input).includes('/v1/pull')) {
      holding = false;
      pulledOnce();
      await held;
    }
    return answer;
  };
  const scheduler = createSyncScheduler({ store: b.services.store, clock: b.services.clock, log: b.services.log, onStatus: () => undefined, deps: { fetch: fetchHeld } });

  const first = scheduler.syncNow();
  await firstPullAnswered;
  // Meanwhile A writes a note and pushes it.
  await ok(a, 'directory.addNote', { serviceId, text: 'Nouveau numéro depuis lundi' });
  await ok(a, 'hub.syncNow', {});
  const second = scheduler.syncNow();
  release();
  const [r1, r2] = await Promise.all([first, second]);
  assert.equal(r1.pulled, 0, 'the held round had pulled before the note');
  assert.equal(r2.pulled, 1, 'the asked round pulled it');
  const card = await ok<{ notes: { text: string }[] }>(b, 'directory.get', { id: serviceId });
  assert.ok(card.notes.some((n) => n.text === 'Nouveau numéro depuis lundi'), 'on B after "sync now"');
  scheduler.stop();
});
