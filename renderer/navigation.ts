import { createContext, useContext, useEffect, useRef } from 'react';

// Navigation carries its parameters (issue 13, point 6): "open this call in the console",
// "schedule a callback from this call", "open this callback" travel with the move to the
// screen instead of through module variables. Two kinds:
// - a request (`focus` + optional `params`): an action for the screen to serve once
//   ("Ctrl+K: the directory search box", "F2: start a call"), even when that screen is not
//   mounted yet — it waits until it is;
// - the screen's own parameters (`screenParams`): what the screen shows, kept by the Shell while
//   the responder is elsewhere (the console's call survives going to the directory and back).

export type ScreenParams = Readonly<Record<string, string>>;

export interface ScreenRequest {
  readonly target: string;
  readonly seq: number;
  readonly params: ScreenParams;
}

export interface Navigation {
  /** `params` without `focus`: a request named after the screen (e.g. 'console' with a callId). */
  go(screenId: string, focus?: string, params?: ScreenParams): void;
  pendingFocus: ScreenRequest | null;
  /** True the first time a request is served, false after (a screen mounted again must not replay it). */
  serve(request: ScreenRequest): boolean;
  /** A screen's kept parameters, and how it changes them. */
  screenParams(screenId: string): ScreenParams;
  setScreenParams(screenId: string, params: ScreenParams): void;
}

const NONE: ScreenParams = {};

export const NavigationContext = createContext<Navigation>({ go: () => {}, pendingFocus: null, serve: () => false, screenParams: () => NONE, setScreenParams: () => {} });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/**
 * Focus something when a request names it. A focus move is repeated by a screen mounted again
 * while the request is the latest; `first` says whether this is the request's first serving
 * (its params are an action to take once).
 */
export function useFocusRequest(target: string, focus: (params: ScreenParams, first: boolean) => void): void {
  const { pendingFocus, serve } = useNavigation();
  const handled = useRef(-1);
  const fn = useRef(focus);
  fn.current = focus;
  useEffect(() => {
    if (pendingFocus && pendingFocus.target === target && pendingFocus.seq !== handled.current) {
      handled.current = pendingFocus.seq;
      fn.current(pendingFocus.params, serve(pendingFocus));
    }
  }, [pendingFocus, target, serve]);
}
