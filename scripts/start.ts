// `npm start`: build, then open Relais in Electron. Where Electron's binary is missing (it is
// downloaded on demand from a host some networks cannot reach) say so in one line and open the
// same UI in a Chromium window instead, wired to the same core and a real encrypted store.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, MAIN_BUNDLE } from '../tests/electron/electronApp.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (spawnSync(process.execPath, [path.join(root, 'scripts/build.ts')], { stdio: 'inherit' }).status !== 0) process.exit(1);

let exe = electronBinary();
if (!exe) {
  // Electron 45 fetches its binary lazily; try once, without letting a network error look like a crash.
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: 'pipe', timeout: 120_000 });
  exe = r.status === 0 ? electronBinary() : null;
}
if (exe) {
  // --demo: npm start seeds the demonstration directory into a new store (an installed Relais never does).
  const child = spawn(exe, [MAIN_BUNDLE, '--demo'], { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not installed here (node_modules/electron/dist is missing and could not be downloaded): opening the Chromium preview of the same app instead.');
  if (!process.env.DISPLAY && process.platform === 'linux') {
    console.log('No display either (DISPLAY is unset): run under `xvfb-run npm start`, or use `npm run screenshots` to see the screens.');
    process.exit(1);
  }
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/preview.ts')], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
