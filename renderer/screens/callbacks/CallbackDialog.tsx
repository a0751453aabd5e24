import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CallbackView } from '../../../src/contract/callbacksContract.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, OperationError } from '../../bridge.ts';
import { useReasonText } from '../../components/ErrorMessage.tsx';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { addDays, dayOf } from '../../../src/domain/brusselsTime.ts';
import { formatWindow } from './format.ts';
import { CallSummary } from './CallSummary.tsx';
import { FollowUpForm } from './FollowUpForm.tsx';

// One callback, opened from the queue with Enter: the call it came from (issue 15), then log an
// attempt, put it off, take it over or give it back, or record that the caller withdrew
// consent. "Reached" opens the follow-up (did help arrive, per referral) in the same dialog.
// A modal <dialog>: opened only by the responder, Escape closes it and focus goes back to the row.

type Result = 'reached' | 'no_answer' | 'voicemail' | 'wrong_number';
const RESULTS: readonly Result[] = ['reached', 'no_answer', 'voicemail', 'wrong_number'];
const SNOOZES = ['15', '30', '60', '120', 'tomorrow'] as const;
/** "Put off": one of the offered delays (the form's own schema, as ScheduleForm's). */
const putOffSchema = z.object({ snooze: z.enum(SNOOZES) });
/** Thrown by the "reached" action to keep the dialog open for the follow-up. */
const FOLLOW_UP = Symbol('follow-up');

export interface DialogOutcome {
  callback: CallbackView;
  message: string;
}

export function CallbackDialog({ c, now, lang, onClose, onChanged }: { c: CallbackView; now: string; lang: UiLang; onClose(): void; onChanged(o: DialogOutcome): void }) {
  const { t } = useTranslation('callbacks');
  const reasonText = useReasonText();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const putOffForm = useForm<z.infer<typeof putOffSchema>>({ resolver: zodResolver(putOffSchema), defaultValues: { snooze: '15' } });
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  // After "reached": the follow-up form, then the dialog closes with the attempt's message.
  const [reached, setReached] = useState<DialogOutcome | null>(null);
  const [editFollowUp, setEditFollowUp] = useState(false);
  const open = c.status === 'pending';
  // A reached callback's follow-up, as main has it (refreshed by the callbacks' events, and after an edit here).
  const followUp = useOperation('callbacks.get', { id: c.id }, { enabled: c.status === 'done' }).data?.followUp ?? null;
  const invalidate = useInvalidate();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first focusable element; the first action is the intended start.
    d?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    // Again when "reached" swaps in the follow-up's dialog.
  }, [reached]);

  async function run(action: () => Promise<DialogOutcome>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (e) {
      if (e === FOLLOW_UP) return;
      setError(e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) });
    } finally {
      setBusy(false);
    }
  }

  const attempt = (result: Result) =>
    run(async () => {
      if (result === 'reached') {
        const r = await call('callbacks.logAttempt', { id: c.id, result });
        // Not onChanged yet: the follow-up comes first, in this dialog.
        setReached({ callback: r.callback, message: t('outcome.done') });
        throw FOLLOW_UP;
      }
      const r = await call('callbacks.logAttempt', { id: c.id, result });
      const msg =
        r.outcome === 'rescheduled'
          ? t('outcome.rescheduled', { time: formatDateTime(r.callback.dueAt, lang, { weekday: 'short', hour: '2-digit', minute: '2-digit' }), failed: r.callback.failedAttempts, max: r.callback.maxFailedAttempts })
          : t(`outcome.${r.outcome}`);
      return { callback: r.callback, message: msg };
    });

  const putOff = putOffForm.handleSubmit(({ snooze }) =>
    run(async () => {
      const input = snooze === 'tomorrow' ? { id: c.id, until: { date: addDays(dayOf(now), 1), time: '10:00' } } : { id: c.id, minutes: Number(snooze) };
      const r = await call('callbacks.snooze', input);
      return { callback: r.callback, message: t('outcome.snoozed', { time: formatDateTime(r.callback.dueAt, lang, { weekday: 'short', hour: '2-digit', minute: '2-digit' }) }) };
    }),
  );

  const assign = (to: 'me' | 'team') =>
    run(async () => {
      const v = await call('callbacks.assign', { id: c.id, to });
      return { callback: v, message: t(to === 'me' ? 'outcome.taken' : 'outcome.released') };
    });

  const withdraw = () =>
    run(async () => {
      const v = await call('callbacks.withdrawConsent', { id: c.id });
      return { callback: v, message: t('outcome.withdrawn') };
    });

  const titleId = `cb-dialog-title-${c.id}`;
  if (reached) {
    const done = reached;
    return (
      <dialog ref={ref} className="cb-dialog" aria-labelledby={titleId} onClose={() => onChanged(done)} onCancel={() => onChanged(done)} data-callback-id={c.id}>
        <h2 id={titleId}>{t('followUp.reached')}</h2>
        <FollowUpForm c={done.callback} initial={null} focusFirst onSaved={() => onChanged({ ...done, message: t('followUp.saved') })} onSkip={() => onChanged(done)} />
      </dialog>
    );
  }
  return (
    <dialog ref={ref} className="cb-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose} data-callback-id={c.id}>
      <h2 id={titleId}>{open ? t('dialog.title', { number: c.phoneDisplay }) : t('dialog.titleClosed')}</h2>
      <TakeNotice c={c} lang={lang} />
      <CallSummary c={c} lang={lang} />
      <dl className="facts compact">
        <dt>{t('dialog.reason')}</dt>
        <dd>{c.reason}</dd>
        <dt>{t('dialog.window')}</dt>
        <dd>{formatWindow(c.windowStart, c.windowEnd, lang)}</dd>
        {c.dueAt !== c.windowStart && (
          <>
            <dt>{t('dialog.nextTry')}</dt>
            <dd>{formatDateTime(c.dueAt, lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</dd>
          </>
        )}
        <dt>{t('dialog.language')}</dt>
        <dd>{t(`lang.${c.language}`)}</dd>
        <dt>{t('dialog.holder')}</dt>
        <dd>{c.holder ? (c.holder.centre ? t('holderAt', { name: c.holder.name, centre: c.holder.centre }) : c.holder.name) : t('row.team')}</dd>
        <dt>{t('dialog.attempts')}</dt>
        <dd>
          {c.attempts.length === 0 ? (
            t('dialog.noAttempt')
          ) : (
            <ol className="cb-attempts">
              {c.attempts.map((a, i) => (
                <li key={i}>
                  {formatDateTime(a.at, lang, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} — {t(`result.${a.result}`)}
                  {a.by ? ` (${a.by})` : ''}
                </li>
              ))}
            </ol>
          )}
        </dd>
        {!open && (
          <>
            <dt>{t('dialog.status')}</dt>
            <dd>{t(`status.${c.status}`)}</dd>
            <dt>{t('dialog.number')}</dt>
            <dd>{c.hasNumber ? t('row.numberKept') : t('row.numberDeleted')}</dd>
          </>
        )}
      </dl>
      {c.status === 'done' &&
        (followUp && !editFollowUp ? (
          <section className="cb-follow-up-view">
            <h3>{t('followUp.title')}</h3>
            <ul>
              {followUp.referrals.map((r) => (
                <li key={r.serviceId}>
                  {r.serviceName} — {t(`help.${r.help}`)}
                </li>
              ))}
            </ul>
            <p className="muted">
              {[followUp.newRequest ? t('followUp.newRequest') : null, followUp.anotherCallback ? t('followUp.anotherCallback') : null].filter(Boolean).join(' · ')}
              {followUp.centre ? ` — ${t('followUp.by', { name: followUp.byName ?? '?', centre: followUp.centre })}` : ''}
            </p>
            <button type="button" className="small" onClick={() => setEditFollowUp(true)}>
              {t('followUp.edit')}
            </button>
          </section>
        ) : (
          <FollowUpForm c={c} initial={followUp} onSaved={() => void invalidate('callbacks.get').then(() => setEditFollowUp(false))} onSkip={() => setEditFollowUp(false)} />
        ))}
      {error && (
        <p className="error" role="alert">
          {reasonText(error)}
        </p>
      )}
      {open && (
        <>
          <fieldset className="cb-actions">
            <legend>{t('dialog.logAttempt')}</legend>
            <div className="button-row">
              {RESULTS.map((r, i) => (
                <button key={r} type="button" className={r === 'reached' ? 'primary' : undefined} disabled={busy} onClick={() => void attempt(r)} data-initial-focus={i === 0 ? true : undefined}>
                  {t(`result.${r}`)}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset className="cb-actions">
            <legend>{t('dialog.putOff')}</legend>
            <div className="button-row">
              <label className="visually-hidden" htmlFor={`cb-snooze-${c.id}`}>
                {t('dialog.putOffFor')}
              </label>
              <select id={`cb-snooze-${c.id}`} {...putOffForm.register('snooze')}>
                {SNOOZES.map((s) => (
                  <option key={s} value={s}>
                    {t(`snooze.${s}`)}
                  </option>
                ))}
              </select>
              <button type="button" disabled={busy} onClick={() => void putOff()}>
                {t('dialog.putOffButton')}
              </button>
            </div>
          </fieldset>
          <div className="button-row cb-secondary">
            {c.mine ? (
              <button type="button" disabled={busy} onClick={() => void assign('team')}>
                {t('dialog.release')}
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => void assign('me')}>
                {t('dialog.take')}
              </button>
            )}
            {confirmWithdraw ? (
              <button type="button" className="danger" disabled={busy} onClick={() => void withdraw()} autoFocus>
                {t('dialog.withdrawConfirm')}
              </button>
            ) : (
              <button type="button" className="ghost" disabled={busy} onClick={() => setConfirmWithdraw(true)}>
                {t('dialog.withdraw')}
              </button>
            )}
          </div>
        </>
      )}
      {!open && c.hasNumber && (
        <div className="button-row cb-secondary">
          {confirmWithdraw ? (
            <button type="button" className="danger" disabled={busy} onClick={() => void withdraw()} autoFocus>
              {t('dialog.withdrawConfirm')}
            </button>
          ) : (
            <button type="button" className="ghost" disabled={busy} onClick={() => setConfirmWithdraw(true)}>
              {t('dialog.withdraw')}
            </button>
          )}
        </div>
      )}
      <div className="button-row cb-close">
        <button type="button" onClick={onClose} data-initial-focus={!open ? true : undefined}>
          {t('dialog.close')}
        </button>
      </div>
    </dialog>
  );
}

/** A take of a shared callback: waiting for the hub, confirmed, or refused with who had it first ("pris par Bart (CAW Brussel) à 10:42"). */
export function TakeNotice({ c, lang }: { c: CallbackView; lang: UiLang }) {
  const { t } = useTranslation('callbacks');
  if (!c.take) return null;
  // Confirmed at the sync after an offline take: said once in words, while it is this responder's.
  if (c.take.state === 'confirmed') return c.mine ? <p className="notice cb-take confirmed" role="status">{t('take.confirmed')}</p> : null;
  if (c.take.state === 'provisional') return <p className="notice cb-take provisional">{t('take.provisional')}</p>;
  const by = c.take.by;
  return (
    <p className="notice cb-take refused" role="status">
      {by ? t(by.at ? 'take.refusedBy' : 'take.refusedByNoTime', { name: by.name, centre: by.centre ?? '?', time: by.at ? formatDateTime(by.at, lang, { hour: '2-digit', minute: '2-digit' }) : '' }) : t('take.refused')}
    </p>
  );
}
