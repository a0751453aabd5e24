import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../errors.ts';
import { readImport } from './importFile.ts';
import type { ThemeView } from '../directoryRepository.ts';
import { encodeRows } from './validRows.ts';

// The worker thread of a directory import (issue 12): reads and checks the file away from the
// thread that holds the store, so note saves and every other operation keep answering. It gets
// the bytes, the file name, the themes and the size limit; it posts progress, each batch of
// valid rows as it is checked (JSON bytes, transferred, not copied), then the rest of the
// result or a typed error. It never touches the store.

interface Job {
  bytes: Uint8Array;
  fileName: string;
  themes: ThemeView[];
  maxBytes: number;
}

const port = parentPort;
if (port) {
  const job = workerData as Job;
  const sink = {
    valid(rows: Parameters<typeof encodeRows>[0]) {
      const bytes = encodeRows(rows);
      port.postMessage({ type: 'rows', bytes, count: rows.length, fromFile: rows.filter((r) => r.row > 0).length }, [bytes.buffer as ArrayBuffer]);
    },
  };
  readImport(job.bytes, job.fileName, job.themes, sink, (p) => port.postMessage({ type: 'progress', progress: p }), job.maxBytes)
    .then((parsed) => port.postMessage({ type: 'done', parsed }))
    .catch((e: unknown) => {
      port.postMessage(
        isAppError(e)
          ? { type: 'error', error: e.toPayload() }
          : { type: 'crash', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) },
      );
    });
}
