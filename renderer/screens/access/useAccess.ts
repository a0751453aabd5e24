import { useEffect, useState } from 'react';
import type { AccessStatus } from '../../../src/contract/accessContract.ts';
import { invoke, onEvent } from '../../bridge.ts';

/** The session as main sees it (signed-in profile, lock, delay), refreshed by `access.changed`. */
export function useAccess(storeOpen: boolean): [AccessStatus | null, (s: AccessStatus) => void] {
  const [status, setStatus] = useState<AccessStatus | null>(null);
  useEffect(() => {
    if (!storeOpen) return;
    void invoke('access.status', {}).then((r) => r.ok && setStatus(r.value));
    return onEvent('access.changed', setStatus);
  }, [storeOpen]);
  return [status, setStatus];
}

const ACTIVITY_EVERY_MS = 20_000;

/** Tells main the user is there (keys, pointer), at most every 20 s: main decides the idle lock. */
export function useActivityHeartbeat(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const beat = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_EVERY_MS) return;
      last = now;
      void invoke('access.activity', {});
    };
    window.addEventListener('keydown', beat, true);
    window.addEventListener('pointerdown', beat, true);
    return () => {
      window.removeEventListener('keydown', beat, true);
      window.removeEventListener('pointerdown', beat, true);
    };
  }, [active]);
}
