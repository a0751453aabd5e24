import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSummary } from '../../../src/contract/callsContract.ts';
import { formatCallTime } from '../../../src/domain/duration.ts';
import { invoke, onEvent } from '../../bridge.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';

/** The signed-in responder's ended calls whose record is not closed yet, any day. */
export function ToFinishList({ onOpen }: { onOpen: (callId: string) => void }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void invoke('calls.list', { view: 'toFinish', limit: 50 }).then((r) => {
        if (live && r.ok) setCalls(r.value.calls);
      });
    load();
    const off = onEvent('calls.changed', load);
    return () => {
      live = false;
      off();
    };
  }, []);
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
