import { useEffect, useRef } from 'react';
import { type ScreenParams, useNavigation } from '../../navigation.ts';

// Global shortcuts of the call console (F2 start, F3 hold, F4 end, Alt+N…) are declared in the
// screen registry as requests to the console screen (see navigation.ts). They are actions, not
// just focus moves, so each request runs once (the Shell's serve()): a console mounted again
// later (navigating back) must never replay an old "start a call".
export function useRequests(handlers: Readonly<Record<string, (params: ScreenParams) => void>>, ready: boolean): void {
  const { pendingFocus, serve } = useNavigation();
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!ready || !pendingFocus) return;
    const run = ref.current[pendingFocus.target];
    if (!run || !serve(pendingFocus)) return;
    run(pendingFocus.params);
  }, [pendingFocus, ready, serve]);
}
