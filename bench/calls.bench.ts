// Call console benchmark: `node bench/calls.bench.ts` prints a Markdown section on stdout.
// 1. Keystroke-to-committed note save through the real router (zod parse, access check,
//    handler, one SQLite transaction on the encrypted store with WAL + synchronous=FULL, the
//    FTS index trigger): `calls.updateNote` with the text growing one character per save.
// 2. The same save through the real bridge: from the renderer page in Chromium
//    (window.relais.invoke → Playwright binding → router → back), timed inside the page; and
//    the whole autosave path as the responder sees it: last keystroke in the composer → the
//    indicator showing "saved" (includes the 250 ms debounce on purpose).
// 3. A 2-hour call holding 500 note entries: time to open it in the console (500 entries
//    rendered), keystroke-to-paint in the composer and in the 250th entry, filing a new entry
//    (Enter → entry in the list), and main-thread long tasks while the timer ticks for 10 s.
// Not a timed test: numbers depend on the machine, printed by scripts/bench.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { signInResponder } from '../tests/unit/helpers/tempStore.ts';
import { createAppCore, type AppCore } from '../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../src/contract/index.ts';
import type { Clock } from '../src/platform/clock.ts';
import { buildRenderer } from '../scripts/build.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/harness/chromium.ts';
import { openHarnessApp, RENDERER_DIR } from '../tests/harness/harness.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT } from '../tests/unit/helpers/tempStore.ts';

const ROUTER_SAVES = Number(process.env.BENCH_NOTE_SAVES ?? 2000);
const BRIDGE_SAVES = Number(process.env.BENCH_BRIDGE_SAVES ?? 500);
const UI_SAVES = Number(process.env.BENCH_UI_SAVES ?? 30);
const LONG_CALL_NOTES = 500;
const LONG_CALL_MS = 2 * 3600_000;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function row(label: string, samples: number[], unit = 'ms'): string {
  const s = [...samples].sort((a, b) => a - b);
  const f = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
  return `| ${label} | ${s.length} | ${f(percentile(s, 50))} ${unit} | ${f(percentile(s, 95))} ${unit} | ${f(percentile(s, 99))} ${unit} | ${f(s[s.length - 1] ?? 0)} ${unit} |`;
}

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

/** The system clock, shifted: lets the bench lay 500 notes over two hours that end now. */
class ShiftedClock implements Clock {
  offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

function noteText(i: number): string {
  const words = ['appelante', 'inquiète', 'logement', 'CPAS', 'rappel', 'demain', 'orientée', 'vers', 'le', 'service', 'd’aide', 'sociale', 'à', 'Schaerbeek', 'très', 'émue', 'loyer', 'facture'];
  return Array.from({ length: 12 + (i % 30) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
}

// ---------------------------------------------------------------------------------------------
// 1. Through the router

async function routerSaves(): Promise<{ update: number[]; add: number[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-calls-'));
  const core = createAppCore({ dataDir, shell: 'cli', scrypt: TEST_SCRYPT });
  await core.start();
  await op(core, 'store.init', { passphrase: TEST_PASSPHRASE });
  // Responders are made by a supervisor since issue 12: seeded as the tests do, signed in with their PIN.
  await signInResponder(core, 'Bench', 'Bench');
  const call = await op(core, 'calls.start', {});
  const add: number[] = [];
  const update: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await op(core, 'calls.addNote', { callId: call.id, text: noteText(i) });
    add.push(performance.now() - t0);
  }
  const note = await op(core, 'calls.addNote', { callId: call.id, text: '' });
  const base = noteText(3);
  let text = '';
  for (let i = 0; i < ROUTER_SAVES; i++) {
    text = (text + base[i % base.length]).slice(-4000);
    const t0 = performance.now();
    await op(core, 'calls.updateNote', { callId: call.id, noteId: note.id, text });
    update.push(performance.now() - t0);
  }
  core.shutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { update: update.slice(50), add: add.slice(20) };
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. Through the bridge, in the harness

interface UiNumbers {
  bridge: number[];
  uiSaved: number[];
  open500: number[];
  keyComposer: number[];
  keyEntry: number[];
  fileEntry: number[];
  longTasks: { count: number; totalMs: number; worstMs: number };
}

async function inHarness(): Promise<UiNumbers> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) buildRenderer();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
  const clock = new ShiftedClock();
  clock.offset = -LONG_CALL_MS;
  const app = await openHarnessApp(browser, { clock });
  try {
    const { page, core } = app;
    // Responders are made by a supervisor since issue 12: seeded as the tests do, signed in with their PIN.
    await signInResponder(core, 'Bench', 'Bench');

    // 2a. Raw bridge round trips of a note save, timed inside the page.
    await page.waitForFunction(() => document.querySelector('.shell'));
    const scratch = await op(core, 'calls.start', {});
    const scratchNote = await op(core, 'calls.addNote', { callId: scratch.id, text: '' });
    const bridge = await page.evaluate(
      async ({ callId, noteId, n, base }) => {
        const out: number[] = [];
        let text = '';
        for (let i = 0; i < n; i++) {
          text += base[i % base.length];
          const t0 = performance.now();
          const r = await window.relais!.invoke('calls.updateNote', { callId, noteId, text });
          out.push(performance.now() - t0);
          if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
        }
        return out;
      },
      { callId: scratch.id, noteId: scratchNote.id, n: BRIDGE_SAVES, base: noteText(5) },
    );
    await op(core, 'calls.end', { callId: scratch.id });

    // 3. A 2-hour call with 500 entries, laid out over the two hours up to now.
    const long = await op(core, 'calls.start', {});
    for (let i = 0; i < LONG_CALL_NOTES; i++) {
      clock.offset = -LONG_CALL_MS + Math.round(((i + 1) * LONG_CALL_MS) / (LONG_CALL_NOTES + 1));
      await op(core, 'calls.addNote', { callId: long.id, text: noteText(i) });
    }
    clock.offset = 0;

    // Opening the console on it: Alt+2 → 500 entries on screen. Measured five times.
    const open500: number[] = [];
    for (let round = 0; round < 5; round++) {
      await page.keyboard.press('Alt+1');
      await page.waitForFunction(() => !document.querySelector('[data-testid="note-entry"]'));
      const t = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            const check = () => {
              if (document.querySelectorAll('[data-testid="note-entry"]').length >= 500) requestAnimationFrame(() => resolve(performance.now() - t0));
              else requestAnimationFrame(check);
            };
            window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', code: 'Digit2', altKey: true, bubbles: true }));
            check();
          }),
      );
      open500.push(t);
    }

    // Keystroke → next paint, in the composer and in the 250th entry.
    const keyLatency = async (selector: string, n: number): Promise<number[]> => {
      await page.locator(selector).first().focus();
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        await page.evaluate(() => {
          (window as unknown as { __kd: number }).__kd = 0;
          document.addEventListener('keydown', () => ((window as unknown as { __kd: number }).__kd = performance.now()), { once: true, capture: true });
        });
        await page.keyboard.type('a');
        out.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - (window as unknown as { __kd: number }).__kd), 0));
              }),
          ),
        );
      }
      return out;
    };
    const keyComposer = await keyLatency('[data-testid="note-composer"]', 60);
    const keyEntry = await keyLatency('[data-testid="note-entry"]:nth-child(250) textarea', 60);

    // Filing an entry: Enter in the composer → the new entry is in the list.
    const fileEntry: number[] = [];
    for (let i = 0; i < 20; i++) {
      await page.locator('[data-testid="note-composer"]').focus();
      await page.keyboard.type(`entrée ${i}`);
      fileEntry.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const before = document.querySelectorAll('[data-testid="note-entry"]').length;
              const t0 = performance.now();
              const check = () => {
                if (document.querySelectorAll('[data-testid="note-entry"]').length > before) resolve(performance.now() - t0);
                else requestAnimationFrame(check);
              };
              document.querySelector<HTMLTextAreaElement>('[data-testid="note-composer"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
              check();
            }),
        ),
      );
    }

    // 2b. The autosave as the responder sees it: last keystroke → "saved" on screen.
    const uiSaved: number[] = [];
    await page.locator('[data-testid="note-composer"]').focus();
    for (let i = 0; i < UI_SAVES; i++) {
      await page.waitForFunction(() => document.querySelector('[data-testid="save-indicator"]')?.getAttribute('data-state') === 'saved');
      await page.evaluate(() => {
        const w = window as unknown as { __kd: number; __saved: Promise<number> };
        w.__saved = new Promise<number>((resolve) => {
          const el = document.querySelector('[data-testid="save-indicator"]')!;
          document.addEventListener('keydown', () => (w.__kd = performance.now()), { once: true, capture: true });
          const mo = new MutationObserver(() => {
            if (el.getAttribute('data-state') === 'saved' && w.__kd) {
              mo.disconnect();
              resolve(performance.now() - w.__kd);
            }
          });
          mo.observe(el, { attributes: true });
        });
      });
      await page.keyboard.type('x');
      uiSaved.push(await page.evaluate(() => (window as unknown as { __saved: Promise<number> }).__saved));
    }

    // Long tasks on the main thread while the call just runs (timer polled every second).
    const longTasks = await page.evaluate(
      () =>
        new Promise<{ count: number; totalMs: number; worstMs: number }>((resolve) => {
          const seen: number[] = [];
          const po = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) seen.push(e.duration);
          });
          po.observe({ type: 'longtask', buffered: false });
          setTimeout(() => {
            po.disconnect();
            resolve({ count: seen.length, totalMs: seen.reduce((a, b) => a + b, 0), worstMs: Math.max(0, ...seen) });
          }, 10_000);
        }),
    );

    return { bridge: bridge.slice(20), uiSaved, open500, keyComposer: keyComposer.slice(5), keyEntry: keyEntry.slice(5), fileEntry, longTasks };
  } finally {
    await app.close();
    await browser.close();
  }
}

const router = await routerSaves();
let ui: UiNumbers | null = null;
let uiProblem: string | null = null;
try {
  ui = await inHarness();
} catch (e) {
  uiProblem = (e as Error).message.split('\n')[0] ?? String(e);
}

const lines = [
  '## Call console (bench/calls.bench.ts)',
  '',
  'Note autosave: every save is one transaction on the encrypted store (WAL, synchronous=FULL) that updates the entry, its full-text index row and the call\'s last activity. Target: p95 ≤ 20 ms from the save request to main\'s committed answer.',
  '',
  '| Measure | n | p50 | p95 | p99 | max |',
  '|---|---|---|---|---|---|',
  row('`calls.updateNote` through the router (text growing 1 char per save)', router.update),
  row('`calls.addNote` through the router', router.add),
];
if (ui) {
  lines.push(
    row('`calls.updateNote` through the real bridge, timed in the page', ui.bridge),
    row('last keystroke → "saved" shown (includes the 250 ms debounce)', ui.uiSaved),
    '',
    `### A 2-hour call holding ${LONG_CALL_NOTES} note entries`,
    '',
    '| Measure | n | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|',
    row(`open the console on it (Alt+2 → ${LONG_CALL_NOTES} entries painted)`, ui.open500),
    row('keystroke → next paint, composer', ui.keyComposer),
    row('keystroke → next paint, 250th entry', ui.keyEntry),
    row('Enter → new entry filed in the list', ui.fileEntry),
    '',
    `Main-thread long tasks (> 50 ms) during 10 s of a running call with ${LONG_CALL_NOTES + 20} entries on screen: ${ui.longTasks.count} (total ${ui.longTasks.totalMs.toFixed(0)} ms, worst ${ui.longTasks.worstMs.toFixed(0)} ms).`,
  );
} else {
  lines.push('', `The bridge and UI measures did not run: ${uiProblem}`);
}
console.log(lines.join('\n'));
