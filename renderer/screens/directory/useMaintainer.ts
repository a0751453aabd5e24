import { useCallback, useEffect, useState } from 'react';
import { invoke, onEvent } from '../../bridge.ts';

/** Whether the signed-in profile keeps the directory (main decides), and the "to verify" count. */
export function useMaintainer(): { maintainer: boolean; toVerify: number; refresh: () => void } {
  const [state, setState] = useState({ maintainer: false, toVerify: 0 });
  const refresh = useCallback(() => {
    void invoke('directory.maintainerStatus', {}).then((r) => setState(r.ok ? r.value : { maintainer: false, toVerify: 0 }));
  }, []);
  useEffect(() => {
    refresh();
    return onEvent('access.changed', refresh);
  }, [refresh]);
  return { ...state, refresh };
}
