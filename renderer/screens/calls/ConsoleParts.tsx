import { type RefObject, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallView, callsContract } from '../../../src/contract/callsContract.ts';
import { LOOKED_FOR_MAX_CHARS, NO_REQUEST_KINDS, type NoRequestKind } from '../../../src/contract/callSchemas.ts';
import { formatCallTime } from '../../../src/domain/duration.ts';
import { FieldIssue, issueAttributes } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import type { SaveTracker } from './autosave.ts';
import { CallTimer } from './CallTimer.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { ToFinishList } from './ToFinishList.tsx';

// The call console's presentational parts: they draw the call session's state (callSession.ts)
// and say what the responder asked for; ConsoleScreen runs the actions.

export function StartPanel({ startRef, onStart, onOpen }: { startRef: RefObject<HTMLButtonElement | null>; onStart: () => void; onOpen: (callId: string) => void }) {
  const { t } = useTranslation('calls');
  return (
    <div className="start-panel">
      <button type="button" ref={startRef} className="primary start-call" onClick={onStart} aria-keyshortcuts="F2">
        {t('console.start')} <kbd>F2</kbd>
      </button>
      <p className="hint">{t('console.startHint')}</p>
      <ToFinishList onOpen={onOpen} />
    </div>
  );
}

interface CallBarActions {
  hold(): void;
  end(): void;
  close(): void;
  reopen(): void;
  next(): void;
  leave(): void;
  callback(): void;
}

export function CallBar({ view, running, closeRef, tracker, on }: { view: CallView; running: boolean; closeRef: RefObject<HTMLButtonElement | null>; tracker: SaveTracker; on: CallBarActions }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  return (
    <div className="call-bar" role="group" aria-label={t('console.callControls')}>
      {/* The start time under the timer: the bar stays one line at 1280×800 (issue 16, point 7). */}
      <span className="call-clock">
        <CallTimer callId={view.id} fallback={view.timer} large />
        <span className="call-meta muted">{t('console.startedAt', { time: formatDateTime(view.timer.startedAt, lang, { timeStyle: 'short' }) })}</span>
      </span>
      {view.status === 'active' && (
        <>
          <button type="button" onClick={on.hold} aria-keyshortcuts="F3">
            {running ? t('console.hold') : t('console.resume')} <kbd>F3</kbd>
          </button>
          <button type="button" className="danger" onClick={on.end} aria-keyshortcuts="F4">
            {t('console.end')} <kbd>F4</kbd>
          </button>
        </>
      )}
      {view.status === 'ended' && (
        <>
          <span className="badge warn">{t('console.statusEnded', { duration: formatCallTime(view.durationMs) })}</span>
          <button type="button" ref={closeRef} className="primary" onClick={on.close} aria-keyshortcuts="Alt+C">
            {t('console.close')} <kbd>Alt+C</kbd>
          </button>
        </>
      )}
      {view.status === 'closed' && (
        <>
          <span className="badge ok">{t('console.statusClosed')}</span>
          {view.canReopen && (
            <button type="button" onClick={on.reopen}>
              {t('console.reopen')}
            </button>
          )}
        </>
      )}
      {view.status !== 'active' && (
        <>
          <button type="button" onClick={on.next} aria-keyshortcuts="F2">
            {t('console.next')} <kbd>F2</kbd>
          </button>
          <button type="button" className="ghost" onClick={on.leave}>
            {t('console.leave')}
          </button>
        </>
      )}
      <button type="button" onClick={on.callback} aria-keyshortcuts="Alt+P">
        {t('callbacks:fromCall')} <kbd>Alt+P</kbd>
      </button>
      <span className="spacer" />
      <SaveIndicator tracker={tracker} />
    </div>
  );
}

// The "looked for" question is the contract's own field of calls.closeWithoutRequest.
const lookedForSchema = callsContract['calls.closeWithoutRequest'].input.pick({ lookedFor: true });

/** The no-request closes; out of scope first asks (optionally) whom the caller was looking for. */
export function NoRequestBar(p: { asking: boolean; onKind: (k: NoRequestKind) => void; onSubmit: (lookedFor: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('calls');
  const errorId = useId();
  // Kept while the call is shown: a question cancelled and asked again finds what was typed.
  const { register, handleSubmit, formState } = useContractForm(lookedForSchema, { defaultValues: { lookedFor: '' } });
  const error = formState.errors.lookedFor;
  const submit = handleSubmit((v) => p.onSubmit(v.lookedFor ?? ''));
  return (
    <div className="no-request-bar" role="group" aria-label={t('noRequest.label')}>
      <span className="muted">{t('noRequest.label')}</span>
      {NO_REQUEST_KINDS.map((k, i) => (
        <button key={k} type="button" className="small" onClick={() => p.onKind(k)} aria-keyshortcuts={`F${6 + i}`}>
          {t(`reportLabels:noRequest.${k}`)} <kbd>F{6 + i}</kbd>
        </button>
      ))}
      {p.asking && (
        <form className="looked-for" onSubmit={(e) => void submit(e)} noValidate>
          <label className="field inline">
            <span>{t('noRequest.lookedFor')}</span>
            {/* Mounted when the question is asked: the keyboard goes straight to it. */}
            <input
              autoFocus
              maxLength={LOOKED_FOR_MAX_CHARS}
              autoComplete="off"
              {...issueAttributes(error, errorId)}
              {...register('lookedFor')}
              onKeyDown={(e) => {
                if (e.key === 'Escape') p.onCancel();
              }}
            />
          </label>
          <FieldIssue id={errorId} error={error} />
          <button type="submit" className="primary small">{t('noRequest.closeOutOfScope')}</button>
        </form>
      )}
    </div>
  );
}

export function RestoredNotice({ view, stale, onEndAtLastActivity }: { view: CallView; stale: boolean; onEndAtLastActivity: () => void }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  return (
    <div className="notice restored" role="status">
      <p>{t('console.restored')}</p>
      {stale && (
        <p>
          {t('console.staleHint', { time: formatDateTime(view.lastActivityAt, lang, { timeStyle: 'short' }) })}{' '}
          <button type="button" className="small" onClick={onEndAtLastActivity}>
            {t('console.endAtLastActivity')}
          </button>
        </p>
      )}
    </div>
  );
}

export function FlaggedNotice({ count, keepRef, onKeep, onReview }: { count: number; keepRef: RefObject<HTMLButtonElement | null>; onKeep: () => void; onReview: () => void }) {
  const { t } = useTranslation('calls');
  return (
    <div className="notice warn" role="alert" aria-labelledby="flagged-title">
      <p id="flagged-title">{t('console.flagged', { count })}</p>
      <div className="button-row">
        <button type="button" ref={keepRef} onClick={onKeep}>
          {t('console.closeAnyway')}
        </button>
        <button type="button" className="ghost" onClick={onReview}>
          {t('console.review')}
        </button>
      </div>
    </div>
  );
}
