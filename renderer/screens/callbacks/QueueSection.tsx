import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackView } from '../../../src/contract/callbacksContract.ts';
import { copyText } from '../../clipboard.ts';
import type { UiLang } from '../../i18n/i18n.ts';
import { formatWindow, latenessParts } from './format.ts';
import { CallLine } from './CallSummary.tsx';

// One list of the queue (due now, overdue, upcoming, done). Long lists come PAGE rows at a
// time from main (the `limit` of callbacks.queue) with "show more" / "show all": with a
// thousand upcoming callbacks neither the bridge nor React carries rows nobody looks at, and
// every row rendered is a real, focusable element (no virtual scrolling to trip up keyboard or
// screen-reader users). Rows are memoised on what they show.

export const PAGE = 50;

export type Bucket = 'dueNow' | 'overdue' | 'upcoming' | 'done';

export function useLateness(): (ms: number) => string {
  const { t } = useTranslation('callbacks');
  return (ms) => {
    const p = latenessParts(ms);
    return t(`late.${p.unit}`, { d: p.d, h: p.h, m: p.m });
  };
}

interface RowProps {
  c: CallbackView;
  bucket: Bucket;
  lang: UiLang;
  /** Lateness in whole minutes: the row re-renders when it changes, not on every refresh. */
  lateMinutes: number;
  onOpen(id: string): void;
}

const Row = memo(
  function Row({ c, bucket, lang, onOpen }: RowProps) {
    const { t } = useTranslation('callbacks');
    const late = useLateness();
    const open = c.status === 'pending';
    return (
      <li className={`cb-row ${bucket}`} data-callback-id={c.id} data-bucket={bucket}>
        <span className="cb-when">{formatWindow(c.dueAt === c.windowStart ? c.windowStart : c.dueAt, c.dueAt === c.windowStart ? c.windowEnd : null, lang)}</span>
        <span className="cb-state">
          {bucket === 'overdue' && <span className="badge danger">{t('row.late', { late: late(c.latenessMs) })}</span>}
          {bucket === 'dueNow' && <span className="badge warn">{t('row.dueNow')}</span>}
          {bucket === 'done' && <span className={`badge ${OUTCOME_BADGE[c.status]}`} data-status={c.status}>{t(`status.${c.status}`)}</span>}
        </span>
        <span className="cb-lang" title={t('row.language')}>
          {t(`lang.${c.language}`)}
        </span>
        <span className="cb-what">
          <span className="cb-reason">{c.reason}</span>
          <CallLine c={c} lang={lang} />
        </span>
        <span className="cb-holder">
          {c.holder ? (c.holder.centre ? t('holderAt', { name: c.holder.name, centre: c.holder.centre }) : c.holder.name) : t('row.team')}
          {c.take?.state === 'provisional' && <span className="badge neutral cb-take-badge">{t('take.provisionalShort')}</span>}
          {c.take?.state === 'refused' && <span className="badge danger cb-take-badge">{t('take.refusedShort')}</span>}
        </span>
        <span className="cb-tries" title={t('row.tries')}>
          {t('row.triesValue', { failed: c.failedAttempts, max: c.maxFailedAttempts })}
        </span>
        <span className="cb-number">
          {/* The number once, with a copy button; a closed callback shows none (it needs no dialling). */}
          {open && c.phoneDisplay && (
            <>
              <span className="mono">{c.phoneDisplay}</span>
              <button type="button" className="small ghost cb-copy" onClick={() => void copyText(c.phone ?? c.phoneDisplay ?? '')} aria-label={t('row.copyLabel', { number: c.phoneDisplay })}>
                {t('row.copy')}
              </button>
            </>
          )}
          {!open && !c.hasNumber && <span className="muted">{t('row.numberDeleted')}</span>}
        </span>
        <button type="button" className="small cb-open" onClick={() => onOpen(c.id)} aria-label={t('row.openLabel', { reason: c.reason })}>
          {open ? t('row.handle') : t('row.details')}
        </button>
      </li>
    );
  },
  (a, b) =>
    a.c.id === b.c.id &&
    a.c.dueAt === b.c.dueAt &&
    a.c.status === b.c.status &&
    a.c.failedAttempts === b.c.failedAttempts &&
    a.c.holder?.profileId === b.c.holder?.profileId &&
    a.c.holder?.name === b.c.holder?.name &&
    a.c.take?.state === b.c.take?.state &&
    a.c.hasNumber === b.c.hasNumber &&
    a.bucket === b.bucket &&
    a.lang === b.lang &&
    a.lateMinutes === b.lateMinutes &&
    a.onOpen === b.onOpen,
);

/** Each outcome its own colour: reached (green), unreachable (red), consent withdrawn (grey). */
const OUTCOME_BADGE: Record<CallbackView['status'], string> = { pending: 'warn', done: 'ok', unreachable: 'danger', withdrawn: 'neutral' };

export function QueueSection({ bucket, items, total, lang, onOpen, onShow }: { bucket: Bucket; items: readonly CallbackView[]; total: number; lang: UiLang; onOpen(id: string): void; onShow(limit: number): void }) {
  const { t } = useTranslation('callbacks');
  const visible = items;
  const titleId = `cb-section-${bucket}`;
  return (
    <section className={`cb-section ${bucket}`} aria-labelledby={titleId} data-testid={`section-${bucket}`}>
      <h2 id={titleId}>
        {t(`sections.${bucket}`)} <span className="cb-count">({total})</span>
      </h2>
      {total === 0 ? (
        <p className="hint">{t(`empty.${bucket}`)}</p>
      ) : (
        <>
        <div className="cb-row cb-head" aria-hidden="true">
          <span>{t('head.when')}</span>
          <span>{t('head.state')}</span>
          <span>{t('head.language')}</span>
          <span>{t('head.reason')}</span>
          <span>{t('head.holder')}</span>
          <span title={t('row.tries')}>{t('head.tries')}</span>
          <span>{t('head.number')}</span>
          <span />
        </div>
        <ul className="cb-list" data-rendered={visible.length}>
          {visible.map((c) => (
            <Row key={c.id} c={c} bucket={bucket} lang={lang} lateMinutes={Math.floor(c.latenessMs / 60_000)} onOpen={onOpen} />
          ))}
        </ul>
        </>
      )}
      {total > items.length && (
        <div className="button-row cb-more">
          <button type="button" className="small" onClick={() => onShow(items.length + PAGE)}>
            {t('more', { count: Math.min(PAGE, total - items.length) })}
          </button>
          <button type="button" className="small ghost" onClick={() => onShow(total)}>
            {t('all', { count: total })}
          </button>
        </div>
      )}
    </section>
  );
}
