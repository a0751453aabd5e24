import type { EventName, EventPayload, Role } from '../contract/index.ts';
import type { ConfigState } from '../config/configSchema.ts';
import type { Logger } from '../log/logger.ts';
import type { Clock } from '../platform/clock.ts';
import type { FileSaver } from './fileSaver.ts';
import type { PurgeStep } from './purgeStep.ts';
import type { StoreSession } from '../store/storeSession.ts';
import type { ScryptParams } from '../store/keyring.ts';

export type Shell = 'electron' | 'harness' | 'cli';

/** The signed-in profile and the lock (issue 8); main's memory, never the renderer's word. */
export interface SessionState {
  profileId: string | null;
  role: Role | null;
  /** Locked: everything but status and unlock is refused; a call in progress goes on in main. */
  locked?: boolean;
  lockedAt?: string | null;
  lockReason?: 'idle' | 'os' | 'manual' | null;
  /** The last user activity (clock ms), for the idle lock. */
  lastActivityMs?: number | null;
}

/** What every handler receives: the one store, the clock, the event emitter and the session. */
export interface Services {
  store: StoreSession;
  clock: Clock;
  log: Logger;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  app: { version: string; shell: Shell; runtime: string };
  /** The signed-in profile; profiles arrive with the call console and access issues. */
  session: SessionState;
  /** The purge's steps, one per kind of personal data (listed in src/app/purgeSteps.ts). */
  purgeSteps: readonly PurgeStep[];
  /** The machine configuration read at start (defaults when none; safe mode when invalid). */
  config: ConfigState;
  /** scrypt cost for PIN and passphrase hashes (tests record cheaper ones). */
  secretScrypt?: ScryptParams;
  /**
   * Writes an export where the user says (Electron's save dialog), or where the shell chose (the
   * harness's folder, the CLI's --out); null when the user cancelled. Absent where nothing is
   * saved: the export operations then refuse (export.noSaver).
   */
  saveFile?: FileSaver | null;
  /** The hub sync of this core (issue 14); absent where no core runs (bare unit tests). */
  hubSync?: HubSyncControl;
}

/** The hub sync of a core (src/sync/syncScheduler.ts implements it; declared here so services stays below the domain). */
export interface HubSyncControl {
  syncNow(): Promise<{ pushed: number; pulled: number; pending: number }>;
  tick(): void;
  afterOperation(): void;
  stop(): void;
}
