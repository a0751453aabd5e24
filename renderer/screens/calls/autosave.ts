import { useSyncExternalStore } from 'react';

// Autosave: every change is committed by main within AUTOSAVE_DEBOUNCE_MS of the last
// keystroke (well inside the 500 ms promise), and at least every AUTOSAVE_MAX_WAIT_MS while the
// responder keeps typing. Saves of one field run one after the other (never two in flight, so
// they cannot land out of order); a failed save is retried. The "saved" state is only reached
// when main's answer came back ok: it means committed to the encrypted store.

export const AUTOSAVE_DEBOUNCE_MS = 250;
export const AUTOSAVE_MAX_WAIT_MS = 1000;
const RETRY_MS = 2000;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** Aggregates every saver of a call into one indicator. */
export class SaveTracker {
  private savers = new Set<{ flush(): Promise<void> }>();
  private busy = new Set<object>();
  private failed = new Set<object>();
  private lastSavedAt: Date | null = null;
  private listeners = new Set<() => void>();
  private snapshot: { state: SaveState; savedAt: Date | null } = { state: 'idle', savedAt: null };

  update(saver: object, state: SaveState): void {
    if (state === 'pending' || state === 'saving') this.busy.add(saver);
    else this.busy.delete(saver);
    if (state === 'error') this.failed.add(saver);
    else if (state !== 'pending' && state !== 'saving') this.failed.delete(saver);
    if (state === 'saved') this.lastSavedAt = new Date();
    const next: SaveState = this.failed.size ? 'error' : this.busy.size ? 'saving' : this.lastSavedAt ? 'saved' : 'idle';
    if (next !== this.snapshot.state || this.snapshot.savedAt !== this.lastSavedAt) {
      this.snapshot = { state: next, savedAt: this.lastSavedAt };
      for (const l of this.listeners) l();
    }
  }

  register(saver: { flush(): Promise<void> }): void {
    this.savers.add(saver);
  }

  unregister(saver: { flush(): Promise<void> }): void {
    this.savers.delete(saver);
    this.update(saver, 'idle');
  }

  /** Commits everything pending in every field of the call (before ending or closing it). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.savers].map((s) => s.flush()));
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  get = () => this.snapshot;
}

export function useSaveState(tracker: SaveTracker): { state: SaveState; savedAt: Date | null } {
  return useSyncExternalStore(tracker.subscribe, tracker.get);
}

export class SerialSaver<T> {
  private latest: T | undefined;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt: number | null = null;
  private disposed = false;
  private readonly save: (value: T) => Promise<void>;
  private readonly tracker: SaveTracker | null;
  private readonly onState: ((s: SaveState) => void) | undefined;

  constructor(save: (value: T) => Promise<void>, tracker: SaveTracker | null, onState?: (s: SaveState) => void) {
    this.save = save;
    this.tracker = tracker;
    this.onState = onState;
  }

  private holders = 0;

  /** A component starts using this saver (effects call retain on mount, release on unmount). */
  retain(): void {
    this.holders++;
    this.disposed = false;
    this.tracker?.register(this);
  }

  /** Flushes what is pending, then lets the saver go if nobody retained it meanwhile. */
  release(): void {
    this.holders = Math.max(0, this.holders - 1);
    void this.flush().finally(() => {
      if (this.holders === 0) this.dispose();
    });
  }

  /** A new value to save: committed AUTOSAVE_DEBOUNCE_MS after the last call. */
  schedule(value: T): void {
    this.latest = value;
    this.dirty = true;
    this.setState('pending');
    const now = performance.now();
    this.firstPendingAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = now - this.firstPendingAt >= AUTOSAVE_MAX_WAIT_MS ? 0 : AUTOSAVE_DEBOUNCE_MS;
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves now whatever is pending and resolves once main committed it (or it failed). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (!this.dirty) return;
    this.dirty = false;
    this.firstPendingAt = null;
    const value = this.latest as T;
    this.setState('saving');
    let ok = true;
    let retry = true;
    this.inFlight = this.save(value).catch((e: unknown) => {
      ok = false;
      // Errors a retry cannot fix (the call was closed elsewhere, invalid data) are not retried.
      retry = !(e instanceof Error && (e as Error & { retry?: boolean }).retry === false);
    });
    await this.inFlight;
    this.inFlight = null;
    if (!ok) {
      this.dirty = true;
      this.setState('error');
      if (!this.disposed && retry) this.timer = setTimeout(() => void this.flush(), RETRY_MS);
      return;
    }
    if (this.dirty) {
      this.setState('pending');
      await this.flush();
    } else this.setState('saved');
  }

  get pending(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  /** Stops timers; pending changes are flushed first by the caller when they matter. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.tracker?.unregister(this);
  }

  private setState(s: SaveState): void {
    this.tracker?.update(this, s);
    this.onState?.(s);
  }
}
