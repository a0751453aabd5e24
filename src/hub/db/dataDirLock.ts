import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from '../../platform/processAlive.ts';
import { AppError } from '../../errors.ts';

// One process at a time on a PGlite folder. PGlite is PostgreSQL in one process with no shared
// memory between processes: a second process opening the folder while `relais-hub serve` holds
// it (`relais-hub devices revoke`, `status`, `report`, `directory import`, another `serve`)
// writes over the first one's files, and after a crash the hub no longer starts ("could not
// locate a valid checkpoint record": seen in the federation tests). The lock is a file created
// exclusively, holding the owner's pid; a lock whose process is gone (kill -9, power cut) is
// taken over. A PostgreSQL hub needs none: PostgreSQL serves many processes itself.

export const LOCK_FILE = 'relais-hub.lock';


/** Takes the folder's lock for this process, or refuses naming the process that holds it. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        // Only our own lock: never a successor's.
        if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = readPid(file);
      if (pid !== null && pid !== process.pid && processAlive(pid)) {
        throw new AppError('Conflict', 'hub.dataDirInUse', { dir: dataDir, pid });
      }
      if (pid === process.pid) throw new AppError('Conflict', 'hub.dataDirInUse', { dir: dataDir, pid });
      // The holder is gone (or the file is unreadable): a stale lock, removed and taken again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('Conflict', 'hub.dataDirInUse', { dir: dataDir, pid: readPid(file) ?? 0 });
}

function readPid(file: string): number | null {
  try {
    const n = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}
