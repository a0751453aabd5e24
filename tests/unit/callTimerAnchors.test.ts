import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { newOpenCore, seedResponder } from './helpers/tempStore.ts';

// The renderer ticks the call timer itself (issue 13, point 6): main gives the anchors
// (calls.current, re-read on calls.changed) and its clock (calls.clock); a clock moved by hand
// says so (clock.moved), the system clock flows and says nothing.

const PIN = '246810';
const T0 = '2026-03-16T09:00:00.000Z';

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

async function signedIn(core: AppCore): Promise<void> {
  const p = await seedResponder(core, { displayName: 'Marie', centre: 'CASG Nord', pin: PIN });
  await op(core, 'profiles.signIn', { profileId: p.id, secret: PIN });
}

test('calls.clock: a hand-moved clock does not flow and pushes each move; the anchors plus the clock give main\'s elapsed time', async () => {
  const clock = new ManualClock(T0);
  const core = await newOpenCore({ clock });
  await signedIn(core);
  const moved: unknown[] = [];
  core.onEvent((name, payload) => {
    if (name === 'clock.moved') moved.push(payload);
  });
  assert.deepEqual(await op(core, 'calls.clock', {}), { now: T0, flows: false });
  const call = await op(core, 'calls.start', {});
  const anchor = (await op(core, 'calls.current', {})).call!.timer;
  clock.advance(252_000);
  assert.deepEqual(moved, [{ now: '2026-03-16T09:04:12.000Z' }]);
  const now = Date.parse((await op(core, 'calls.clock', {})).now);
  // What the window draws from the anchor equals what main computes now.
  assert.equal(anchor.elapsedMs + (now - Date.parse(anchor.now)), (await op(core, 'calls.current', {})).call!.timer.elapsedMs);
  assert.equal((await op(core, 'calls.get', { callId: call.id })).timer.elapsedMs, 252_000);
  core.shutdown();
  clock.advance(1000);
  assert.equal(moved.length, 1, 'a shut core no longer listens to the clock');
});

test('calls.clock: the system clock flows; hold and resume announce calls.changed so the window re-reads the anchors', async () => {
  const core = await newOpenCore();
  await signedIn(core);
  const before = Date.now();
  const c = await op(core, 'calls.clock', {});
  assert.equal(c.flows, true);
  assert.ok(Math.abs(Date.parse(c.now) - before) < 5_000);
  const changed: unknown[] = [];
  core.onEvent((name, payload) => {
    if (name === 'calls.changed') changed.push(payload);
  });
  const call = await op(core, 'calls.start', {});
  const paused = await op(core, 'calls.pause', { callId: call.id });
  assert.equal(paused.running, false);
  await op(core, 'calls.resume', { callId: call.id });
  assert.deepEqual(changed, [
    { callId: call.id, status: 'active' },
    { callId: call.id, status: 'active' },
    { callId: call.id, status: 'active' },
  ]);
  core.shutdown();
});
