// Injected everywhere time matters, so tests (and the harness) can move time by hand.
export interface Clock {
  now(): Date;
  /**
   * Only for a clock that moves when told to (tests, the harness): calls back on each move.
   * The system clock has none: it flows by itself, and the renderer's timer ticks on its own
   * from main's offset (calls.clock); a told clock's moves are pushed instead (clock.moved).
   */
  onMove?(listener: (now: Date) => void): () => void;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: for tests and the harness's fake time. */
export class ManualClock implements Clock {
  private t: number;
  private readonly listeners = new Set<(now: Date) => void>();
  constructor(start: Date | string | number) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(to: Date | string | number): void {
    this.t = new Date(to).getTime();
    this.moved();
  }
  advance(ms: number): void {
    this.t += ms;
    this.moved();
  }
  onMove(listener: (now: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private moved(): void {
    for (const l of this.listeners) l(this.now());
  }
}
