import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { BASE_CONTEXT, guardContext, type GuardContext } from '../../../src/domain/identifyingData.ts';
import { useOperation } from '../../data/useOperation.ts';

// The anonymity guard's knowledge of the directory, fetched once per sign-in from main and
// shared by every guarded field: a service named after a person ("Pierre d'Angle") is then not
// flagged as a name. Until it arrives (or outside a session) the guard knows the communes only.

const Context = createContext<GuardContext>(BASE_CONTEXT);

export function GuardContextProvider({ children }: { children: ReactNode }) {
  // Fresh until a sign-in or a feed applied says otherwise (data/invalidation.ts).
  const names = useOperation('guard.knownNames', {}, { staleTime: Infinity }).data?.names;
  const context = useMemo(() => (names ? guardContext(names) : BASE_CONTEXT), [names]);
  return <Context.Provider value={context}>{children}</Context.Provider>;
}

export function useGuardContext(): GuardContext {
  return useContext(Context);
}
