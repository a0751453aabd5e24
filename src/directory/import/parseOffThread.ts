import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, appErrorFrom, type ErrorPayload } from '../../errors.ts';
import type { ThemeView } from '../directoryRepository.ts';
import { MAX_IMPORT_BYTES } from './importLimits.ts';
import type { ParsedImport, ProgressCallback, ReadImport } from './types.ts';
import { ValidRows } from './validRows.ts';

// Runs parseImport in a worker thread (importWorker.ts, issue 12): the process that holds the
// store keeps answering during a 20 MB import. The worker's heap is capped, so a file that
// would still blow up in memory ends as a clear refusal, never as a stalled or killed app.

/**
 * The worker's V8 old-generation cap. It bounds the whole import's peak memory for any file within
 * the limits (issue 12: ≤ 400 MB): a file that would need more is refused with a clear error.
 * Measured at the limits (100,000 rows × 12 columns XLSX, the heaviest case): the reader needs
 * between 64 MB (out of memory) and 96 MB; 128 MB leaves a third of headroom. At 192 MB V8 let
 * the heap grow towards the cap before collecting, and the peak went over 400 MB
 * (docs/benchmarks.md, import section).
 */
export const IMPORT_WORKER_HEAP_MB = 128;
/**
 * The worker's young generation: a reader makes garbage at a great rate (every cell, every row),
 * and V8's default nursery let it grow by hundreds of MB before collecting (measured: 530 MB of
 * RSS while reading the 18 MB CSV with the defaults, 330 MB with 8 MB; docs/benchmarks.md).
 */
export const IMPORT_WORKER_YOUNG_MB = 8;

declare const __dirname: string | undefined;

/**
 * Where the worker script is: beside Electron's bundled main (build/main/importWorker.cjs, built
 * by scripts/build.ts), or the TypeScript source when run by Node (CLI, tests, harness). Code
 * bundled into main may not use import.meta (esbuild's empty-import-meta is an error), so the
 * source's own location is read from a stack frame.
 */
export function importWorkerScript(): string {
  if (typeof __dirname === 'string') return path.join(__dirname, 'importWorker.cjs');
  const frame = new Error().stack?.match(/(file:\/\/[^\s)]+?)\/parseOffThread\.ts:\d+:\d+/);
  if (!frame?.[1]) throw new Error('cannot locate importWorker.ts');
  return path.join(fileURLToPath(frame[1]), 'importWorker.ts');
}

type Message =
  | { type: 'progress'; progress: Parameters<ProgressCallback>[0] }
  | { type: 'rows'; bytes: Uint8Array; count: number; fromFile: number }
  | { type: 'done'; parsed: ReadImport }
  | { type: 'error'; error: ErrorPayload }
  | { type: 'crash'; message: string };

export function parseImportOffThread(
  bytes: Uint8Array,
  fileName: string,
  themes: readonly ThemeView[],
  onProgress?: ProgressCallback,
  maxBytes: number = MAX_IMPORT_BYTES,
  /** The worker's heap cap; only a test lowers it, to reach the out-of-memory refusal with a small file. */
  heapMb: number = IMPORT_WORKER_HEAP_MB,
): Promise<ParsedImport> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(importWorkerScript(), {
      workerData: { bytes, fileName, themes: [...themes], maxBytes },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: IMPORT_WORKER_YOUNG_MB },
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    // The valid rows arrive in encoded batches while the worker reads on (issue 12); they stay
    // encoded until preview or apply decodes them one batch at a time.
    const valid = new ValidRows();
    worker.on('message', (m: Message) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'rows') valid.addEncoded(m.bytes, m.count, m.fromFile);
      else if (m.type === 'done') {
        const { validCount, ...head } = m.parsed;
        finish(() =>
          validCount === valid.count ? resolve({ ...head, valid }) : reject(new Error(`import worker: ${valid.count} valid rows arrived of ${validCount}`)),
        );
      }
      else if (m.type === 'error') finish(() => reject(appErrorFrom(m.error)));
      else finish(() => reject(new Error(`import worker: ${m.message}`)));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('FileRejected', 'import.needsMoreMemory', { file: fileName, mb: heapMb })
            : e,
        ),
      );
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`import worker stopped (exit ${code})`))));
  });
}
