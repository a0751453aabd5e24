import fs from 'node:fs';
import path from 'node:path';
import { type ReasonKey, type ReasonParams, reasonText } from '../domain/i18n.ts';
import { AppError } from '../errors.ts';

// The data folder is 0700 and its files 0600, owned by the account that made them. Another OS
// account sees nothing inside (existsSync says "no"), so without this check a wrong account
// looked like "no store yet" and init tried to write over someone else's records. Here the
// owner is named instead ("run Relais and relais-admin as X"), before anything reads or writes.

export interface OwnershipProbe {
  /** The effective user id of this process; null where ids do not apply (Windows). */
  euid(): number | null;
  /** The account name of a user id, or null when unknown. */
  accountName(uid: number): string | null;
}

/** /etc/passwd (Linux) then `uid N`; Windows has no numeric owners here. */
export const systemOwnershipProbe: OwnershipProbe = {
  euid: () => (typeof process.geteuid === 'function' ? process.geteuid() : null),
  accountName: (uid) => {
    try {
      for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
        const [name, , id] = line.split(':');
        if (name && Number(id) === uid) return name;
      }
    } catch {
      /* no passwd file (macOS directory services, Windows) */
    }
    return null;
  },
};

export interface FileOwnership {
  name: string;
  /** Owner account name, else `uid N`; null on Windows. */
  owner: string | null;
  uid: number | null;
  /** Permission bits as octal text, e.g. `0700`. */
  mode: string;
}

export interface DataFolderReport {
  path: string;
  exists: boolean;
  folder: FileOwnership | null;
  files: FileOwnership[];
  /** Why this account cannot use the folder, in English (doctor, logs); null when it can (or the folder does not exist yet). */
  problem: string | null;
  /** The same, as a reason a screen translates. */
  reason: { key: ReasonKey; params: ReasonParams } | null;
}

function setProblem(report: DataFolderReport, key: ReasonKey, params: ReasonParams): void {
  report.reason = { key, params };
  report.problem = reasonText(key, params);
}

const STORE_FILE_NAMES = ['relais.db', 'relais.db-wal', 'relais.db-shm', 'keyring.json'];

function describe(file: string, stat: fs.Stats, probe: OwnershipProbe): FileOwnership {
  const windows = process.platform === 'win32';
  const uid = windows ? null : stat.uid;
  return { name: path.basename(file), uid, owner: uid === null ? null : (probe.accountName(uid) ?? `uid ${uid}`), mode: `0${(stat.mode & 0o777).toString(8)}` };
}

/** Owner and mode of the data folder and of the store files this account can see. Never throws. */
export function inspectDataFolder(dataDir: string, probe: OwnershipProbe = systemOwnershipProbe): DataFolderReport {
  const report: DataFolderReport = { path: dataDir, exists: false, folder: null, files: [], problem: null, reason: null };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dataDir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') setProblem(report, 'store.folderUnexaminable', { dir: dataDir, code: code ?? 'error' });
    return report;
  }
  report.exists = true;
  report.folder = describe(dataDir, stat, probe);
  const me = probe.euid();
  const foreign = (f: FileOwnership) => me !== null && f.uid !== null && f.uid !== me;
  if (foreign(report.folder)) {
    setProblem(report, 'store.wrongAccount', wrongAccountParams(dataDir, report.folder.owner ?? 'another account', probe, me));
  }
  for (const name of STORE_FILE_NAMES) {
    const file = path.join(dataDir, name);
    try {
      report.files.push(describe(file, fs.statSync(file), probe));
    } catch {
      /* absent, or hidden by the folder's permissions */
    }
  }
  const other = report.files.find(foreign);
  if (!report.problem && other) setProblem(report, 'store.wrongAccount', wrongAccountParams(path.join(dataDir, other.name), other.owner ?? 'another account', probe, me));
  if (!report.problem) {
    try {
      fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    } catch {
      // Windows (no numeric owner) or an ACL: the folder is there but this account may not use it.
      setProblem(report, 'store.folderNotOpenable', { dir: dataDir });
    }
  }
  return report;
}

function wrongAccountParams(target: string, owner: string, probe: OwnershipProbe, me: number | null): ReasonParams {
  return { owner, file: target, self: me === null ? '' : ` (${probe.accountName(me) ?? `uid ${me}`})` };
}

/** Throws WrongAccount when the data folder exists but belongs to another account. */
export function assertDataFolderAccess(dataDir: string, probe: OwnershipProbe = systemOwnershipProbe): void {
  const r = inspectDataFolder(dataDir, probe);
  if (r.reason) throw new AppError('WrongAccount', r.reason.key, r.reason.params);
}
