import fs from 'node:fs';
import path from 'node:path';
import type { LogSink } from './logger.ts';

// Size-rotated log files in the data folder: relais.log, relais.1.log … relais.<keep>.log.
export function rotatingFileSink(dir: string, opts: { maxBytes?: number; keep?: number; name?: string } = {}): LogSink {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const keep = opts.keep ?? 5;
  const name = opts.name ?? 'relais';
  const file = path.join(dir, `${name}.log`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return (line) => {
    const data = `${line}\n`;
    try {
      if (size + data.length > maxBytes) {
        for (let i = keep - 1; i >= 1; i--) {
          const from = path.join(dir, `${name}.${i}.log`);
          if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, `${name}.${i + 1}.log`));
        }
        if (fs.existsSync(file)) fs.renameSync(file, path.join(dir, `${name}.1.log`));
        size = 0;
      }
      fs.appendFileSync(file, data, { mode: 0o600 });
      size += data.length;
    } catch {
      // Logging must never take the app down (full disk, read-only folder).
    }
  };
}
