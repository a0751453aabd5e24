import { useEffect, useReducer } from 'react';
import type { TimerView } from '../../../src/contract/callsContract.ts';
import { useOperation } from '../../data/useOperation.ts';

// main's clock as the window knows it: an anchor (main's now when asked, `calls.clock`) plus the
// time gone by here since. The system clock flows, so the window ticks every second on its own;
// a clock moved by hand (tests, the harness) does not flow and announces each move (clock.moved,
// which makes `calls.clock` stale). Nothing polls main.

const TICK_MS = 1000;

/** main's clock now (ms), re-rendering every second while it flows; null until known. */
export function useMainNow(enabled = true): number | null {
  const clock = useOperation('calls.clock', {}, { staleTime: Infinity, enabled });
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const flows = clock.data?.flows === true;
  useEffect(() => {
    if (!flows) return;
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [flows]);
  if (!clock.data) return null;
  const anchor = Date.parse(clock.data.now);
  return flows ? anchor + (Date.now() - clock.dataUpdatedAt) : anchor;
}

/** Talk time at main's `now` from the timer's anchors (main's own figures when it stands still). */
export function elapsedAt(timer: TimerView, now: number | null): number {
  if (!timer.running || now === null) return timer.elapsedMs;
  return timer.elapsedMs + Math.max(0, now - Date.parse(timer.now));
}
