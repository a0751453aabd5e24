import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackView } from '../../../src/contract/callbacksContract.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useTaxonomy } from '../calls/useTaxonomy.ts';

// "A callback carries its call" (issue 15): the original call as the responder who calls back
// needs it — when, themes, referrals and how each ended, how the call ended, the pseudonym —
// and the "pour qui rappellera" note written at scheduling. Never the call's notes.

export function useThemeLabel(lang: UiLang): (code: string) => string {
  const themes = useTaxonomy();
  const map = useMemo(() => new Map(themes.map((th) => [th.code, th.labels[lang]])), [themes, lang]);
  return (code) => map.get(code) ?? code;
}

/** One line for a queue row: "Appel du lun. 2 mars — Logement, Santé". */
export function CallLine({ c, lang }: { c: CallbackView; lang: UiLang }) {
  const { t } = useTranslation('callbacks');
  const theme = useThemeLabel(lang);
  if (!c.call) return null;
  return (
    <span className="cb-call-line muted">
      {t('call.line', { date: formatDateTime(c.call.startedAt, lang, { weekday: 'short', day: 'numeric', month: 'short' }), themes: c.call.themes.map(theme).join(', ') || t('call.noTheme') })}
      {c.origin === 'hub' && c.originCentre ? ` · ${t('call.fromCentre', { centre: c.originCentre })}` : ''}
    </span>
  );
}

export function CallSummary({ c, lang }: { c: CallbackView; lang: UiLang }) {
  const { t } = useTranslation('callbacks');
  const tc = useTranslation('calls').t;
  const theme = useThemeLabel(lang);
  const call = c.call;
  return (
    <section className="cb-call" aria-labelledby={`cb-call-${c.id}`}>
      <h3 id={`cb-call-${c.id}`}>{t('call.title')}</h3>
      {!call ? (
        <p className="muted">{t('call.unknown')}</p>
      ) : (
        <dl className="facts compact">
          <dt>{t('call.date')}</dt>
          <dd>
            {formatDateTime(call.startedAt, lang, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })}
            {c.origin === 'hub' && c.originCentre ? ` — ${t('call.fromCentre', { centre: c.originCentre })}` : ''}
          </dd>
          <dt>{t('call.themes')}</dt>
          <dd>{call.themes.map(theme).join(', ') || t('call.noTheme')}</dd>
          <dt>{t('call.referrals')}</dt>
          <dd>
            {call.referrals.length === 0 ? (
              t('call.noReferral')
            ) : (
              <ul className="cb-referrals">
                {call.referrals.map((r) => (
                  <li key={r.serviceId}>
                    {r.serviceName}
                    {r.outcome ? ` — ${tc(`referrals.outcomes.${r.outcome}`)}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {call.resolution && (
            <>
              <dt>{tc('record.resolution.label')}</dt>
              <dd>{tc(`record.resolution.${call.resolution}`)}</dd>
            </>
          )}
          {call.pseudonym && (
            <>
              <dt>{t('call.pseudonym')}</dt>
              <dd>{call.pseudonym}</dd>
            </>
          )}
        </dl>
      )}
      <h3>{t('call.promised')}</h3>
      <p className="cb-promised">{c.reason}</p>
      {c.forNext && (
        <>
          <h3>{t('call.forNext')}</h3>
          <p className="cb-for-next">{c.forNext}</p>
        </>
      )}
    </section>
  );
}
