// Electron's entry point. `Relais --admin <command> …` runs relais-admin (main/adminMode.ts) and
// exits without starting the app; anything else starts the app (main/main.ts). esbuild turns
// these requires into lazy, synchronous module initialisations: the admin path never runs the
// app's start-up (single-instance lock, windows), and an app that throws on load still throws here.
/* eslint-disable @typescript-eslint/no-require-imports */
const at = process.argv.indexOf('--admin');
if (at !== -1) {
  const admin = require('./adminMode.ts') as typeof import('./adminMode.ts');
  void admin.runAdmin(process.argv.slice(at + 1));
} else {
  require('./main.ts');
}
