import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { invoke, onEvent } from '../../bridge.ts';

export type DirectoryStatus = OutputOf<'directory.status'>;

// Whether the directory is empty (say how to get the line's one) and which services are the
// bundled demonstration (fictitious numbers: every screen showing them carries the banner).
// Refreshed when the feed applies a directory and when a screen asks (after an import).
let shared: DirectoryStatus | null = null;
const subscribers = new Set<(s: DirectoryStatus | null) => void>();

export function refreshDirectoryStatus(): void {
  void invoke('directory.status', {}).then((r) => {
    shared = r.ok ? r.value : null;
    for (const s of subscribers) s(shared);
  });
}

export function useDirectoryStatus(): DirectoryStatus | null {
  const [status, setStatus] = useState<DirectoryStatus | null>(shared);
  const update = useCallback((s: DirectoryStatus | null) => setStatus(s), []);
  useEffect(() => {
    subscribers.add(update);
    refreshDirectoryStatus();
    const off = onEvent('feed.status', refreshDirectoryStatus);
    return () => {
      subscribers.delete(update);
      off();
    };
  }, [update]);
  return status;
}
