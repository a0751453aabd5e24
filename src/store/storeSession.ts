import fs from 'node:fs';
import { AppError, type ErrorPayload, isAppError } from '../errors.ts';
import { latestVersion, migrate, schemaVersion } from './migrate.ts';
import { type Db, openDatabase } from './openDatabase.ts';
import { mapStoreError } from './sqliteErrors.ts';
import {
  type Keyring,
  type ScryptParams,
  checkPassphraseStrength,
  newDataKey,
  newKeyring,
  readKeyring,
  unwrapWithPassphrase,
  wrapWithPassphrase,
  writeKeyring,
} from './keyring.ts';
import { INSECURE_BACKENDS, type OsKeystore } from './osKeystore.ts';
import { type StoreFiles, storeFiles } from './storeFiles.ts';
import { type OwnershipProbe, inspectDataFolder } from './dataFolderAccess.ts';

// `blocked`: no store may be opened or created here — config.json cannot be read (the data folder
// is unknown) or the data folder belongs to another OS account. `problem` says which.
export type StoreState = 'uninitialised' | 'locked' | 'open' | 'blocked';

export interface StoreStatus {
  state: StoreState;
  dataDir: string;
  storeId: string | null;
  /** Why the store could not be opened automatically (wrong key, keystore changed, damaged…). */
  problem: ErrorPayload | null;
  keystore: { available: boolean; backend: string | null; note: string | null };
}

export interface StoreSessionOptions {
  dataDir: string;
  osKeystore?: OsKeystore | null;
  /** Tests record cheaper scrypt parameters; the keyring always stores what was used. */
  scrypt?: ScryptParams;
  /** Hooks for later issues (e.g. seeding the demo directory once a store is created). */
  onCreated?: (db: Db) => void;
  /** Set by the shell when config.json cannot be read: nothing is opened or created (ConfigInvalid). */
  blockedBy?: AppError;
  /** Runs on an opened database before pending migrations (`from` < latest); may refuse by throwing. */
  beforeMigrate?: (db: Db, from: number) => void;
  /** Read-only look (doctor): never migrate; a store older than this code stays as it is. */
  noMigrate?: boolean;
  /** Runs each time the store opens (after migrations), e.g. to record which app version opened it. */
  onOpened?: (db: Db) => void;
  /** Who owns the data folder (tests inject one; the default asks the OS). */
  ownershipProbe?: OwnershipProbe;
}

/** The one owner of the open database handle and its key lifecycle. */
export class StoreSession {
  readonly files: StoreFiles;
  private db: Db | null = null;
  private keyring: Keyring | null = null;
  private problem: ErrorPayload | null = null;
  /** The OS wrap exists for this backend but did not open the store (e.g. a Windows profile reset). */
  private osWrapStale = false;
  private keystoreBackend: string | null = null;
  private keystoreNote: string | null = null;
  /**
   * A copy of the data key while the store is open (SQLite holds it anyway), so a restore that
   * fails after the close can reopen the live store without asking for its passphrase
   * (issue 12). Zeroed at close.
   */
  private heldKey: Buffer | null = null;
  private readonly opts: StoreSessionOptions;

  constructor(opts: StoreSessionOptions) {
    this.opts = opts;
    this.files = storeFiles(opts.dataDir);
  }

  isInitialised(): boolean {
    return fs.existsSync(this.files.keyring) || fs.existsSync(this.files.db);
  }

  isOpen(): boolean {
    return this.db !== null;
  }

  /** Why nothing may be opened or created here (config error, another account's folder), or null. */
  blocked(): AppError | null {
    if (this.db) return null;
    if (this.opts.blockedBy) return this.opts.blockedBy;
    const { reason } = inspectDataFolder(this.files.dataDir, this.opts.ownershipProbe);
    return reason ? new AppError('WrongAccount', reason.key, reason.params) : null;
  }

  private assertNotBlocked(): void {
    const b = this.blocked();
    if (b) throw b;
  }

  status(): StoreStatus {
    const blocked = this.blocked();
    if (blocked) {
      return { state: 'blocked', dataDir: this.files.dataDir, storeId: null, problem: blocked.toPayload(), keystore: { available: false, backend: this.keystoreBackend, note: this.keystoreNote } };
    }
    return {
      state: this.db ? 'open' : this.isInitialised() ? 'locked' : 'uninitialised',
      dataDir: this.files.dataDir,
      storeId: this.keyring?.storeId ?? null,
      problem: this.problem,
      keystore: { available: this.keystoreBackend !== null && !INSECURE_BACKENDS.has(this.keystoreBackend), backend: this.keystoreBackend, note: this.keystoreNote },
    };
  }

  /** The open database; every repository goes through here. */
  database(): Db {
    if (!this.db) throw new AppError('StoreLocked', 'store.locked');
    return this.db;
  }

  /** Creates a new empty store (keyring, then database) guarded by the recovery passphrase. */
  async init(passphrase: string): Promise<StoreStatus> {
    checkPassphraseStrength(passphrase);
    this.assertNotBlocked();
    if (this.isInitialised()) {
      throw new AppError('StoreExists', 'store.existsIn', { dir: this.files.dataDir });
    }
    fs.mkdirSync(this.files.dataDir, { recursive: true, mode: 0o700 });
    const dataKey = newDataKey();
    try {
      const keyring = newKeyring(dataKey, passphrase, this.opts.scrypt);
      await this.addOsWrap(keyring, dataKey);
      writeKeyring(this.files.keyring, keyring);
      const db = openDatabase(this.files.db, dataKey, { create: true });
      try {
        migrate(db);
        db.prepare('INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)').run('store_id', keyring.storeId, 'created_at', keyring.createdAt);
        this.opts.onCreated?.(db);
        this.opts.onOpened?.(db);
      } catch (e) {
        db.close();
        throw e;
      }
      this.db = db;
      this.heldKey = Buffer.from(dataKey);
      this.keyring = keyring;
      this.problem = null;
      return this.status();
    } catch (e) {
      // A half-made store would look "locked" forever: remove only what this call created.
      if (!this.db) {
        for (const f of [this.files.keyring, this.files.db, `${this.files.db}-wal`, `${this.files.db}-shm`]) fs.rmSync(f, { force: true });
      }
      throw e;
    } finally {
      dataKey.fill(0);
    }
  }

  /** Opens with the OS keystore wrap when there is one and the backend has not changed. */
  async tryAutoUnlock(): Promise<StoreStatus> {
    await this.probeKeystore();
    if (this.db || this.blocked() || !this.isInitialised()) return this.status();
    try {
      const keyring = readKeyring(this.files.keyring);
      this.keyring = keyring;
      const os = keyring.wraps.os;
      if (!os || !this.opts.osKeystore) return this.status();
      if (this.keystoreBackend !== os.backend) {
        throw new AppError(
          'KeyBackendChanged',
          'store.keystoreChanged', { was: os.backend, now: this.keystoreBackend ?? 'none' },
        );
      }
      let key: Buffer;
      try {
        key = await this.opts.osKeystore.unwrap(Buffer.from(os.blob, 'base64'));
      } catch (e) {
        this.osWrapStale = true;
        throw e;
      }
      try {
        this.openWith(key);
      } catch (e) {
        if (isAppError(e) && (e.code === 'WrongKey' || e.code === 'CorruptStore')) this.osWrapStale = true;
        throw e;
      } finally {
        key.fill(0);
      }
    } catch (e) {
      this.problem = (isAppError(e) ? e : new AppError('WrongKey', 'store.keystoreUnwrapFailed')).toPayload();
    }
    return this.status();
  }

  async unlock(passphrase: string): Promise<StoreStatus> {
    if (this.db) return this.status();
    this.assertNotBlocked();
    try {
      const keyring = readKeyring(this.files.keyring);
      const key = unwrapWithPassphrase(keyring, passphrase);
      this.keyring = keyring;
      try {
        this.openWith(key);
        // An explicit passphrase unlock is the moment to (re)wrap for the current OS keystore.
        await this.probeKeystore();
        // A stale wrap (same backend, but the OS key changed) is replaced too, or the next
        // start would ask for the passphrase again.
        if (this.keystoreUsable() && (keyring.wraps.os?.backend !== this.keystoreBackend || this.osWrapStale)) {
          await this.addOsWrap(keyring, key);
          writeKeyring(this.files.keyring, keyring);
          this.osWrapStale = false;
        }
      } finally {
        key.fill(0);
      }
      this.problem = null;
      return this.status();
    } catch (e) {
      if (isAppError(e)) this.problem = e.toPayload();
      throw e;
    }
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    checkPassphraseStrength(newPassphrase);
    const keyring = readKeyring(this.files.keyring);
    const key = unwrapWithPassphrase(keyring, oldPassphrase);
    try {
      keyring.wraps.passphrase = wrapWithPassphrase(key, newPassphrase, keyring.storeId, this.opts.scrypt);
      writeKeyring(this.files.keyring, keyring);
      this.keyring = keyring;
    } finally {
      key.fill(0);
    }
  }

  /**
   * Closes the store for a restore and keeps its key (issue 12): `resume()` reopens the same
   * store as it was if the restore fails; `release()` forgets the key once it succeeded.
   */
  suspend(): { resume(): void; release(): void } {
    const key = this.heldKey ? Buffer.from(this.heldKey) : null;
    const keyring = this.keyring;
    this.close();
    return {
      resume: () => {
        if (!key) throw new AppError('StoreLocked', 'store.closedForRestore');
        try {
          this.keyring = keyring;
          this.openWith(key);
          this.problem = null;
        } finally {
          key.fill(0);
        }
      },
      release: () => key?.fill(0),
    };
  }

  /** Checkpoints the WAL into the main file, refreshes statistics and closes. */
  close(): void {
    this.heldKey?.fill(0);
    this.heldKey = null;
    const db = this.db;
    if (!db) return;
    this.db = null;
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('optimize');
    } finally {
      db.close();
    }
  }

  private openWith(key: Buffer): void {
    let db: Db;
    try {
      db = openDatabase(this.files.db, key);
    } catch (e) {
      // The key came out of an authenticated wrap, so it is the right key for this key file:
      // a database that refuses it is damaged (page 1) or belongs to another key file.
      if (isAppError(e) && e.code === 'WrongKey') {
        throw new AppError(
          'CorruptStore',
          'store.databaseNotDecrypted', { file: this.files.db },
          undefined,
          { cause: e },
        );
      }
      throw e;
    }
    try {
      const from = schemaVersion(db);
      if (from > latestVersion()) migrate(db); // refuses a store newer than this code, with its message
      if (!this.opts.noMigrate && from < latestVersion()) {
        this.opts.beforeMigrate?.(db, from);
        migrate(db);
      }
      const storeId = db.prepare(`SELECT value FROM meta WHERE key = 'store_id'`).pluck().get() as string | undefined;
      if (this.keyring && storeId && storeId !== this.keyring.storeId) {
        throw new AppError('WrongKey', 'store.keyFileOtherStore');
      }
    } catch (e) {
      db.close();
      // A damaged page met while migrating or checking the store id is CorruptStore, not Internal.
      throw mapStoreError(e, this.files.db);
    }
    this.db = db;
    this.heldKey = Buffer.from(key);
    try {
      this.opts.onOpened?.(db);
    } catch {
      // Bookkeeping only (which app version opened the store): never a reason not to open.
    }
  }

  private keystoreUsable(): boolean {
    return this.keystoreBackend !== null && !INSECURE_BACKENDS.has(this.keystoreBackend);
  }

  private async probeKeystore(): Promise<void> {
    if (!this.opts.osKeystore || this.keystoreBackend !== null) return;
    try {
      this.keystoreBackend = await this.opts.osKeystore.backend();
      if (INSECURE_BACKENDS.has(this.keystoreBackend)) {
        this.keystoreNote = `The OS keystore backend "${this.keystoreBackend}" stores secrets in plain text; Relais refuses it and opens the store with the recovery passphrase instead. IT: install and unlock a keyring (gnome-keyring or KWallet).`;
      }
    } catch (e) {
      this.keystoreBackend = null;
      this.keystoreNote = `The OS keystore is unavailable (${(e as Error).message}); the store opens with the recovery passphrase.`;
    }
  }

  private async addOsWrap(keyring: Keyring, dataKey: Buffer): Promise<void> {
    await this.probeKeystore();
    if (!this.opts.osKeystore || !this.keystoreUsable()) return;
    const blob = await this.opts.osKeystore.wrap(dataKey);
    keyring.wraps.os = { backend: this.keystoreBackend as string, blob: blob.toString('base64') };
  }
}
