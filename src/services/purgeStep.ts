import type { Db } from '../store/openDatabase.ts';

// What a purge step is (src/retention runs them; each domain that owns personal data brings
// its own step; src/app/purgeSteps.ts lists them). A leaf of types, so a domain module can
// offer a step without importing the retention runner, and the runner without the domains.

/** The retention ceilings of the machine configuration (`purge.*` in config.json). */
export interface RetentionPolicy {
  callbackNumberRetentionDays: number;
  notesRetentionMonths: number;
}

export interface PurgeContext {
  db: Db;
  now: Date;
  policy: RetentionPolicy;
}

export interface PurgeStepReport {
  step: string;
  description: string;
  /** How many items were (or, in a dry run, would be) purged. */
  count: number;
  /** The oldest item concerned (its closing time), for IT's eyes; never its content. */
  oldest: string | null;
  /** The retention rule applied, in words ("30 days after closing"). */
  rule: string;
}

export interface PurgeStep {
  name: string;
  description: string;
  /** What `apply` would purge now, changing nothing. */
  plan(ctx: PurgeContext): PurgeStepReport;
  /** Purges and reports; runs inside a transaction opened by runPurge. */
  apply(ctx: PurgeContext): PurgeStepReport;
}
