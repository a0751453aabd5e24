import type { storeContract } from '../contract/storeContract.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from '../router/handlers.ts';
import type { Services } from '../router/services.ts';
import { restoreBackup, verifyBackupFile } from '../store/backup.ts';
import { BackupScheduler, listBackups, policyFromStore } from '../store/backupSchedule.ts';
import { configBackupPolicy } from '../config/machineConfig.ts';

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
  'store.restoreBackup': async ({ file, passphrase, force }, s) => {
    if (s.store.isInitialised() && !force) {
      throw new AppError('StoreExists', 'store.exists');
    }
    // The open handle must go before its files are moved; a wrong passphrase is refused first.
    verifyBackupFile(file, passphrase);
    s.store.close();
    const r = restoreBackup({ file, dataDir: s.store.files.dataDir, passphrase, force, now: s.clock.now() });
    s.log.info('backup.restored', { schemaVersion: r.schemaVersion, replaced: r.replacedDir !== null });
    const status = await s.store.unlock(passphrase);
    s.emit('store.status', status);
    return { restoredFrom: file, createdAt: r.createdAt, replacedDir: r.replacedDir, status };
  },
  'store.changePassphrase': async ({ oldPassphrase, newPassphrase }, s) => {
    if (oldPassphrase === newPassphrase) throw new AppError('InvalidInput', 'store.samePassphrase', {}, [{ path: 'newPassphrase', message: 'must differ from the current one' }]);
    await s.store.changePassphrase(oldPassphrase, newPassphrase);
    s.log.info('store.passphrase_changed', {});
    return { changed: true as const };
  },
};
