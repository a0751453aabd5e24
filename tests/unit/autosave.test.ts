import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTOSAVE_DEBOUNCE_MS, AUTOSAVE_MAX_WAIT_MS, SaveTracker, SerialSaver } from '../../renderer/screens/calls/autosave.ts';

// The console's autosave rules, on the real class with real timers: committed within the
// debounce after the last keystroke, never two saves of a field in flight, the newest text
// always last, "saved" only once the save resolved, retries for what a retry can fix.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

test('the debounce is well inside the 500 ms promise', () => {
  assert.ok(AUTOSAVE_DEBOUNCE_MS <= 300);
  assert.ok(AUTOSAVE_MAX_WAIT_MS >= AUTOSAVE_DEBOUNCE_MS);
});

test('a burst of keystrokes is one save of the last text, AUTOSAVE_DEBOUNCE_MS after the last one', async () => {
  const saved: Array<{ value: string; at: number }> = [];
  const saver = new SerialSaver<string>(async (v) => void saved.push({ value: v, at: performance.now() }), null);
  let last = 0;
  for (const text of ['b', 'bo', 'bon', 'bonj', 'bonjour']) {
    saver.schedule(text);
    last = performance.now();
    await sleep(20);
  }
  await sleep(AUTOSAVE_DEBOUNCE_MS + 100);
  assert.deepEqual(saved.map((s) => s.value), ['bonjour']);
  const delay = saved[0]!.at - last;
  assert.ok(delay >= AUTOSAVE_DEBOUNCE_MS - 5 && delay < 500, `saved ${delay.toFixed(0)} ms after the last keystroke`);
});

test('continuous typing still saves at least every AUTOSAVE_MAX_WAIT_MS', async () => {
  const saved: string[] = [];
  const saver = new SerialSaver<string>(async (v) => void saved.push(v), null);
  const until = performance.now() + AUTOSAVE_MAX_WAIT_MS * 2.5;
  let i = 0;
  while (performance.now() < until) {
    saver.schedule(`t${i++}`);
    await sleep(40);
  }
  assert.ok(saved.length >= 2, `${saved.length} saves while typing`);
  await saver.flush();
  assert.equal(saved.at(-1), `t${i - 1}`);
});

test('never two saves in flight; the newest text is saved last; "saved" only after the save resolved', async () => {
  const tracker = new SaveTracker();
  const gates: Array<ReturnType<typeof deferred>> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const order: string[] = [];
  const saver = new SerialSaver<string>(async (v) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const g = deferred();
    gates.push(g);
    await g.promise;
    order.push(v);
    inFlight--;
  }, tracker);
  saver.retain();
  saver.schedule('one');
  const first = saver.flush();
  await sleep(0);
  assert.equal(tracker.get().state, 'saving');
  saver.schedule('two');
  saver.schedule('three');
  const second = saver.flush();
  await sleep(10);
  assert.equal(gates.length, 1, 'the second save waits for the first');
  assert.equal(tracker.get().state, 'saving', 'not "saved" while main has not answered');
  gates[0]!.resolve();
  await sleep(10);
  assert.equal(gates.length, 2, 'then the newest text goes, and only it');
  assert.equal(tracker.get().state, 'saving');
  gates[1]!.resolve();
  await Promise.all([first, second]);
  assert.deepEqual(order, ['one', 'three']);
  assert.equal(maxInFlight, 1);
  assert.equal(tracker.get().state, 'saved');
  assert.ok(tracker.get().savedAt instanceof Date);
});

test('a failed save shows "error" and is retried; a refusal a retry cannot fix is not', async () => {
  const tracker = new SaveTracker();
  let attempts = 0;
  const saver = new SerialSaver<string>(async () => {
    attempts++;
    if (attempts === 1) throw new Error('disk busy');
  }, tracker);
  saver.retain();
  saver.schedule('x');
  await saver.flush();
  assert.equal(tracker.get().state, 'error');
  await sleep(2100);
  assert.equal(attempts, 2);
  assert.equal(tracker.get().state, 'saved');
  saver.dispose();

  let refused = 0;
  const closed = new SerialSaver<string>(async () => {
    refused++;
    throw Object.assign(new Error('call closed'), { retry: false });
  }, tracker);
  closed.retain();
  closed.schedule('y');
  await closed.flush();
  await sleep(2100);
  assert.equal(refused, 1);
  closed.dispose();
});

test('the tracker flushes every field before the call is ended or closed', async () => {
  const tracker = new SaveTracker();
  const saved: string[] = [];
  const a = new SerialSaver<string>(async (v) => void saved.push(`a:${v}`), tracker);
  const b = new SerialSaver<string>(async (v) => void saved.push(`b:${v}`), tracker);
  a.retain();
  b.retain();
  a.schedule('note');
  b.schedule('record');
  await tracker.flushAll();
  assert.deepEqual(saved.sort(), ['a:note', 'b:record']);
  assert.equal(tracker.get().state, 'saved');
  a.release();
  b.release();
});
