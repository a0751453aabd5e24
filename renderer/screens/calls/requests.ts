import { useEffect, useRef } from 'react';
import { useNavigation } from '../../navigation.ts';

// Global shortcuts of the call console (F2 start, F3 hold, F4 end, Alt+N…) are declared in the
// screen registry as requests to the console screen (see navigation.ts). They are actions, not
// just focus moves, so each request runs once: a console mounted again later (navigating back)
// must never replay an old "start a call".

/** Request objects already served (each request is a new object; the Shell may remount). */
const handled = new WeakSet<object>();

export function useRequests(handlers: Readonly<Record<string, () => void>>, ready: boolean): void {
  const { pendingFocus } = useNavigation();
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!ready || !pendingFocus || handled.has(pendingFocus)) return;
    const run = ref.current[pendingFocus.target];
    if (!run) return;
    handled.add(pendingFocus);
    run();
  }, [pendingFocus, ready]);
}
