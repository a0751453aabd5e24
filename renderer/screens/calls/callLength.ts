import { useEffect, useState } from 'react';
import { invoke } from '../../bridge.ts';

// When the call timer changes colour (issue 16): neutral at 00:00 and for an ordinary call,
// amber then red only past the lengths the machine config sets (default 30 and 60 minutes).

export interface CallLengths {
  amber: number;
  red: number;
}

const DEFAULTS: CallLengths = { amber: 30, red: 60 };
let cached: CallLengths | null = null;
let loading: Promise<CallLengths> | null = null;

function load(): Promise<CallLengths> {
  loading ??= invoke('config.get', {}).then((r) => (cached = r.ok ? r.value.values.callLengthMinutes : DEFAULTS));
  return loading;
}

export function useCallLengths(): CallLengths {
  const [value, setValue] = useState<CallLengths>(cached ?? DEFAULTS);
  useEffect(() => {
    let live = true;
    void load().then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, []);
  return value;
}

export function lengthLevel(elapsedMs: number, l: CallLengths): 'normal' | 'long' | 'veryLong' {
  const minutes = elapsedMs / 60_000;
  return minutes >= l.red ? 'veryLong' : minutes >= l.amber ? 'long' : 'normal';
}
