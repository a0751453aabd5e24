import { useOperation } from '../../data/useOperation.ts';

// When the call timer changes colour (issue 16): neutral at 00:00 and for an ordinary call,
// amber then red only past the lengths the machine config sets (default 30 and 60 minutes).

export interface CallLengths {
  amber: number;
  red: number;
}

const DEFAULTS: CallLengths = { amber: 30, red: 60 };

export function useCallLengths(): CallLengths {
  // The machine config is read once per start of main: it never goes stale in a window.
  return useOperation('config.get', {}, { staleTime: Infinity }).data?.values.callLengthMinutes ?? DEFAULTS;
}

export function lengthLevel(elapsedMs: number, l: CallLengths): 'normal' | 'long' | 'veryLong' {
  const minutes = elapsedMs / 60_000;
  return minutes >= l.red ? 'veryLong' : minutes >= l.amber ? 'long' : 'normal';
}
