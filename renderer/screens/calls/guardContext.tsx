import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { BASE_CONTEXT, guardContext, type GuardContext } from '../../../src/domain/identifyingData.ts';
import { invoke, onEvent } from '../../bridge.ts';

// The anonymity guard's knowledge of the directory, fetched once per sign-in from main and
// shared by every guarded field: a service named after a person ("Pierre d'Angle") is then not
// flagged as a name. Until it arrives (or outside a session) the guard knows the communes only.

const Context = createContext<GuardContext>(BASE_CONTEXT);

export function GuardContextProvider({ children }: { children: ReactNode }) {
  const [context, setContext] = useState<GuardContext>(BASE_CONTEXT);
  useEffect(() => {
    let alive = true;
    const load = () => {
      void invoke('guard.knownNames', {}).then((r) => {
        if (alive && r.ok) setContext(guardContext(r.value.names));
      });
    };
    load();
    const off = onEvent('access.changed', (a) => {
      if (a.profile) load();
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return <Context.Provider value={context}>{children}</Context.Provider>;
}

export function useGuardContext(): GuardContext {
  return useContext(Context);
}
