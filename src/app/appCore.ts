import type { EventName, EventPayload } from '../contract/index.ts';
import { handlers } from '../handlers/index.ts';
import { type Logger, silentLogger } from '../log/logger.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { createRouter, type Router } from '../router/router.ts';
import type { Services, Shell } from '../services/services.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { ScryptParams } from '../store/keyring.ts';
import type { ConfigState } from '../config/configSchema.ts';
import { noConfigState } from '../config/machineConfig.ts';
import type { FileSaver } from '../services/fileSaver.ts';
import type { OsKeystore } from '../store/osKeystore.ts';
import { StoreSession } from '../store/storeSession.ts';
import { holdInstanceLock } from '../store/instanceLock.ts';
import type { Db } from '../store/openDatabase.ts';
import { seedDemoDirectory } from '../directory/demo/seedDemoDirectory.ts';
import { APP_VERSION } from './appVersion.ts';
import type { AppError } from '../errors.ts';
import { recordAppOpened } from '../store/storeOpener.ts';
import { lockIfIdle, lockSession } from '../access/accessSession.ts';
import { AUDIT_IN_WRITE, auditedInTransaction, auditOperation } from '../access/auditedOperations.ts';
import { PURGE_STEPS } from './purgeSteps.ts';
import { createSyncScheduler } from '../sync/syncScheduler.ts';
import { announcingAudit, createAuditAnnouncer } from './auditAnnouncer.ts';
import { createPeriodicJobs, type PeriodicJobs, type PeriodicTickReport } from './periodicJobs.ts';

export interface AppCoreOptions {
  dataDir: string;
  shell: Shell;
  clock?: Clock;
  log?: Logger;
  osKeystore?: OsKeystore | null;
  scrypt?: ScryptParams;
  validateOutput?: boolean;
  /** Seed the bundled demo directory into a store this core creates (app and harness). */
  seedDemo?: boolean;
  /** The machine configuration main read at start (loadMachineConfig); defaults when absent. */
  config?: ConfigState;
  /** config.json cannot be read (main): the store stays blocked, nothing is opened or created. */
  blockedBy?: AppError;
  /** Lock an idle session at tick (default true; harness journeys that jump a fake clock by days turn it off). */
  idleLock?: boolean;
  /** Where exports are written (main: a save dialog; harness: its folder; CLI: --out). See services/fileSaver.ts. */
  saveFile?: FileSaver;
}

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface AppCore {
  router: Router;
  services: Services;
  /** Opens the store with the OS keystore when possible; otherwise leaves it locked. */
  start(): Promise<void>;
  onEvent(listener: EventListener): () => void;
  /**
   * Runs what is due at the clock's now (callback reminders, the retention purge). Shells call
   * it every few seconds; it also runs as soon as the store opens. Not an operation: the
   * renderer cannot call it, and the harness drives it after moving a ManualClock.
   */
  tick(): PeriodicTickReport;
  jobs: PeriodicJobs;
  /** Locks the session at once (main: OS screen lock or suspend). Not an operation. */
  lockSession(reason: 'os' | 'manual'): void;
  shutdown(): void;
}

// Everything the Electron main process, the Chromium harness and the CLI share: one store
// session, one router over the one handler map, one event bus. Shells only add transport.
export function createAppCore(opts: AppCoreOptions): AppCore {
  const listeners = new Set<EventListener>();
  const clock = opts.clock ?? systemClock;
  const store = new StoreSession({
    dataDir: opts.dataDir,
    osKeystore: opts.osKeystore ?? null,
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    ...(opts.seedDemo ? { onCreated: (db: Db) => void seedDemoDirectory(db, clock.now()) } : {}),
    ...(opts.blockedBy ? { blockedBy: opts.blockedBy } : {}),
    // The app (not the CLI) records its version: relais-admin refuses to upgrade past it (doctor shows it).
    ...(opts.shell !== 'cli' ? { onOpened: (db: Db) => recordAppOpened(db, APP_VERSION, clock.now()) } : {}),
  });
  const log = opts.log ?? silentLogger;
  const services: Services = {
    store,
    clock,
    log,
    emit(name, payload) {
      for (const l of listeners) {
        try {
          l(name, payload);
        } catch (e) {
          log.warn('event.listener_failed', { event: name, error: (e as Error).message });
        }
      }
    },
    app: { version: APP_VERSION, shell: opts.shell, runtime: `node ${process.versions.node}${process.versions.electron ? `, electron ${process.versions.electron}` : ''}` },
    session: { profileId: null, role: null, locked: false, lockedAt: null, lockReason: null, lastActivityMs: null },
    ...(opts.scrypt ? { secretScrypt: opts.scrypt } : {}),
    config: opts.config ?? noConfigState(),
    purgeSteps: PURGE_STEPS,
    ...(opts.saveFile ? { saveFile: opts.saveFile } : {}),
  };
  services.hubSync = createSyncScheduler({ store, clock, log, onStatus: (status) => services.emit('hub.status', status), onPulled: (counts) => services.emit('hub.pulled', counts) });
  const hubSync = services.hubSync;
  // Operations whose entry went into their own write transaction (AUDIT_IN_WRITE): not again after.
  const auditedInWrite = new WeakSet<HandlerContext>();
  const announceAudit = createAuditAnnouncer(services);
  const routerBare = createRouter(handlers, services, {
    validateOutput: opts.validateOutput ?? false,
    // An audited change and its entry are one transaction (issue 13); see access/auditedOperations.ts.
    transactionFor: (name) => (auditedInTransaction(name) && store.isOpen() ? (work) => store.database().transaction(work)() : null),
    auditedWriteFor: (name, input, s, context) =>
      AUDIT_IN_WRITE.has(name) && store.isOpen() && !auditedInWrite.has(context)
        ? (work) =>
            store.database().transaction(() => {
              const result = work();
              auditOperation(name, input, result, s, context);
              auditedInWrite.add(context);
              return result;
            })()
        : null,
    afterSuccess: (name, input, value, s, context) => {
      if (!auditedInWrite.has(context)) auditOperation(name, input, value, s, context);
      // A change to shared data went to the outbox in the operation's transaction: the hub
      // hears of it about a second later (debounced), not at the next tick.
      try {
        hubSync.afterOperation();
      } catch (e) {
        log.warn('hub.schedule_failed', { error: (e as Error).message });
      }
    },
  });
  const router = announcingAudit(routerBare, announceAudit);
  const jobs = createPeriodicJobs(services);
  // A clock moved by hand (tests, the harness) tells the window, whose timer does not tick on it.
  const offClock = clock.onMove?.((now) => services.emit('clock.moved', { now: now.toISOString() })) ?? null;
  // The app (Electron, harness) holds its data folder while it runs: relais-admin restore
  // refuses meanwhile (issue 12). The CLI's own cores do not.
  let releaseInstance: (() => void) | null = null;
  // The store just opened (start, unlock, first run, restore): reminders missed while the app
  // was closed are announced now, not at the next ticker beat.
  listeners.add((name, payload) => {
    if (name === 'store.status' && (payload as EventPayload<'store.status'>).state === 'open') jobs.tick();
  });
  return {
    router,
    services,
    async start() {
      // A blocked store (config unreadable, another account's folder) is not held: nothing is written there.
      if (opts.shell !== 'cli' && !releaseInstance && !store.blocked()) releaseInstance = holdInstanceLock(opts.dataDir, opts.shell, clock.now());
      const status = await store.tryAutoUnlock();
      services.emit('store.status', status);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tick: () => {
      // The idle lock first: a reminder announced now is for a locked screen.
      if (store.isOpen() && opts.idleLock !== false) {
        try {
          lockIfIdle(services);
        } catch (e) {
          log.error('session.idle_lock_failed', { error: (e as Error).message });
        }
      }
      const report = jobs.tick();
      try {
        hubSync.tick();
      } catch (e) {
        log.error('hub.tick_failed', { error: (e as Error).message });
      }
      // The idle lock, the purge, a backup or the CLI may have written to the audit log.
      announceAudit();
      return report;
    },
    lockSession: (reason) => {
      if (store.isOpen()) lockSession(services, reason);
      announceAudit();
    },
    jobs,
    shutdown() {
      offClock?.();
      hubSync.stop();
      store.close();
      releaseInstance?.();
      releaseInstance = null;
    },
  };
}
