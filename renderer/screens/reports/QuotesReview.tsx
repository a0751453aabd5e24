import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayWords } from '../../i18n/i18n.ts';
import { QUOTE_MAX_CHARS, type QuoteCandidate, reportsContract } from '../../../src/contract/reportsContract.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldIssue, issueAttributes } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useOperation } from '../../data/useOperation.ts';
import { GuardFlags } from '../calls/GuardFlags.tsx';
import { useGuard } from '../calls/guard.ts';
import { useTaxonomy } from '../calls/useTaxonomy.ts';
import { useDefaultPeriod } from './defaultPeriod.ts';
import { PeriodFields } from './PeriodFields.tsx';

// Excerpts of notes flagged "may be quoted": the detector's findings are shown and replaced by
// marks in the proposed excerpt; the supervisor edits it (the guard flags what is left as it is
// typed, with one-click masks) and approves it under one of the call's themes. Main refuses an
// excerpt in which the guard still finds identifying data, unless the supervisor ticks the
// explicit override — recorded in the audit log. An approval or a withdrawal refreshes the list
// through main's reports.changed event (renderer/data/invalidation.ts), never by hand.

const APPROVE_INPUT = reportsContract['reports.quotes.approve'].input;

function Candidate({ c, lang }: { c: QuoteCandidate; lang: Lang }) {
  const { t } = useTranslation('reports');
  const uid = useId();
  const themes = useTaxonomy();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { register, handleSubmit, watch, setValue, formState } = useContractForm(APPROVE_INPUT, { defaultValues: { callId: c.callId, theme: c.themes[0] ?? '', text: c.suggested, override: false } });
  const [text, theme] = watch(['text', 'theme']);
  const guard = useGuard(text, (next) => setValue('text', next, { shouldDirty: true }));
  const label = (code: string) => themes.find((x) => x.code === code)?.labels[lang] ?? code;
  const approve = handleSubmit(async (values) => {
    // The override counts only while the guard still finds something (the box is shown then).
    const r = await invoke('reports.quotes.approve', { ...values, override: values.override && guard.findings.length > 0 });
    setError(r.ok ? null : r.error);
  });
  const revoke = async (id: number) => {
    const r = await invoke('reports.quotes.revoke', { id });
    if (!r.ok) setError(r.error);
  };
  const ids = { text: `${uid}-text`, theme: `${uid}-theme` };
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
          <textarea rows={3} maxLength={QUOTE_MAX_CHARS} {...register('text')} {...issueAttributes(formState.errors.text, ids.text)} />
          <FieldIssue error={formState.errors.text} id={ids.text} />
        </label>
        <GuardFlags findings={guard.findings} onRedact={guard.redact} onRedactAll={guard.redactAll} />
        {guard.findings.length > 0 && (
          <label className="check">
            <input type="checkbox" {...register('override')} /> {t('quotes.override')}
          </label>
        )}
        <label className="field">
          <span>{t('quotes.theme')}</span>
          <select {...register('theme')} {...issueAttributes(formState.errors.theme, ids.theme)}>
            {c.themes.map((code) => (
              <option key={code} value={code}>
                {label(code)}
              </option>
            ))}
          </select>
          <FieldIssue error={formState.errors.theme} id={ids.theme} />
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
  const list = useOperation('reports.quotes.list', { from: period.from, to: period.to, limit: 100 }, { enabled: supervisor && period.from !== '' && period.to !== '', keepPrevious: true });
  const candidates = list.data?.candidates ?? null;
  if (!supervisor) return <p className="notice">{t('quotes.supervisorsOnly')}</p>;
  return (
    <div className="quotes-review">
      <p className="muted">{t('quotes.intro')}</p>
      <div className="report-form panel">
        <PeriodFields period={period} onPeriod={setPeriod} />
      </div>
      <ErrorMessage error={list.error?.payload ?? null} />
      {candidates && candidates.length === 0 && <p className="muted">{t('quotes.none')}</p>}
      <ul className="plain-list">
        {candidates?.map((c) => (
          <Candidate key={`${c.callId}-${c.approved.length}`} c={c} lang={lang} />
        ))}
      </ul>
    </div>
  );
}
