import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from '../platform/processAlive.ts';

// The app's hold on its data folder (issue 12). Electron's single-instance lock keeps a second
// app away, but lives in Electron's own profile folder, which relais-admin cannot see. So the
// running app also writes `relais.lock` (its pid) into the data folder and removes it on quit;
// `relais-admin restore` refuses while a live process holds it. A lock left by a crash names a
// dead process and is ignored.

export const INSTANCE_LOCK_FILE = 'relais.lock';

export interface InstanceHolder {
  pid: number;
  shell: string;
  startedAt: string;
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, INSTANCE_LOCK_FILE);
}


/** Marks the data folder as held by this process; the returned function lets go (only of our own lock). */
export function holdInstanceLock(dataDir: string, shell: string, now: Date = new Date()): () => void {
  const file = lockPath(dataDir);
  const mine: InstanceHolder = { pid: process.pid, shell, startedAt: now.toISOString() };
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${JSON.stringify(mine)}\n`, { mode: 0o600 });
  } catch {
    // A read-only or missing folder is reported by the store itself; the lock is best effort.
    return () => {};
  }
  return () => {
    try {
      const held = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<InstanceHolder>;
      if (held.pid === mine.pid && held.startedAt === mine.startedAt) fs.rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  };
}

/** The live process holding the data folder, or null (no lock, unreadable, or its process is gone). */
export function instanceHolder(dataDir: string): InstanceHolder | null {
  let held: Partial<InstanceHolder>;
  try {
    held = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as Partial<InstanceHolder>;
  } catch {
    return null;
  }
  if (typeof held.pid !== 'number' || !Number.isSafeInteger(held.pid) || held.pid <= 0) return null;
  return processAlive(held.pid) ? { pid: held.pid, shell: String(held.shell ?? 'app'), startedAt: String(held.startedAt ?? '') } : null;
}
