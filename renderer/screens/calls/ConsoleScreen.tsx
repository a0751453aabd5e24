import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../src/contract/callsContract.ts';
import { LOOKED_FOR_MAX_CHARS, NO_REQUEST_KINDS, type NoRequestKind } from '../../../src/contract/callSchemas.ts';
import { formatCallTime } from '../../../src/domain/duration.ts';
import type { ErrorIssue, ErrorPayload } from '../../../src/errors.ts';
import { call, invoke, OperationError } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useNavigation } from '../../navigation.ts';
import { SaveTracker } from './autosave.ts';
import { CallTimer } from './CallTimer.tsx';
import { redactFocusedField } from './guard.ts';
import { NotesPanel, type NotesPanelHandle } from './NotesPanel.tsx';
import { ProfilePicker } from './ProfilePicker.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import './calls.css';
import { RecordForm, type RecordFormHandle } from './RecordForm.tsx';
import { useRequests } from './requests.ts';
import { useShift, useShiftActions } from './shift.ts';
import { useMainNow } from './mainClock.ts';
import { ToFinishList } from './ToFinishList.tsx';

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
  const [view, setViewState] = useState<CallView | null>(null);
  const viewRef = useRef<CallView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [flagged, setFlagged] = useState<ErrorIssue[] | null>(null);
  const [restored, setRestored] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Out of scope: asking (optionally) whom the caller was looking for before closing. */
  const [askLookedFor, setAskLookedFor] = useState(false);
  const [lookedFor, setLookedFor] = useState('');
  /** A close without request refused for identifying text: "close anyway" repeats it. */
  const [flaggedKind, setFlaggedKind] = useState<NoRequestKind | null>(null);
  const lookedForRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (askLookedFor) lookedForRef.current?.focus();
  }, [askLookedFor]);
  const [focusWant, setFocusWantState] = useState<{ target: 'composer' | 'close' | 'start' | 'keep'; at: number } | null>(null);
  const setFocusWant = (want: { target: 'composer' | 'close' | 'start' | 'keep' } | null) => setFocusWantState(want && { ...want, at: performance.now() });
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
  const queue = useRef<Promise<void>>(Promise.resolve());

  // Actions read the latest call through viewRef and run one after the other (F4 then Alt+C
  // typed fast must end, then close: never drop the second).
  const setView = useCallback((next: CallView | null | ((v: CallView | null) => CallView | null)) => {
    const value = typeof next === 'function' ? next(viewRef.current) : next;
    viewRef.current = value;
    setViewState(value);
  }, []);

  const fail = useCallback((e: unknown) => {
    if (e instanceof OperationError) setError(e.payload);
    else setError({ code: 'Internal', message: String(e) });
  }, []);

  const run = useCallback(
    (action: () => Promise<void>) => {
      const next = queue.current.then(async () => {
        setBusy(true);
        try {
          await action();
        } catch (e) {
          fail(e);
        } finally {
          setBusy(false);
        }
      });
      queue.current = next;
      return next;
    },
    [fail],
  );

  // Focus moves once the target is on screen (after React committed it), never before.
  useEffect(() => {
    if (!focusWant) return;
    // A request whose target never showed up must not steal the focus later.
    if (performance.now() - focusWant.at > 1500) return setFocusWantState(null);
    let done = false;
    if (focusWant.target === 'composer' && notesRef.current) {
      notesRef.current.focusComposer();
      done = true;
    } else {
      const el = focusWant.target === 'close' ? closeRef.current : focusWant.target === 'start' ? startRef.current : focusWant.target === 'keep' ? keepRef.current : null;
      if (el) {
        el.focus();
        done = true;
      }
    }
    if (done) setFocusWantState(null);
  });

  const load = useCallback(
    async (callId: string) => {
      const r = await invoke('calls.get', { callId });
      if (r.ok) {
        setShown(r.value.id);
        if (r.value.status === 'active' && shift.wasRestored(r.value.id)) {
          setRestored(true);
          shift.markSeen(r.value.id);
        }
        setView(r.value);
        setError(null);
      } else {
        setShown(null);
        setView(null);
        setError(r.error);
      }
    },
    [setView, setShown, shift],
  );

  // On arrival: the call shown before, else the call in progress (restored after a restart).
  useEffect(() => {
    let live = true;
    void (async () => {
      const current = await invoke('calls.current', {});
      const id = keptCallId.current ?? (current.ok ? current.value.call?.id : null) ?? null;
      if (id && live) await load(id);
      if (live) setLoading(false);
    })();
    return () => {
      live = false;
    };
  }, [load, t]);

  // A call in progress appears (started from another window or restored): show it when idle.
  useEffect(() => {
    if (!loading && active && !view) void load(active.id);
  }, [active, view, loading, load]);

  const focusComposer = () => setFocusWant({ target: 'composer' });

  const start = () =>
    run(async () => {
      const current = shift.active();
      if (current) {
        if (viewRef.current?.id !== current.id) await load(current.id);
        focusComposer();
        return;
      }
      setMessage(null);
      setFlagged(null);
      await trackerRef.current.flushAll();
      const v = await shift.startCall();
      setShown(v.id);
      setRestored(false);
      setView(v);
      focusComposer();
    });

  useEffect(() => {
    if (startRequested && !loading) {
      onStartHandled();
      void start();
    }
  });

  const hold = () =>
    run(async () => {
      const v = viewRef.current;
      if (!v || v.status !== 'active') return;
      const a = shift.active();
      const running = (a?.id === v.id ? a.timer : v.timer).running;
      const timer = await call(running ? 'calls.pause' : 'calls.resume', { callId: v.id });
      shift.setTimer(v.id, timer);
      setView((x) => (x ? { ...x, timer } : x));
    });

  const end = (at: 'now' | 'lastActivity' = 'now') =>
    run(async () => {
      const v = viewRef.current;
      if (!v || v.status !== 'active') return;
      await trackerRef.current.flushAll();
      const ended = await call('calls.end', { callId: v.id, at });
      setView(ended);
      setRestored(false);
      await shift.refresh();
      setMessage(t('console.ended', { duration: formatCallTime(ended.durationMs) }));
      // The End button is gone: keep the keyboard in the flow, on "Close the record".
      setFocusWant({ target: 'close' });
    });

  const close = (keepFlagged = false) =>
    run(async () => {
      const v = viewRef.current;
      if (!v || v.status === 'closed') return;
      const values = await formRef.current?.validate();
      if (!values) {
        // The form focused its first error: nothing else may take the focus now.
        setFocusWant(null);
        setMessage(t('console.incomplete'));
        return;
      }
      await trackerRef.current.flushAll();
      try {
        if (v.status === 'active') setView(await call('calls.end', { callId: v.id, at: 'now' }));
        const closed = await call('calls.close', { callId: v.id, record: values, keepFlagged });
        await shift.refresh();
        setShown(null);
        setFlagged(null);
        setView(null);
        setMessage(t('console.closed', { duration: formatCallTime(closed.durationMs), time: formatDateTime(closed.timer.startedAt, lang, { timeStyle: 'short' }) }));
        setFocusWant({ target: 'start' });
      } catch (e) {
        if (e instanceof OperationError && e.payload.code === 'Conflict' && e.payload.issues?.length) {
          setFlagged(e.payload.issues);
          setFocusWant({ target: 'keep' });
        } else throw e;
      }
    });

  const closeWithoutRequest = (kind: NoRequestKind, keepFlagged = false, whom = '') =>
    run(async () => {
      const v = viewRef.current;
      if (!v || v.status === 'closed' || !v.editable) return;
      await trackerRef.current.flushAll();
      try {
        const closed = await call('calls.closeWithoutRequest', { callId: v.id, kind, keepFlagged, ...(kind === 'out_of_scope' && whom.trim() ? { lookedFor: whom.trim() } : {}) });
        await shift.refresh();
        setShown(null);
        setFlagged(null);
        setFlaggedKind(null);
        setAskLookedFor(false);
        setLookedFor('');
        setView(null);
        setMessage(t('console.closedNoRequest', { kind: t(`reportLabels:noRequest.${kind}`), duration: formatCallTime(closed.durationMs) }));
        setFocusWant({ target: 'start' });
      } catch (e) {
        if (e instanceof OperationError && e.payload.code === 'Conflict' && e.payload.issues?.length) {
          setFlagged(e.payload.issues);
          setFlaggedKind(kind);
          setFocusWant({ target: 'keep' });
        } else throw e;
      }
    });

  const noRequest = (kind: NoRequestKind) => {
    const v = viewRef.current;
    if (!v || v.status === 'closed' || !v.editable) return;
    if (kind === 'out_of_scope') {
      setAskLookedFor(true);
    } else void closeWithoutRequest(kind);
  };

  const reopen = () =>
    run(async () => {
      const v = viewRef.current;
      if (!v) return;
      setView(await call('calls.reopen', { callId: v.id }));
      setMessage(t('console.reopened'));
    });

  const leave = () => {
    setShown(null);
    setView(null);
    setMessage(null);
    setFocusWant({ target: 'start' });
  };

  useRequests(
    {
      // History's "complete" / "reopen" and the home board's records to finish.
      console: ({ callId, notice }) =>
        void run(async () => {
          if (!callId) return;
          await load(callId);
          if (notice === 'reopened') setMessage(t('console.reopened'));
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
      fail(e);
    }
  };

  const timer = view ? (active?.id === view.id ? active.timer : view.timer) : null;
  const mainNow = useMainNow(restored);
  const stale = view && timer && view.status === 'active' && (mainNow ?? Date.parse(timer.now)) - Date.parse(view.lastActivityAt) > STALE_MS;

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
      <ErrorMessage error={error} />
      {message && <p className="notice" role="status">{message}</p>}
      {loading ? (
        <p aria-busy="true">{t('console.loading')}</p>
      ) : !view ? (
        <div className="start-panel">
          <button type="button" ref={startRef} className="primary start-call" onClick={() => void start()} aria-keyshortcuts="F2">
            {t('console.start')} <kbd>F2</kbd>
          </button>
          <p className="hint">{t('console.startHint')}</p>
          <ToFinishList onOpen={(id) => void load(id)} />
        </div>
      ) : (
        <div className="call" data-call-id={view.id} data-status={view.status}>
          <div className="call-bar" role="group" aria-label={t('console.callControls')}>
            {/* The start time under the timer: the bar stays one line at 1280×800 (issue 16, point 7). */}
            <span className="call-clock">
              <CallTimer callId={view.id} fallback={view.timer} large />
              <span className="call-meta muted">{t('console.startedAt', { time: formatDateTime(view.timer.startedAt, lang, { timeStyle: 'short' }) })}</span>
            </span>
            {view.status === 'active' && (
              <>
                <button type="button" onClick={() => void hold()} aria-keyshortcuts="F3">
                  {timer?.running ? t('console.hold') : t('console.resume')} <kbd>F3</kbd>
                </button>
                <button type="button" className="danger" onClick={() => void end()} aria-keyshortcuts="F4">
                  {t('console.end')} <kbd>F4</kbd>
                </button>
              </>
            )}
            {view.status === 'ended' && (
              <>
                <span className="badge warn">{t('console.statusEnded', { duration: formatCallTime(view.durationMs) })}</span>
                <button type="button" ref={closeRef} className="primary" onClick={() => void close()} aria-keyshortcuts="Alt+C">
                  {t('console.close')} <kbd>Alt+C</kbd>
                </button>
              </>
            )}
            {view.status === 'closed' && (
              <>
                <span className="badge ok">{t('console.statusClosed')}</span>
                {view.canReopen && (
                  <button type="button" onClick={() => void reopen()}>
                    {t('console.reopen')}
                  </button>
                )}
              </>
            )}
            {view.status !== 'active' && (
              <>
                <button type="button" onClick={() => void start()} aria-keyshortcuts="F2">
                  {t('console.next')} <kbd>F2</kbd>
                </button>
                <button type="button" className="ghost" onClick={leave}>
                  {t('console.leave')}
                </button>
              </>
            )}
            <button type="button" onClick={() => navigation.go('callbacks', 'callbacks.new', { callId: view.id })} aria-keyshortcuts="Alt+P">
              {t('callbacks:fromCall')} <kbd>Alt+P</kbd>
            </button>
            <span className="spacer" />
            <SaveIndicator tracker={tracker} />
          </div>
          {view.editable && view.status !== 'closed' && (
            <div className="no-request-bar" role="group" aria-label={t('noRequest.label')}>
              <span className="muted">{t('noRequest.label')}</span>
              {NO_REQUEST_KINDS.map((k, i) => (
                <button key={k} type="button" className="small" onClick={() => noRequest(k)} aria-keyshortcuts={`F${6 + i}`}>
                  {t(`reportLabels:noRequest.${k}`)} <kbd>F{6 + i}</kbd>
                </button>
              ))}
              {askLookedFor && (
                <form
                  className="looked-for"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void closeWithoutRequest('out_of_scope', false, lookedFor);
                  }}
                >
                  <label className="field inline">
                    <span>{t('noRequest.lookedFor')}</span>
                    <input ref={lookedForRef} value={lookedFor} maxLength={LOOKED_FOR_MAX_CHARS} autoComplete="off" onChange={(e) => setLookedFor(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') { setAskLookedFor(false); focusComposer(); } }} />
                  </label>
                  <button type="submit" className="primary small">{t('noRequest.closeOutOfScope')}</button>
                </form>
              )}
            </div>
          )}
          {restored && (
            <div className="notice restored" role="status">
              <p>{t('console.restored')}</p>
              {stale && (
                <p>
                  {t('console.staleHint', { time: formatDateTime(view.lastActivityAt, lang, { timeStyle: 'short' }) })}{' '}
                  <button type="button" className="small" onClick={() => void end('lastActivity')}>
                    {t('console.endAtLastActivity')}
                  </button>
                </p>
              )}
            </div>
          )}
          {flagged && (
            <div className="notice warn" role="alert" aria-labelledby="flagged-title">
              <p id="flagged-title">{t('console.flagged', { count: flagged.length })}</p>
              <div className="button-row">
                <button type="button" ref={keepRef} onClick={() => void (flaggedKind ? closeWithoutRequest(flaggedKind, true, lookedFor) : close(true))}>
                  {t('console.closeAnyway')}
                </button>
                <button type="button" className="ghost" onClick={() => { setFlagged(null); setFlaggedKind(null); focusComposer(); }}>
                  {t('console.review')}
                </button>
              </div>
            </div>
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
