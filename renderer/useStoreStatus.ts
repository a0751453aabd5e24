import { useCallback, useEffect, useState } from 'react';
import type { StoreStatusView } from '../src/contract/systemContract.ts';
import { invoke, onEvent } from './bridge.ts';

/** The store's state as main sees it, refreshed by the `store.status` event. */
export function useStoreStatus(): { status: StoreStatusView | null; setStatus: (s: StoreStatusView) => void; refresh: () => void } {
  const [status, setStatus] = useState<StoreStatusView | null>(null);
  const refresh = useCallback(() => {
    void invoke('store.status', {}).then((r) => {
      if (r.ok) setStatus(r.value);
    });
  }, []);
  useEffect(() => {
    refresh();
    return onEvent('store.status', setStatus);
  }, [refresh]);
  return { status, setStatus, refresh };
}
