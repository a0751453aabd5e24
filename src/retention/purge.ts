import type { Logger } from '../log/logger.ts';
import type { PurgeContext, PurgeStep, PurgeStepReport, RetentionPolicy } from '../services/purgeStep.ts';
import type { Db } from '../store/openDatabase.ts';
import { type AuditActor, writeAudit } from '../store/auditLog.ts';
import { withSecureDelete } from './secureDelete.ts';
import { defaultConfigValues } from '../config/configSchema.ts';

// Data minimisation: personal data that has outlived its purpose is deleted by a list of purge
// steps, each owning one kind of data and its own retention rule. The callbacks issue brings
// the first step (callback phone numbers); the access & retention issue adds its own (notes…)
// to the list in src/app/purgeSteps.ts (steps are typed in src/services/purgeStep.ts). The app runs the steps hourly (src/app/periodicJobs.ts); IT runs them with
// `relais-admin purge [--dry-run]`. Reports and logs carry step names and counts only.

export interface PurgeReport {
  at: string;
  dryRun: boolean;
  steps: PurgeStepReport[];
  total: number;
}

/**
 * Runs every purge step (each in its own transaction) or, with `dryRun`, plans them. Freed
 * space is zeroed (`secure_delete`) and the WAL checkpointed, so a deleted number does not
 * linger in free pages or old WAL frames of the live store.
 */
export interface PurgeOptions {
  steps: readonly PurgeStep[];
  dryRun?: boolean;
  log?: Logger;
  policy?: RetentionPolicy;
  actor?: AuditActor;
}

export function runPurge(db: Db, now: Date, opts: PurgeOptions): PurgeReport {
  const dryRun = opts.dryRun ?? false;
  const ctx: PurgeContext = { db, now, policy: opts.policy ?? defaultConfigValues().purge };
  const steps: PurgeStepReport[] = [];
  for (const step of opts.steps) {
    const report = dryRun ? step.plan(ctx) : withSecureDelete(db, () => db.transaction(() => step.apply(ctx))());
    steps.push(report);
    // Step name and count only: never what was deleted. Quiet when there was nothing to do.
    if (report.count > 0) opts.log?.info('purge.step', { step: step.name, count: report.count, dryRun });
  }
  const total = steps.reduce((n, s) => n + s.count, 0);
  if (!dryRun && total > 0) {
    // The audit log keeps that a purge ran, by whom, and its counts per step: never what went.
    writeAudit(db, now, opts.actor ?? { profileId: null, actor: 'system', role: null }, 'purge.apply', {
      count: total,
      steps: steps.filter((s) => s.count > 0).map((s) => `${s.step}:${s.count}`).join(','),
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { at: now.toISOString(), dryRun, steps, total };
}
