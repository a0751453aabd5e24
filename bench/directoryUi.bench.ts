// Directory screen benchmark: `node bench/directoryUi.bench.ts` prints a Markdown section.
// Keystroke to painted results in the real renderer (Chromium harness, real bridge, real
// encrypted store): each labelled responder query is typed one character at a time; for every
// keystroke the page records the time from the input event to the first animation frame after
// the list shows that query's results. Baseline in the same run: the bare bridge round trip of
// `directory.search` for the same strings (what the UI adds on top of the search itself).
// Not a timed test.
import { chromium } from '@playwright/test';
import type { AppCore } from '../src/app/appCore.ts';
import { directoryRepository } from '../src/directory/directoryRepository.ts';
import { makeServiceSchema } from '../src/directory/serviceSchema.ts';
import { invalidateDirectorySearch } from '../src/directory/search/storeSearch.ts';
import { buildRenderer } from '../scripts/build.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/harness/chromium.ts';
import { openHarnessApp } from '../tests/harness/harness.ts';
import { loadRelevanceQueries } from './relevance.ts';
import { syntheticDirectory } from './syntheticDirectory.ts';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
const fmt = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

async function seedSynthetic(core: AppCore, size: number): Promise<void> {
  const db = core.services.store.database();
  const repo = directoryRepository(db);
  const schema = makeServiceSchema(repo.themeCodes());
  const services = syntheticDirectory(size).map((s) => schema.parse(s));
  repo.upsertServices(services, new Date());
  invalidateDirectorySearch(db);
}

interface Sample {
  painted: number[];
  bridge: number[];
}

buildRenderer();
const prefixes = loadRelevanceQueries().flatMap((q) => Array.from({ length: q.query.length }, (_, i) => q.query.slice(0, i + 1)));
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
const rows: string[] = [];
try {
  for (const size of [0, 5000]) {
    const app = await openHarnessApp(browser, { seed: size ? (core) => seedSynthetic(core, size) : undefined });
    const { page } = app;
    await page.locator('.shell').waitFor();
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: /Rechercher un service/ }).waitFor();
    // Warm the index (first search builds it) before measuring.
    await page.evaluate(() => window.relais!.invoke('directory.search', { query: 'warm', limit: 30 }));
    const sample: Sample = await page.evaluate(async (strings: string[]) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const list = document.querySelector<HTMLElement>('[role="listbox"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
      const painted: number[] = [];
      const bridge: number[] = [];
      for (const s of strings) {
        const t0 = performance.now();
        setValue.call(input, s);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          if (list.dataset.query === s) return resolve();
          const obs = new MutationObserver(() => {
            if (list.dataset.query === s) {
              obs.disconnect();
              resolve();
            }
          });
          obs.observe(list, { attributes: true, attributeFilter: ['data-query'] });
        });
        await nextFrame();
        painted.push(performance.now() - t0);
        const b0 = performance.now();
        await window.relais!.invoke('directory.search', { query: s, limit: 30 });
        bridge.push(performance.now() - b0);
      }
      return { painted, bridge };
    }, prefixes);
    const services = size || 'demo (322)';
    for (const [label, xs] of [['keystroke → painted results', sample.painted], ['bridge round trip only (baseline)', sample.bridge]] as const) {
      const s = [...xs].sort((a, b) => a - b);
      rows.push(`| ${services} | ${label} | ${s.length} | ${fmt(pct(s, 50))} ms | ${fmt(pct(s, 95))} ms | ${fmt(s[s.length - 1] ?? 0)} ms |`);
    }
    await app.close();
  }
} finally {
  await browser.close();
}

console.log(`## Directory screen: keystroke to painted results (Chromium harness)

Every labelled query of \`tests/fixtures/search/relevance-queries.json\` typed one character at a time (${prefixes.length}
keystrokes per directory size) into the real directory screen; time from the input event to the first animation
frame after the results list shows that keystroke's results. Baseline: the bare \`directory.search\` round trip
through the same bridge (page → Playwright binding → router → page), for the same strings. Target: p95 ≤ 50 ms.

| services | measure | keystrokes | p50 | p95 | max |
|---|---|---:|---:|---:|---:|
${rows.join('\n')}`);
