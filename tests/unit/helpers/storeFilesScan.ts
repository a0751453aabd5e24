import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Walks a folder: every regular file with its bytes' hash, to prove "no byte changed".
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) out[path.relative(dir, p)] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Every file under `dir` (recursively) whose bytes contain one of `needles` (as UTF-8). */
export function filesContaining(dir: string, needles: Array<string | Buffer>): string[] {
  const hits: string[] = [];
  const bufs = needles.map((n) => (typeof n === 'string' ? Buffer.from(n, 'utf8') : n));
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        const bytes = fs.readFileSync(p);
        if (bufs.some((b) => bytes.includes(b))) hits.push(path.relative(dir, p));
      }
    }
  };
  walk(dir);
  return hits;
}

export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
