import type { storeContract } from '../contract/storeContract.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';
import { readBackupHeader, type RestoreResult, restoreBackup, verifyBackupFile } from '../store/backup.ts';
import { accessStatus } from '../access/accessSession.ts';
import { writeAudit } from '../store/auditLog.ts';
import { BackupScheduler, listBackups, policyFromStore } from '../store/backupSchedule.ts';
import { configBackupPolicy } from '../config/machineConfig.ts';
import { passphraseChange } from '../store/restoreNotice.ts';

/** The name and centre of whoever restores: the signed-in supervisor, or the recovery screen (nobody signed in) at this machine's centre. */
function restoreActor(s: Services, c: HandlerContext): { actor: string; role: 'responder' | 'supervisor' | null; centre: string | null } {
  if (c.actor) return { actor: c.actor.displayName, role: c.actor.role, centre: c.actor.centre };
  return { actor: 'recovery screen (not signed in)', role: null, centre: s.config.values.centreName };
}

function signOutEveryone(s: Services): void {
  s.session.profileId = null;
  s.session.role = null;
  s.session.locked = false;
  s.session.lockedAt = null;
  s.session.lockReason = null;
  s.session.lastActivityMs = null;
}

function scheduler(s: Services): BackupScheduler {
  // The machine config (IT) sets the backup folder and retention over the store's own settings.
  return new BackupScheduler({ store: s.store, clock: s.clock, log: s.log, policy: configBackupPolicy(s.config) });
}

export const storeHandlers: HandlerMap<typeof storeContract> = {
  'store.backupNow': (_input, s) => scheduler(s).backupNow('manual'),
  'store.listBackups': (_input, s) => {
    const policy = { ...policyFromStore(s.store), ...configBackupPolicy(s.config) };
    return { folder: policy.folder, keep: policy.keep, backups: listBackups(policy.folder) };
  },
  'store.verifyBackup': ({ file, passphrase }, s) => {
    const v = verifyBackupFile(file, passphrase);
    s.log.info('backup.verified', { schemaVersion: v.header.schemaVersion });
    return { file: v.file, storeId: v.header.storeId, createdAt: v.header.createdAt, schemaVersion: v.header.schemaVersion };
  },
  'store.restoreBackup': async ({ file, passphrase, force }, s, c) => {
    if (s.store.isInitialised() && !force) {
      throw new AppError('StoreExists', 'store.exists');
    }
    // A wrong passphrase or a damaged backup is refused while the live store is still open.
    verifyBackupFile(file, passphrase);
    // Restoring an older backup brings back its passphrase: said to the user (issue 19).
    const passphraseNotice = passphraseChange(s.store.files.keyring, readBackupHeader(file).header.keyring, passphrase);
    // Who restores, read before the live store closes: the restored store may not know them.
    const who = restoreActor(s, c);
    // The open handle must go before its files are moved; if the swap fails, the live store
    // is reopened as it was (its key kept in memory meanwhile), and the session goes on.
    const suspended = s.store.isOpen() ? s.store.suspend() : null;
    let r: RestoreResult;
    try {
      r = restoreBackup({ file, dataDir: s.store.files.dataDir, passphrase, force, now: s.clock.now() });
    } catch (e) {
      if (suspended) {
        try {
          suspended.resume();
        } catch (reopen) {
          s.log.error('backup.restore_reopen_failed', { error: (reopen as Error).message });
        }
        s.emit('store.status', s.store.status());
      }
      throw e;
    }
    suspended?.release();
    s.log.info('backup.restored', { schemaVersion: r.schemaVersion, replaced: r.replacedDir !== null, passphraseChanged: passphraseNotice.changed });
    // Everyone is signed out: the session is rebuilt from the restored store, whose profiles
    // may differ (issue 12). The restore is the first line of the restored store's audit log.
    signOutEveryone(s);
    const status = await s.store.unlock(passphrase);
    writeAudit(s.store.database(), s.clock.now(), { profileId: null, actor: who.actor, role: who.role }, 'backup.restore', {
      source: 'app',
      reason: r.replacedDir ? 'replaced' : 'new',
      from: r.createdAt,
      centre: who.centre,
    });
    s.emit('store.status', status);
    s.emit('access.changed', accessStatus(s));
    return { restoredFrom: file, createdAt: r.createdAt, replacedDir: r.replacedDir, status, passphraseChanged: passphraseNotice.changed };
  },
  'store.changePassphrase': async ({ oldPassphrase, newPassphrase }, s) => {
    if (oldPassphrase === newPassphrase) throw new AppError('InvalidInput', 'store.samePassphrase', {}, [{ path: 'newPassphrase', message: 'must differ from the current one' }]);
    await s.store.changePassphrase(oldPassphrase, newPassphrase);
    s.log.info('store.passphrase_changed', {});
    return { changed: true as const };
  },
};
