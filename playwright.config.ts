import { defineConfig } from '@playwright/test';
import type { ShellKind } from './tests/harness/fixture.ts';

// The same journeys run in two shells: the Chromium harness (always) and Electron (where its
// binary is installed). Timings are never asserted here; speed lives in `npm run bench`.
export default defineConfig<object, { shell: ShellKind }>({
  tsconfig: './tests/tsconfig.playwright.json',
  testDir: './tests/journeys',
  outputDir: './.tmp/test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'harness', use: { shell: 'harness' } },
    { name: 'electron', use: { shell: 'electron' }, workers: 1 },
  ],
});
