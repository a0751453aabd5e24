import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../../platform/clock.ts';
import { createBackup, verifyBackupFile } from '../../store/backup.ts';
import { CLI_ACTOR, writeAudit } from '../../store/auditLog.ts';
import { assertBackupFolder, backupFileName, policyFromStore } from '../../store/backupSchedule.ts';
import { configBackupPolicy, configProblemText } from '../../config/machineConfig.ts';
import { AppError } from '../../errors.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';
import { askPassphrase, explainWrongPassphrase } from '../passphrase.ts';
import { isAppError } from '../../errors.ts';

export const backupCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('backup')
    .description('Write an encrypted, verified backup (.relaisbak: database + key file, opens with the recovery passphrase). Without --out, into the backup folder (a configured backup.folder that does not exist is not created: exit 1).')
    .option('--out <file>', 'backup file to create (refused if it exists)')
    .action(async (opts: { out?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      const config = ctx.config();
      if (config.safeMode && !opts.out) {
        // backup.folder cannot be trusted while the file is invalid: never quietly use the default folder.
        throw new AppError('ConfigInvalid', 'config.backupFolderUnusable', { problem: configProblemText(config) });
      }
      const passphrase = await askPassphrase(undefined, ctx.env);
      const session = await openStoreForCli(dataDir, ctx, passphrase);
      let info;
      try {
        const now = systemClock.now();
        const policy = { ...policyFromStore(session), ...configBackupPolicy(config) };
        if (!opts.out) assertBackupFolder(policy);
        const out = opts.out ? path.resolve(opts.out) : path.join(policy.folder, backupFileName(now, 'manual'));
        info = createBackup(session.database(), session.files, out, { reason: 'manual', now, createFolder: !!opts.out || !policy.configured });
        writeAudit(session.database(), now, CLI_ACTOR, 'backup.create', { reason: 'manual', source: 'relais-admin', bytes: info.bytes });
      } finally {
        session.close();
      }
      // An independent reopen: passphrase -> the backup's own key file -> key -> integrity check.
      try {
        verifyBackupFile(info.file, passphrase.value);
      } catch (e) {
        fs.rmSync(info.file, { force: true });
        throw isAppError(e) ? explainWrongPassphrase(e, passphrase, 'backup') : e;
      }
      emit(ctx.io, g.json, { ok: true, ...info, verified: true }, () => `Backup written and verified: ${info.file} (${(info.bytes / 1024).toFixed(0)} KiB, schema v${info.schemaVersion}).`);
      ctx.setExit(EXIT_OK);
    });
};
