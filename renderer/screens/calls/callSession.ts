import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { CallView } from '../../../src/contract/callsContract.ts';
import type { NoRequestKind } from '../../../src/contract/callSchemas.ts';
import type { ErrorIssue, ErrorPayload } from '../../../src/errors.ts';
import { OperationError } from '../../bridge.ts';

// The call console's session as one reducer (issue 13, point 6): the call shown, what the
// console says, the close refused for identifying text, the "looked for" question, and where
// the keyboard goes next. ConsoleScreen runs the actions; its parts only render this state.

export type FocusTarget = 'composer' | 'close' | 'start' | 'keep';

export interface CallSessionState {
  view: CallView | null;
  loading: boolean;
  error: ErrorPayload | null;
  message: string | null;
  /** A close refused for identifying text: "close anyway" repeats it (kind: a close without request). */
  flagged: { issues: ErrorIssue[]; kind: NoRequestKind | null } | null;
  /** The call in progress was found after a restart, not started in this window. */
  restored: boolean;
  /** Out of scope: asking (optionally) whom the caller was looking for before closing. */
  askLookedFor: boolean;
  lookedFor: string;
  /** Where the focus goes once React has drawn the state that holds the target. */
  focus: FocusTarget | null;
}

export type CallSessionAction =
  | { type: 'arrived' }
  | { type: 'shown'; view: CallView; restored: boolean }
  | { type: 'notShown'; error: ErrorPayload }
  | { type: 'started'; view: CallView }
  | { type: 'changed'; view: CallView }
  | { type: 'timer'; timer: CallView['timer'] }
  | { type: 'ended'; view: CallView; message: string }
  | { type: 'closed'; message: string }
  | { type: 'flagged'; issues: ErrorIssue[]; kind: NoRequestKind | null }
  | { type: 'review' }
  | { type: 'incomplete'; message: string }
  | { type: 'left' }
  | { type: 'message'; message: string | null }
  | { type: 'failed'; error: ErrorPayload }
  | { type: 'askLookedFor'; ask: boolean }
  | { type: 'lookedFor'; text: string }
  | { type: 'focus'; target: FocusTarget | null };

export const INITIAL_SESSION: CallSessionState = { view: null, loading: true, error: null, message: null, flagged: null, restored: false, askLookedFor: false, lookedFor: '', focus: null };

export function callSessionReducer(s: CallSessionState, a: CallSessionAction): CallSessionState {
  switch (a.type) {
    case 'arrived':
      return { ...s, loading: false };
    case 'shown':
      return { ...s, view: a.view, error: null, restored: s.restored || a.restored };
    case 'notShown':
      return { ...s, view: null, error: a.error };
    case 'started':
      return { ...s, view: a.view, restored: false, message: null, flagged: null, focus: 'composer' };
    case 'changed':
      return { ...s, view: a.view };
    case 'timer':
      return s.view ? { ...s, view: { ...s.view, timer: a.timer } } : s;
    case 'ended':
      // The End button is gone: keep the keyboard in the flow, on "Close the record".
      return { ...s, view: a.view, restored: false, message: a.message, focus: 'close' };
    case 'closed':
      return { ...s, view: null, flagged: null, askLookedFor: false, lookedFor: '', message: a.message, focus: 'start' };
    case 'flagged':
      return { ...s, flagged: { issues: a.issues, kind: a.kind }, focus: 'keep' };
    case 'review':
      return { ...s, flagged: null, focus: 'composer' };
    case 'incomplete':
      // The form focused its first error: nothing else may take the focus now.
      return { ...s, message: a.message, focus: null };
    case 'left':
      return { ...s, view: null, message: null, focus: 'start' };
    case 'message':
      return { ...s, message: a.message };
    case 'failed':
      return { ...s, error: a.error };
    case 'askLookedFor':
      return a.ask ? { ...s, askLookedFor: true } : { ...s, askLookedFor: false, focus: 'composer' };
    case 'lookedFor':
      return { ...s, lookedFor: a.text };
    case 'focus':
      return { ...s, focus: a.target };
  }
}

export interface CallSession {
  state: CallSessionState;
  /** The latest state, already updated by a dispatch React has not drawn yet (actions read it). */
  latest(): CallSessionState;
  dispatch(a: CallSessionAction): void;
  /** Runs an action after the ones before it (F4 then Alt+C typed fast: end, then close). */
  run(action: () => Promise<void>): Promise<void>;
  busy: boolean;
}

/** The reducer with a synchronous view of its state, and the console's serial actions. */
export function useCallSession(): CallSession {
  const [state, setState] = useState(INITIAL_SESSION);
  const ref = useRef(INITIAL_SESSION);
  const dispatch = useCallback((a: CallSessionAction) => {
    ref.current = callSessionReducer(ref.current, a);
    setState(ref.current);
  }, []);
  const latest = useCallback(() => ref.current, []);
  // One mutation scope: TanStack Query runs the console's actions one after the other.
  const actions = useMutation({ mutationFn: (action: () => Promise<void>) => action(), scope: { id: 'call-session' } });
  const { mutateAsync } = actions;
  const run = useCallback(
    (action: () => Promise<void>) =>
      mutateAsync(action).catch((e: unknown) => dispatch({ type: 'failed', error: e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) } })),
    [mutateAsync, dispatch],
  );
  return { state, latest, dispatch, run, busy: actions.isPending };
}
