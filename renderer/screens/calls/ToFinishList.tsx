import { useTranslation } from 'react-i18next';
import { formatCallTime } from '../../../src/domain/duration.ts';
import { useOperation } from '../../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';

/** The signed-in responder's ended calls whose record is not closed yet, any day. */
export function ToFinishList({ onOpen }: { onOpen: (callId: string) => void }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  // Refreshed by calls.changed (data/invalidation.ts).
  const calls = useOperation('calls.list', { view: 'toFinish', limit: 50 }).data?.calls ?? null;
  if (!calls || calls.length === 0) return null;
  return (
    <section className="to-finish panel" aria-labelledby="to-finish-title">
      <h2 id="to-finish-title">{t('toFinish.title', { count: calls.length })}</h2>
      <ul>
        {calls.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => onOpen(c.id)} aria-label={t('toFinish.openLabel', { when: formatDateTime(c.startedAt, lang) })}>
              <span>{formatDateTime(c.startedAt, lang)}</span>
              <span className="mono">{formatCallTime(c.durationMs)}</span>
              <span className="muted">{c.excerpt ?? t('toFinish.noNotes')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
