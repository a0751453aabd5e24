import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '../../../src/contract/reportsContract.ts';
import { INTERVENTION_LABELS } from '../../../src/domain/reportLabels.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { GuardFlags } from '../calls/GuardFlags.tsx';
import { useGuard } from '../calls/guard.ts';
import { dayWords, formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useTaxonomy } from '../calls/useTaxonomy.ts';
import { DateField } from '../../components/DateField.tsx';

// The shift summary for the debriefing: internal, printable (Ctrl+P / the Print button prints
// this view only), with the handover notes the next shift reads.

export function ShiftSummaryView({ lang }: { lang: Lang }) {
  const { t } = useTranslation('reports');
  const themes = useTaxonomy();
  // Null until the responder picks a day: main then answers for the Brussels day of its own
  // clock (the browser's date may differ — a PC's wrong clock, the harness's ManualClock).
  const [day, setDay] = useState<string | null>(null);
  const [scope, setScope] = useState<'team' | 'me'>('team');
  const [summary, setSummary] = useState<ShiftSummary | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<ErrorPayload | null>(null);
  // The handover note goes to the next shift (and, with the hub, to other centres): guarded as typed.
  const noteGuard = useGuard(note, setNote);

  const load = useCallback(async () => {
    const r = await invoke('reports.shiftSummary', day ? { day, scope } : { scope });
    if (r.ok) {
      setSummary(r.value);
      setError(null);
    } else setError(r.error);
  }, [day, scope]);

  useEffect(() => {
    void load();
  }, [load]);

  const themeLabel = (code: string) => themes.find((x) => x.code === code)?.labels[lang] ?? code;
  const addNote = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await invoke('reports.handover.add', { text: note });
    if (r.ok) {
      setNote('');
      setNoteError(null);
      await load();
    } else setNoteError(r.error);
  };

  return (
    <div className="shift-summary printable">
      <div className="report-form panel no-print">
        <label className="field">
          <span>{t('shift.day')}</span>
          <DateField value={day ?? summary?.day ?? ''} onChange={(d) => setDay(d || null)} />
        </label>
        <label className="field">
          <span>{t('shift.scope')}</span>
          <select value={scope} onChange={(e) => setScope(e.target.value as 'team' | 'me')}>
            <option value="team">{t('shift.team')}</option>
            <option value="me">{t('shift.me')}</option>
          </select>
        </label>
        <button type="button" onClick={() => window.print()}>
          {t('shift.print')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {summary && (
        <>
          <p className="notice warn">{t('shift.internal')}</p>
          <h3>
            {t('tabs.shift')} — {dayWords(summary.day, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
          </h3>
          <dl className="report-headline">
            {(
              [
                ['calls', summary.calls.total],
                ['requests', summary.requests],
                ['inProgress', summary.calls.inProgress],
                ['toFinish', summary.calls.toFinish],
                ['closed', summary.calls.closed],
              ] as const
            ).map(([k, v]) => (
              <div key={k} data-figure={k}>
                <dt>{t(`shift.${k}`)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {summary.calls.total === 0 && <p className="muted">{t('shift.empty')}</p>}
          <div className="summary-grid">
            <section className="panel">
              <h4>{t('shift.themes')}</h4>
              <table className="report-table">
                <tbody>
                  {summary.themes.map((x) => (
                    <tr key={x.key}>
                      <th scope="row">{themeLabel(x.key)}</th>
                      <td>{x.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="panel">
              <h4>{t('shift.interventions')}</h4>
              <table className="report-table">
                <tbody>
                  {summary.interventions.map((x) => (
                    <tr key={x.key}>
                      <th scope="row">{INTERVENTION_LABELS[x.key]?.[lang] ?? x.key}</th>
                      <td>{x.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="panel">
              <h4>{t('shift.callbacks')}</h4>
              <table className="report-table">
                <tbody>
                  {(['dueThatDay', 'scheduled', 'done', 'overdue', 'dueNow', 'pending'] as const).map((k) => (
                    <tr key={k} data-callbacks={k}>
                      <th scope="row">{t(`shift.${k}`)}</th>
                      <td>{summary.callbacks[k]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <section className="panel">
            <h4>{t('shift.referrals')}</h4>
            <p className="muted">{t('shift.referralsTotal', { count: summary.referrals.total, contacted: summary.referrals.contacted })}</p>
            {summary.referrals.services.length > 0 && (
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('shift.service')}</th>
                    <th scope="col">{t('shift.count')}</th>
                    <th scope="col">{t('shift.contacted')}</th>
                    <th scope="col">{t('shift.notHelping')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.referrals.services.map((s) => (
                    <tr key={s.serviceId}>
                      <th scope="row">{s.serviceName}</th>
                      <td>{s.count}</td>
                      <td>{s.contacted}</td>
                      <td>{s.notHelping}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel">
            <h4>{t('shift.toFinishTitle')}</h4>
            {summary.toFinish.length === 0 ? (
              <p className="muted">{t('shift.noneToFinish')}</p>
            ) : (
              <ul className="plain-list">
                {summary.toFinish.map((c) => (
                  <li key={c.callId}>
                    {formatDateTime(c.startedAt, lang as UiLang, { timeStyle: 'short' })} — {c.responderName}
                    {c.missing.length > 0 && <span className="muted"> · {t('shift.missing', { what: c.missing.map((m) => t(m === 'themes' ? 'shift.missingThemes' : 'shift.missingInterventions')).join(', ') })}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel">
            <h4>{t('shift.unmet')}</h4>
            {summary.unmetNeeds.length === 0 ? (
              <p className="muted">{t('shift.noUnmet')}</p>
            ) : (
              <ul className="plain-list">
                {summary.unmetNeeds.map((u, i) => (
                  <li key={i}>
                    <span className="muted">{u.themes.map(themeLabel).join(', ')} — </span>
                    {u.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="without-request-title">
            <h4 id="without-request-title">{t('shift.withoutRequest')}</h4>
            {summary.withoutRequest.length === 0 ? (
              <p className="muted">{t('shift.noWithoutRequest')}</p>
            ) : (
              <ul className="plain-list" data-without-request>
                {summary.withoutRequest.map((w) => (
                  <li key={w.key}>
                    {t(`reportLabels:noRequest.${w.key}`)} : {w.count}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="debrief-title">
            <h4 id="debrief-title">{t('shift.debrief')}</h4>
            {summary.debrief.length === 0 ? (
              <p className="muted">{t('shift.noDebrief')}</p>
            ) : (
              <ul className="plain-list" data-debrief>
                {summary.debrief.map((d) => (
                  <li key={d.callId}>
                    <span className="muted">
                      {formatDateTime(d.startedAt, lang as UiLang, { timeStyle: 'short' })} — {d.responderName} —{' '}
                    </span>
                    {d.reason ?? t('shift.noReason')}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="handover-title">
            <h4 id="handover-title">{t('shift.handover')}</h4>
            {summary.handover.length === 0 ? (
              <p className="muted">{t('shift.noHandover')}</p>
            ) : (
              <ul className="plain-list" data-handover>
                {summary.handover.map((h) => (
                  <li key={h.id}>
                    <span className="muted">
                      {formatDateTime(h.createdAt, lang as UiLang, { timeStyle: 'short' })} — {h.author} :{' '}
                    </span>
                    {h.text}
                  </li>
                ))}
              </ul>
            )}
            <form className="no-print" onSubmit={(e) => void addNote(e)}>
              <label className="field">
                <span>{t('shift.handoverAdd')}</span>
                <textarea value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
                <span className="hint">{t('shift.handoverHint')}</span>
                <GuardFlags findings={noteGuard.findings} onRedact={noteGuard.redact} onRedactAll={noteGuard.redactAll} />
              </label>
              <ErrorMessage error={noteError} />
              <button type="submit" disabled={note.trim() === ''}>
                {t('shift.handoverSave')}
              </button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
