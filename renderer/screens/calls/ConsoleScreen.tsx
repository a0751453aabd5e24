import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_REQUEST_KINDS, type NoRequestKind } from '../../../src/contract/callSchemas.ts';
import { formatCallTime } from '../../../src/domain/duration.ts';
import { call, OperationError } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useReadNow } from '../../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useNavigation } from '../../navigation.ts';
import { SaveTracker } from './autosave.ts';
import { errorPayload, useCallSession } from './callSession.ts';
import { CallBar, FlaggedNotice, NoRequestBar, RestoredNotice, StartPanel } from './ConsoleParts.tsx';
import { redactFocusedField } from './guard.ts';
import { NotesPanel, type NotesPanelHandle } from './NotesPanel.tsx';
import { ProfilePicker } from './ProfilePicker.tsx';
import './calls.css';
import { RecordForm, type RecordFormHandle } from './RecordForm.tsx';
import { useRequests } from './requests.ts';
import { useShift, useShiftActions } from './shift.ts';
import { useMainNow } from './mainClock.ts';

// The call console: where a responder spends the shift. F2 starts a call from anywhere; the
// timer (main's) stays visible; notes and the record autosave; F4 ends the call; Alt+C closes
// the record. The call shown survives navigation (the console's screen parameters, kept by
// the Shell) and a crash (main's store). History and home open a call here with a request
// named 'console' carrying its callId (and notice 'reopened').

/** Interrupted calls whose last entry is older than this offer to end at that entry. */
const STALE_MS = 5 * 60_000;

export function ConsoleScreen() {
  const { t } = useTranslation('calls');
  const { loaded, profile } = useShift();
  const [startRequested, setStartRequested] = useState(false);
  // F2 before anyone signed in: remember it, start right after the sign-in.
  useRequests({ 'calls.start': () => setStartRequested(true) }, loaded && !profile);
  if (!loaded) return <p aria-busy="true">{t('console.loading')}</p>;
  if (!profile) return <ProfilePicker />;
  return <Console key={profile.id} startRequested={startRequested} onStartHandled={() => setStartRequested(false)} />;
}

function Console({ startRequested, onStartHandled }: { startRequested: boolean; onStartHandled: () => void }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const { profile, active } = useShift();
  const shift = useShiftActions();
  const session = useCallSession();
  const { state, view, latest, dispatch, run, busy } = session;
  const { loading } = state;
  const readNow = useReadNow();
  const tracker = useMemo(() => new SaveTracker(), [view?.id]);
  const navigation = useNavigation();
  const { setScreenParams } = navigation;
  // The call shown, kept by the Shell while the responder is on another screen.
  const keptCallId = useRef(navigation.screenParams('console').callId ?? null);
  const setShown = useCallback((callId: string | null) => setScreenParams('console', callId ? { callId } : {}), [setScreenParams]);
  const trackerRef = useRef(tracker);
  trackerRef.current = tracker;
  const notesRef = useRef<NotesPanelHandle>(null);
  const formRef = useRef<RecordFormHandle>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  // Focus moves once React has drawn the state that holds the target (same dispatch), never before.
  useEffect(() => {
    if (!state.focus) return;
    if (state.focus === 'composer') notesRef.current?.focusComposer();
    else ({ close: closeRef, start: startRef, keep: keepRef })[state.focus].current?.focus();
    dispatch({ type: 'focus', target: null });
  }, [state.focus, dispatch]);

  const { read } = session;
  const load = useCallback(
    async (callId: string) => {
      try {
        const v = await read(callId);
        setShown(v.id);
        const restored = v.status === 'active' && shift.wasRestored(v.id);
        if (restored) shift.markSeen(v.id);
        dispatch({ type: 'shown', callId: v.id, restored });
      } catch (e) {
        setShown(null);
        dispatch({ type: 'notShown', error: errorPayload(e) });
      }
    },
    [read, setShown, shift, dispatch],
  );

  // On arrival: the call shown before, else the call in progress (restored after a restart),
  // both as main holds them now.
  useEffect(() => {
    let live = true;
    void (async () => {
      const current = await readNow('calls.current', {}).catch(() => null);
      const id = keptCallId.current ?? current?.call?.id ?? null;
      if (id && live) await load(id);
      if (live) dispatch({ type: 'arrived' });
    })();
    return () => {
      live = false;
    };
  }, [load, dispatch, readNow]);

  // A call in progress appears (started from another window or restored): show it when idle.
  useEffect(() => {
    if (!loading && active && !view) void load(active.id);
  }, [active, view, loading, load]);

  const focusComposer = () => dispatch({ type: 'focus', target: 'composer' });

  const start = () =>
    run(async () => {
      const current = shift.active();
      if (current) {
        if (latest().callId !== current.id) await load(current.id);
        focusComposer();
        return;
      }
      await trackerRef.current.flushAll();
      const v = await shift.startCall();
      session.put(v);
      setShown(v.id);
      dispatch({ type: 'started', callId: v.id });
    });

  useEffect(() => {
    if (startRequested && !loading) {
      onStartHandled();
      void start();
    }
  });

  const hold = () =>
    run(async () => {
      const v = session.current();
      if (!v || v.status !== 'active') return;
      const a = shift.active();
      const running = (a?.id === v.id ? a.timer : v.timer).running;
      const timer = await call(running ? 'calls.pause' : 'calls.resume', { callId: v.id });
      shift.setTimer(v.id, timer);
      session.setTimer(v.id, timer);
    });

  const end = (at: 'now' | 'lastActivity' = 'now') =>
    run(async () => {
      const v = session.current();
      if (!v || v.status !== 'active') return;
      await trackerRef.current.flushAll();
      const ended = await call('calls.end', { callId: v.id, at });
      await shift.refresh();
      session.put(ended);
      dispatch({ type: 'ended', message: t('console.ended', { duration: formatCallTime(ended.durationMs) }) });
    });

  /** A close refused for identifying text shows what was found; anything else is an error. */
  const flaggedOr = (e: unknown, kind: NoRequestKind | null, lookedFor = '') => {
    if (e instanceof OperationError && e.payload.code === 'Conflict' && e.payload.issues?.length) dispatch({ type: 'flagged', issues: e.payload.issues, kind, lookedFor });
    else throw e;
  };

  const close = (keepFlagged = false) =>
    run(async () => {
      const v = session.current();
      if (!v || v.status === 'closed') return;
      const values = await formRef.current?.validate();
      if (!values) return dispatch({ type: 'incomplete', message: t('console.incomplete') });
      await trackerRef.current.flushAll();
      try {
        if (v.status === 'active') session.put(await call('calls.end', { callId: v.id, at: 'now' }));
        const closed = await call('calls.close', { callId: v.id, record: values, keepFlagged });
        await shift.refresh();
        setShown(null);
        dispatch({ type: 'closed', message: t('console.closed', { duration: formatCallTime(closed.durationMs), time: formatDateTime(closed.timer.startedAt, lang, { timeStyle: 'short' }) }) });
      } catch (e) {
        flaggedOr(e, null);
      }
    });

  const closeWithoutRequest = (kind: NoRequestKind, keepFlagged = false, whom = '') =>
    run(async () => {
      const v = session.current();
      if (!v || v.status === 'closed' || !v.editable) return;
      await trackerRef.current.flushAll();
      try {
        const closed = await call('calls.closeWithoutRequest', { callId: v.id, kind, keepFlagged, ...(kind === 'out_of_scope' && whom.trim() ? { lookedFor: whom.trim() } : {}) });
        await shift.refresh();
        setShown(null);
        dispatch({ type: 'closed', message: t('console.closedNoRequest', { kind: t(`reportLabels:noRequest.${kind}`), duration: formatCallTime(closed.durationMs) }) });
      } catch (e) {
        flaggedOr(e, kind, whom);
      }
    });

  const noRequest = (kind: NoRequestKind) => {
    const v = session.current();
    if (!v || v.status === 'closed' || !v.editable) return;
    if (kind === 'out_of_scope') dispatch({ type: 'askLookedFor', ask: true });
    else void closeWithoutRequest(kind);
  };

  const reopen = () =>
    run(async () => {
      const v = session.current();
      if (!v) return;
      session.put(await call('calls.reopen', { callId: v.id }));
      dispatch({ type: 'message', message: t('console.reopened') });
    });

  const leave = () => {
    setShown(null);
    dispatch({ type: 'left' });
  };

  useRequests(
    {
      // History's "complete" / "reopen" and the home board's records to finish.
      console: ({ callId, notice }) =>
        void run(async () => {
          if (!callId) return;
          await load(callId);
          if (notice === 'reopened') dispatch({ type: 'message', message: t('console.reopened') });
        }),
      'calls.start': () => void start(),
      'calls.note': focusComposer,
      'calls.hold': () => void hold(),
      'calls.end': () => void end(),
      'calls.themes': () => formRef.current?.focus('themes'),
      'calls.interventions': () => formRef.current?.focus('interventions'),
      'calls.referral': () => formRef.current?.focus('referral'),
      'calls.redact': redactFocusedField,
      'calls.close': () => void close(),
      ...Object.fromEntries(NO_REQUEST_KINDS.map((k) => [`calls.noRequest.${k}`, () => noRequest(k)])),
    },
    !loading,
  );

  const signOut = async () => {
    try {
      await shift.signOut();
    } catch (e) {
      dispatch({ type: 'failed', error: errorPayload(e) });
    }
  };

  const timer = view ? (active?.id === view.id ? active.timer : view.timer) : null;
  const mainNow = useMainNow(state.restored);
  const stale = !!view && !!timer && view.status === 'active' && (mainNow ?? Date.parse(timer.now)) - Date.parse(view.lastActivityAt) > STALE_MS;

  return (
    <section className="console" aria-labelledby="console-title" aria-busy={busy}>
      <header className="screen-header">
        <h1 id="console-title">{t('console.title')}</h1>
        <div className="on-shift">
          <span>{t('console.onShift', { name: profile?.displayName, centre: profile?.centre })}</span>
          <button type="button" className="ghost small" onClick={() => void signOut()} disabled={view?.status === 'active'}>
            {t('console.signOut')}
          </button>
        </div>
      </header>
      <ErrorMessage error={state.error} />
      {state.message && <p className="notice" role="status">{state.message}</p>}
      {loading ? (
        <p aria-busy="true">{t('console.loading')}</p>
      ) : !view ? (
        <StartPanel startRef={startRef} onStart={() => void start()} onOpen={(id) => void load(id)} />
      ) : (
        <div className="call" data-call-id={view.id} data-status={view.status}>
          <CallBar
            view={view}
            running={timer?.running === true}
            closeRef={closeRef}
            tracker={tracker}
            on={{ hold: () => void hold(), end: () => void end(), close: () => void close(), reopen: () => void reopen(), next: () => void start(), leave, callback: () => navigation.go('callbacks', 'callbacks.new', { callId: view.id }) }}
          />
          {view.editable && view.status !== 'closed' && (
            <NoRequestBar
              asking={state.askLookedFor}
              onKind={noRequest}
              onSubmit={(whom) => void closeWithoutRequest('out_of_scope', false, whom)}
              onCancel={() => dispatch({ type: 'askLookedFor', ask: false })}
            />
          )}
          {state.restored && <RestoredNotice view={view} stale={stale} onEndAtLastActivity={() => void end('lastActivity')} />}
          {state.flagged && (
            <FlaggedNotice
              count={state.flagged.issues.length}
              keepRef={keepRef}
              onKeep={() => {
                const flagged = latest().flagged;
                void (flagged?.kind ? closeWithoutRequest(flagged.kind, true, flagged.lookedFor) : close(true));
              }}
              onReview={() => dispatch({ type: 'review' })}
            />
          )}
          {!view.editable && view.status !== 'closed' && <p className="hint">{t('console.readOnly', { name: view.responderName })}</p>}
          <div className="call-panes">
            <NotesPanel key={`notes-${view.id}`} ref={notesRef} callId={view.id} initial={view.notes} editable={view.editable} tracker={tracker} />
            <RecordForm key={`record-${view.id}-${view.status === 'closed' ? 'c' : 'o'}`} ref={formRef} callId={view.id} record={view.record} editable={view.editable} tracker={tracker} />
          </div>
        </div>
      )}
    </section>
  );
}
