import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackView } from '../../../src/contract/callbacksContract.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import { useReasonText } from '../../components/ErrorMessage.tsx';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useFocusRequest } from '../../navigation.ts';
import { CallbackDialog, type DialogOutcome } from './CallbackDialog.tsx';
import { timeOf } from '../../../src/domain/brusselsTime.ts';
import { type Bucket, PAGE, QueueSection } from './QueueSection.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import './callbacks.css';

// The callback queue: due now, overdue (most late first), upcoming, done — every open
// callback of the line, whoever holds it, so the next shift sees what the last one left.
// It follows main's clock: the reminder engine's events (`callbacks.due`, `callbacks.badge`) and
// the hub's pulls make it stale (data/invalidation.ts), and a slow refresh keeps the "late by"
// texts current. Keyboard: Alt+4 here,
// Alt+P "new callback" from anywhere, Tab through the rows, Enter opens one.

type Holder = 'all' | 'mine' | 'team';
const BUCKETS: readonly Bucket[] = ['dueNow', 'overdue', 'upcoming', 'done'];
const REFRESH_MS = 60_000;

export function CallbacksScreen() {
  const { t, i18n } = useTranslation('callbacks');
  const reasonText = useReasonText();
  const lang = i18n.language as UiLang;
  const [holder, setHolder] = useState<Holder>('all');
  /** Rows per open list asked of main; "show more" raises it. */
  const [limit, setLimit] = useState(PAGE);
  const [formOpen, setFormOpen] = useState(false);
  /** The call the form opens on, when the console named one. */
  const [formCall, setFormCall] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  /** The row whose button had focus before a refresh: it may have moved to another list. */
  const keepFocus = useRef<string | null>(null);
  /** Focus this callback's row once the queue has reloaded after an action on it. */
  const focusAfterChange = useRef<string | null>(null);
  const invalidate = useInvalidate();

  // Another holder filter or page keeps the lists on screen (and the focus in them) until the answer comes.
  const asked = useOperation('callbacks.queue', { holder, doneLimit: 20, limit }, { refetchInterval: REFRESH_MS, keepPrevious: true });
  // Nothing from an earlier visit: the lists, the dialog and the form's "now" wait for main's answer of this opening.
  const answered = useRef(false);
  if (asked.isFetchedAfterMount) answered.current = true;
  const queue = answered.current ? (asked.data ?? null) : null;
  const error = answered.current ? (asked.error?.payload ?? null) : null;
  const { isFetching } = asked;

  // When a refresh starts, remember the row that has focus: the answer may move it to another list.
  useLayoutEffect(() => {
    if (!isFetching) return;
    const active = document.activeElement;
    const row = active instanceof HTMLElement && rootRef.current?.contains(active) ? active.closest<HTMLElement>('[data-callback-id]') : null;
    keepFocus.current = row?.dataset.callbackId ?? null;
  }, [isFetching]);

  // A refresh re-renders rows, and a row may move (upcoming → due now): put focus back on it,
  // but only if focus was in a row and got lost — never take it from anywhere else.
  useLayoutEffect(() => {
    const after = focusAfterChange.current;
    if (after) {
      // The responder just acted on this callback (dialog closed): land back on its row,
      // wherever the change moved it, or on "New callback" if it left the list.
      const target = rootRef.current?.querySelector<HTMLElement>(`li[data-callback-id="${after}"] button.cb-open`) ?? newRef.current;
      if (target && queue) {
        focusAfterChange.current = null;
        target.focus();
        return;
      }
    }
    const id = keepFocus.current;
    keepFocus.current = null;
    if (!id || (document.activeElement && document.activeElement !== document.body)) return;
    rootRef.current?.querySelector<HTMLElement>(`li[data-callback-id="${id}"] button.cb-open`)?.focus();
  }, [queue]);

  const openForm = useCallback((callId: string | null) => {
    setMessage(null);
    setFormCall(callId);
    setFormOpen(true);
  }, []);
  // "Schedule a callback from this call": the console names the call in the request's params;
  // Alt+P from anywhere names none (the form offers the call in progress or the latest one).
  useFocusRequest('callbacks.new', (params, first) => openForm(first ? (params.callId ?? null) : null));
  // The home board opens one callback (Enter on its row): its dialog opens here.
  useFocusRequest('callbacks.open', (params, first) => {
    if (first && params.callbackId) setOpenId(params.callbackId);
  });

  const onOpen = useCallback((id: string) => setOpenId(id), []);

  const closeDialog = () => {
    const id = openId;
    setOpenId(null);
    requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>(`li[data-callback-id="${id}"] button.cb-open`)?.focus());
  };

  const onChanged = (o: DialogOutcome) => {
    setMessage(o.message);
    setOpenId(null);
    focusAfterChange.current = o.callback.id;
    void invalidate('callbacks.queue');
  };

  const onScheduled = (r: OutputOf<'callbacks.schedule'>) => {
    setFormOpen(false);
    const when = formatDateTime(r.callback.dueAt, lang, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    const dst = r.adjustments.from === 'skipped' ? t('dst.skipped', { time: timeOf(r.callback.dueAt) }) : r.adjustments.from === 'repeated' ? t('dst.repeated', { time: timeOf(r.callback.dueAt) }) : '';
    setMessage(`${t('scheduled', { when })}${dst ? ` ${dst}` : ''}`);
    void invalidate('callbacks.queue').then(() => requestAnimationFrame(() => newRef.current?.focus()));
  };

  const all: CallbackView[] = queue ? [...queue.dueNow, ...queue.overdue, ...queue.upcoming, ...queue.done] : [];
  const opened = openId ? all.find((c) => c.id === openId) : undefined;
  const notSignedIn = error?.code === 'Forbidden';

  return (
    <section className="callbacks" aria-labelledby="callbacks-title" ref={rootRef}>
      <header className="cb-header">
        <h1 id="callbacks-title">{t('title')}</h1>
        {queue && (
          <p className="cb-summary" data-testid="callbacks-summary">
            {t('summary', { dueNow: queue.counts.dueNow, overdue: queue.counts.overdue, upcoming: queue.counts.upcoming })}
          </p>
        )}
        {!notSignedIn && (
          <button type="button" ref={newRef} className="primary" onClick={() => openForm(null)} aria-keyshortcuts="Alt+P" disabled={formOpen}>
            {t('new')} <kbd>Alt+P</kbd>
          </button>
        )}
      </header>
      {notSignedIn ? (
        <p className="notice">{t('signIn')}</p>
      ) : error ? (
        <p className="error" role="alert">
          {reasonText(error)}
        </p>
      ) : null}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {formOpen && queue && <ScheduleForm key={formCall ?? 'latest'} now={queue.now} presetCallId={formCall} onScheduled={onScheduled} onCancel={() => { setFormOpen(false); requestAnimationFrame(() => newRef.current?.focus()); }} />}
      {queue && (
        <>
          <fieldset className="cb-filter">
            <legend>{t('filter.label')}</legend>
            {(['all', 'mine', 'team'] as const).map((h) => (
              <label key={h} className="check">
                <input type="radio" name="cb-holder" checked={holder === h} onChange={() => setHolder(h)} />
                <span>{t(`filter.${h}`)}</span>
              </label>
            ))}
            <span className="hint cb-now">{t('now', { time: formatDateTime(queue.now, lang, { weekday: 'long', hour: '2-digit', minute: '2-digit' }) })}</span>
          </fieldset>
          {BUCKETS.map((b) => (
            <QueueSection key={b} bucket={b} items={queue[b]} total={queue.counts[b]} lang={lang} onOpen={onOpen} onShow={setLimit} />
          ))}
        </>
      )}
      {opened && queue && <CallbackDialog key={opened.id} c={opened} now={queue.now} lang={lang} onClose={closeDialog} onChanged={onChanged} />}
    </section>
  );
}
