import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayWords } from '../../i18n/i18n.ts';
import type { QuoteCandidate } from '../../../src/contract/reportsContract.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { GuardFlags } from '../calls/GuardFlags.tsx';
import { useGuard } from '../calls/guard.ts';
import { useTaxonomy } from '../calls/useTaxonomy.ts';
import { useDefaultPeriod } from './defaultPeriod.ts';
import { DateField } from '../../components/DateField.tsx';

// Excerpts of notes flagged "may be quoted": the detector's findings are shown and replaced by
// marks in the proposed excerpt; the supervisor edits it (the guard flags what is left as it is
// typed, with one-click masks) and approves it under one of the call's themes. Main refuses an
// excerpt in which the guard still finds identifying data, unless the supervisor ticks the
// explicit override — recorded in the audit log.

function Candidate({ c, lang, onChange }: { c: QuoteCandidate; lang: Lang; onChange: () => void }) {
  const { t } = useTranslation('reports');
  const themes = useTaxonomy();
  const [text, setText] = useState(c.suggested);
  const [theme, setTheme] = useState(c.themes[0] ?? '');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [override, setOverride] = useState(false);
  const guard = useGuard(text, setText);
  const label = (code: string) => themes.find((x) => x.code === code)?.labels[lang] ?? code;
  const approve = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await invoke('reports.quotes.approve', { callId: c.callId, theme, text, override: override && guard.findings.length > 0 });
    if (r.ok) {
      setError(null);
      onChange();
    } else setError(r.error);
  };
  const revoke = async (id: number) => {
    const r = await invoke('reports.quotes.revoke', { id });
    if (r.ok) onChange();
    else setError(r.error);
  };
  return (
    <li className="panel quote-candidate" data-call={c.callId}>
      <p className="muted">
        {dayWords(c.day, lang)} · {c.themes.map(label).join(', ')}
      </p>
      <p className={c.findings.length ? 'warnings' : 'muted'}>{c.findings.length ? t('quotes.findings', { count: c.findings.length }) : t('quotes.clean')}</p>
      <blockquote className="quote-original">{c.original}</blockquote>
      {c.approved.map((q) => (
        <div key={q.id} className="quote-approved">
          <blockquote>{q.text}</blockquote>
          <span className="muted">
            {label(q.theme)} · {t('quotes.approved', { name: q.approvedBy })}
          </span>{' '}
          <button type="button" onClick={() => void revoke(q.id)}>
            {t('quotes.revoke')}
          </button>
        </div>
      ))}
      <form onSubmit={(e) => void approve(e)}>
        <label className="field">
          <span>{t('quotes.excerpt')}</span>
          <textarea value={text} rows={3} maxLength={1000} onChange={(e) => setText(e.target.value)} />
        </label>
        <GuardFlags findings={guard.findings} onRedact={guard.redact} onRedactAll={guard.redactAll} />
        {guard.findings.length > 0 && (
          <label className="check">
            <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> {t('quotes.override')}
          </label>
        )}
        <label className="field">
          <span>{t('quotes.theme')}</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value)}>
            {c.themes.map((code) => (
              <option key={code} value={code}>
                {label(code)}
              </option>
            ))}
          </select>
        </label>
        <ErrorMessage error={error} />
        <button type="submit" disabled={!theme || text.trim() === ''}>
          {t('quotes.approve')}
        </button>
      </form>
    </li>
  );
}

export function QuotesReview({ supervisor, lang }: { supervisor: boolean; lang: Lang }) {
  const { t } = useTranslation('reports');
  const suggested = useDefaultPeriod();
  const [chosen, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const period = chosen ?? (suggested ? { from: suggested.from, to: suggested.to } : { from: '', to: '' });
  const [candidates, setCandidates] = useState<QuoteCandidate[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const load = useCallback(async () => {
    if (!supervisor || !period.from || !period.to) return;
    const r = await invoke('reports.quotes.list', { from: period.from, to: period.to, limit: 100 });
    if (r.ok) setCandidates(r.value.candidates);
    else setError(r.error);
  }, [period.from, period.to, supervisor]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!supervisor) return <p className="notice">{t('quotes.supervisorsOnly')}</p>;
  return (
    <div className="quotes-review">
      <p className="muted">{t('quotes.intro')}</p>
      <div className="report-form panel">
        <label className="field">
          <span>{t('period.from')}</span>
          <DateField value={period.from} onChange={(from) => setPeriod({ ...period, from })} />
        </label>
        <label className="field">
          <span>{t('period.to')}</span>
          <DateField value={period.to} onChange={(to) => setPeriod({ ...period, to })} />
        </label>
      </div>
      <ErrorMessage error={error} />
      {candidates && candidates.length === 0 && <p className="muted">{t('quotes.none')}</p>}
      <ul className="plain-list">
        {candidates?.map((c) => (
          <Candidate key={`${c.callId}-${c.approved.length}`} c={c} lang={lang} onChange={() => void load()} />
        ))}
      </ul>
    </div>
  );
}
