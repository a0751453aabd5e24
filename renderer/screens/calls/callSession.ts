import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { CallView } from '../../../src/contract/callsContract.ts';
import type { NoRequestKind } from '../../../src/contract/callSchemas.ts';
import type { ErrorIssue, ErrorPayload } from '../../../src/errors.ts';
import { OperationError } from '../../bridge.ts';
import { operationKey, useOperation, useReadNow } from '../../data/useOperation.ts';

// The call console's session as one reducer (issue 13, point 6): which call is shown, what the
// console says, the close refused for identifying text, the "looked for" question, and where
// the keyboard goes next. The call itself is main's `calls.get`, in the query cache: opened by a
// fresh read (the notes and record forms are seeded from what main holds now), updated by the
// actions' answers, refreshed by calls.changed. ConsoleScreen runs the actions; its parts only
// render this state.

/** A thrown error as the typed payload the screen explains. */
export function errorPayload(e: unknown): ErrorPayload {
  return e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) };
}

export type FocusTarget = 'composer' | 'close' | 'start' | 'keep';

export interface CallSessionState {
  /** The call shown (its calls.get is in the cache), or null. */
  callId: string | null;
  loading: boolean;
  error: ErrorPayload | null;
  message: string | null;
  /** A close refused for identifying text: "close anyway" repeats it (kind, lookedFor: a close without request). */
  flagged: { issues: ErrorIssue[]; kind: NoRequestKind | null; lookedFor: string } | null;
  /** The call in progress was found after a restart, not started in this window. */
  restored: boolean;
  /** Out of scope: asking (optionally) whom the caller was looking for before closing. */
  askLookedFor: boolean;
  /** Where the focus goes once React has drawn the state that holds the target. */
  focus: FocusTarget | null;
}

export type CallSessionAction =
  | { type: 'arrived' }
  | { type: 'shown'; callId: string; restored: boolean }
  | { type: 'notShown'; error: ErrorPayload }
  | { type: 'started'; callId: string }
  | { type: 'ended'; message: string }
  | { type: 'closed'; message: string }
  | { type: 'flagged'; issues: ErrorIssue[]; kind: NoRequestKind | null; lookedFor: string }
  | { type: 'review' }
  | { type: 'incomplete'; message: string }
  | { type: 'left' }
  | { type: 'message'; message: string | null }
  | { type: 'failed'; error: ErrorPayload }
  | { type: 'askLookedFor'; ask: boolean }
  | { type: 'focus'; target: FocusTarget | null };

const keyOf = (callId: string) => operationKey('calls.get', { callId });

export const INITIAL_SESSION: CallSessionState = { callId: null, loading: true, error: null, message: null, flagged: null, restored: false, askLookedFor: false, focus: null };

export function callSessionReducer(s: CallSessionState, a: CallSessionAction): CallSessionState {
  switch (a.type) {
    case 'arrived':
      return { ...s, loading: false };
    case 'shown':
      return { ...s, callId: a.callId, error: null, restored: s.restored || a.restored };
    case 'notShown':
      return { ...s, callId: null, error: a.error };
    case 'started':
      return { ...s, callId: a.callId, restored: false, message: null, flagged: null, focus: 'composer' };
    case 'ended':
      // The End button is gone: keep the keyboard in the flow, on "Close the record".
      return { ...s, restored: false, message: a.message, focus: 'close' };
    case 'closed':
      return { ...s, callId: null, flagged: null, askLookedFor: false, message: a.message, focus: 'start' };
    case 'flagged':
      return { ...s, flagged: { issues: a.issues, kind: a.kind, lookedFor: a.lookedFor }, focus: 'keep' };
    case 'review':
      return { ...s, flagged: null, focus: 'composer' };
    case 'incomplete':
      // The form focused its first error: nothing else may take the focus now.
      return { ...s, message: a.message, focus: null };
    case 'left':
      return { ...s, callId: null, message: null, focus: 'start' };
    case 'message':
      return { ...s, message: a.message };
    case 'failed':
      return { ...s, error: a.error };
    case 'askLookedFor':
      return a.ask ? { ...s, askLookedFor: true } : { ...s, askLookedFor: false, focus: 'composer' };
    case 'focus':
      return { ...s, focus: a.target };
  }
}

export interface CallSession {
  state: CallSessionState;
  /** The call shown, as the cache holds it (null while there is none). */
  view: CallView | null;
  /** The latest state, already updated by a dispatch React has not drawn yet (actions read it). */
  latest(): CallSessionState;
  /** The call shown as the cache holds it now, for actions that must not wait for a render. */
  current(): CallView | null;
  /** Asks main for a call now (the cache answers nothing): what opening it shows. */
  read(callId: string): Promise<CallView>;
  /** An action's answer (started, ended, reopened, a new timer) becomes the call shown's state. */
  put(view: CallView): void;
  setTimer(callId: string, timer: CallView['timer']): void;
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
  const client = useQueryClient();
  const readNow = useReadNow();
  // Only the opening read, the actions and main's events change it: no refetch on a re-render.
  const shown = useOperation('calls.get', { callId: state.callId ?? '' }, { enabled: state.callId !== null, staleTime: Infinity });
  const view = state.callId !== null && shown.data?.id === state.callId ? shown.data : null;
  const current = useCallback(() => {
    const id = ref.current.callId;
    return id === null ? null : (client.getQueryData<CallView>(keyOf(id)) ?? null);
  }, [client]);
  const read = useCallback((callId: string) => readNow('calls.get', { callId }), [readNow]);
  const put = useCallback((v: CallView) => void client.setQueryData<CallView>(keyOf(v.id), v), [client]);
  const setTimer = useCallback((callId: string, timer: CallView['timer']) => void client.setQueryData<CallView>(keyOf(callId), (v) => (v ? { ...v, timer } : v)), [client]);
  // One mutation scope: TanStack Query runs the console's actions one after the other.
  const actions = useMutation({ mutationFn: (action: () => Promise<void>) => action(), scope: { id: 'call-session' } });
  const { mutateAsync } = actions;
  const run = useCallback(
    (action: () => Promise<void>) =>
      mutateAsync(action).catch((e: unknown) => dispatch({ type: 'failed', error: errorPayload(e) })),
    [mutateAsync, dispatch],
  );
  return { state, view, latest, current, read, put, setTimer, dispatch, run, busy: actions.isPending };
}
