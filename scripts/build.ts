// Builds what the shells load: the renderer (Vite) and Electron's main + preload (esbuild).
// `node scripts/build.ts` builds both; `node scripts/build.ts renderer|main` one of them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const what = process.argv[2] ?? 'all';

/** Main and preload into `outDir` (build/main by default; the boot suite builds into a temporary folder). */
export async function buildMain(outDir = path.join(root, 'build', 'main')): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: false,
    logLevel: 'warning' as const,
    // The native module and Electron itself are loaded at run time, never bundled; so is pdfkit
    // (only `Relais --admin report …` needs it, from the app's node_modules, through its CJS build).
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit'],
    // An ESM module that reads import.meta.url gets an empty object in a CJS bundle and throws
    // at load (pdfkit did: Relais could not start). Fail the build instead of the app.
    logOverride: { 'empty-import-meta': 'error' as const },
  };
  await build({ ...common, entryPoints: [path.join(root, 'main/entry.ts')], outfile: path.join(outDir, 'main.cjs') });
  await build({ ...common, minify: true, entryPoints: [path.join(root, 'main/preload.ts')], outfile: path.join(outDir, 'preload.cjs') });
  // The directory import's worker thread (issue 12), loaded by src/directory/import/parseOffThread.ts beside main.cjs.
  await build({ ...common, entryPoints: [path.join(root, 'src/directory/import/importWorker.ts')], outfile: path.join(outDir, 'importWorker.cjs') });
}

export function buildRenderer(): void {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'renderer/vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) throw new Error('renderer build failed');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (what === 'all' || what === 'renderer') buildRenderer();
    if (what === 'all' || what === 'main') await buildMain();
  } catch (e) {
    console.error(`build: ${(e as Error).message}`);
    process.exit(1);
  }
}
