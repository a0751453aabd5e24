import { createContext, useContext, useEffect, useRef } from 'react';

// Lets a global shortcut ask a screen to focus something ("Ctrl+K: the directory search box"),
// even when that screen is not mounted yet: the request waits until it is.
export interface Navigation {
  go(screenId: string, focus?: string): void;
  pendingFocus: { target: string; seq: number } | null;
}

export const NavigationContext = createContext<Navigation>({ go: () => {}, pendingFocus: null });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

export function useFocusRequest(target: string, focus: () => void): void {
  const { pendingFocus } = useNavigation();
  const handled = useRef(-1);
  const fn = useRef(focus);
  fn.current = focus;
  useEffect(() => {
    if (pendingFocus && pendingFocus.target === target && pendingFocus.seq !== handled.current) {
      handled.current = pendingFocus.seq;
      fn.current();
    }
  }, [pendingFocus, target]);
}
