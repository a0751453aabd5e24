import { useId, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HANDOVER_MAX_CHARS, reportsContract } from '../../../src/contract/reportsContract.ts';
import { INTERVENTION_LABELS } from '../../../src/domain/reportLabels.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldIssue, issueAttributes } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useOperation } from '../../data/useOperation.ts';
import { GuardFlags } from '../calls/GuardFlags.tsx';
import { useGuard } from '../calls/guard.ts';
import { dayWords, formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useTaxonomy } from '../calls/useTaxonomy.ts';
import { CountTable, SummaryList } from './SummaryParts.tsx';
import { DateField } from '../../components/DateField.tsx';

// The shift summary for the debriefing: internal, printable (Ctrl+P / the Print button prints
// this view only), with the handover notes the next shift reads. Read through useOperation: a
// call closed, a note left here or pulled from the hub refreshes it (renderer/data/invalidation.ts).

const SUMMARY_INPUT = reportsContract['reports.shiftSummary'].input;
const HANDOVER_INPUT = reportsContract['reports.handover.add'].input;

/** A note for the next shift (and, with the hub, other centres): guarded as typed; main has the last word. */
function HandoverForm() {
  const { t } = useTranslation('reports');
  const uid = useId();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { register, handleSubmit, watch, setValue, reset, formState } = useContractForm(HANDOVER_INPUT, { defaultValues: { text: '' } });
  const text = watch('text');
  const guard = useGuard(text, (next) => setValue('text', next, { shouldDirty: true }));
  const issueId = `${uid}-text`;
  // The summary shows the note once main says it was added (reports.changed).
  const add = handleSubmit(async (values) => {
    const r = await invoke('reports.handover.add', values);
    if (r.ok) {
      reset();
      setError(null);
    } else setError(r.error);
  });
  return (
    <form className="no-print" onSubmit={(e) => void add(e)}>
      <label className="field">
        <span>{t('shift.handoverAdd')}</span>
        <textarea maxLength={HANDOVER_MAX_CHARS} rows={2} {...register('text')} {...issueAttributes(formState.errors.text, issueId)} />
        <span className="hint">{t('shift.handoverHint')}</span>
        <GuardFlags findings={guard.findings} onRedact={guard.redact} onRedactAll={guard.redactAll} />
        <FieldIssue error={formState.errors.text} id={issueId} />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={text.trim() === ''}>
        {t('shift.handoverSave')}
      </button>
    </form>
  );
}

export function ShiftSummaryView({ lang }: { lang: Lang }) {
  const { t } = useTranslation('reports');
  const themes = useTaxonomy();
  // Which day, whose calls: the operation's own input. No day until the responder picks one:
  // main then answers for the Brussels day of its own clock (the browser's date may differ — a
  // PC's wrong clock, the harness's ManualClock).
  const { control, register, watch } = useContractForm(SUMMARY_INPUT, { mode: 'onChange', defaultValues: { scope: 'team' } });
  const [day, scope] = watch(['day', 'scope']);
  // The summary shown stays while another day's is asked.
  const asked = useOperation('reports.shiftSummary', day ? { day, scope } : { scope }, { keepPrevious: true });
  const summary = asked.data ?? null;
  const error = asked.error?.payload ?? null;

  const themeLabel = (code: string) => themes.find((x) => x.code === code)?.labels[lang] ?? code;

  return (
    <div className="shift-summary printable">
      <div className="report-form panel no-print">
        <label className="field">
          <span>{t('shift.day')}</span>
          <Controller control={control} name="day" render={({ field }) => <DateField value={field.value ?? summary?.day ?? ''} onChange={(d) => field.onChange(d || undefined)} />} />
        </label>
        <label className="field">
          <span>{t('shift.scope')}</span>
          <select {...register('scope')}>
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
            <CountTable title={t('shift.themes')} rows={summary.themes.map((x) => ({ key: x.key, label: themeLabel(x.key), count: x.count }))} />
            <CountTable title={t('shift.interventions')} rows={summary.interventions.map((x) => ({ key: x.key, label: INTERVENTION_LABELS[x.key]?.[lang] ?? x.key, count: x.count }))} />
            <CountTable
              title={t('shift.callbacks')}
              rows={(['dueThatDay', 'scheduled', 'done', 'overdue', 'dueNow', 'pending'] as const).map((k) => ({ key: k, label: t(`shift.${k}`), count: summary.callbacks[k], data: { 'data-callbacks': k } }))}
            />
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
          <SummaryList
            title={t('shift.toFinishTitle')}
            empty={t('shift.noneToFinish')}
            items={summary.toFinish}
            item={(c) => (
              <li key={c.callId}>
                {formatDateTime(c.startedAt, lang as UiLang, { timeStyle: 'short' })} — {c.responderName}
                {c.missing.length > 0 && <span className="muted"> · {t('shift.missing', { what: c.missing.map((m) => t(m === 'themes' ? 'shift.missingThemes' : 'shift.missingInterventions')).join(', ') })}</span>}
              </li>
            )}
          />
          <SummaryList
            title={t('shift.unmet')}
            empty={t('shift.noUnmet')}
            items={summary.unmetNeeds}
            item={(u, i) => (
              <li key={i}>
                <span className="muted">{u.themes.map(themeLabel).join(', ')} — </span>
                {u.text}
              </li>
            )}
          />
          <SummaryList
            title={t('shift.withoutRequest')}
            titleId="without-request-title"
            empty={t('shift.noWithoutRequest')}
            items={summary.withoutRequest}
            data="without-request"
            item={(w) => (
              <li key={w.key}>
                {t(`reportLabels:noRequest.${w.key}`)} : {w.count}
              </li>
            )}
          />
          <SummaryList
            title={t('shift.debrief')}
            titleId="debrief-title"
            empty={t('shift.noDebrief')}
            items={summary.debrief}
            data="debrief"
            item={(d) => (
              <li key={d.callId}>
                <span className="muted">{formatDateTime(d.startedAt, lang as UiLang, { timeStyle: 'short' })} — {d.responderName} — </span>
                {d.reason ?? t('shift.noReason')}
              </li>
            )}
          />
          <SummaryList
            title={t('shift.handover')}
            titleId="handover-title"
            empty={t('shift.noHandover')}
            items={summary.handover}
            data="handover"
            item={(h) => (
              <li key={h.id}>
                <span className="muted">{formatDateTime(h.createdAt, lang as UiLang, { timeStyle: 'short' })} — {h.author} : </span>
                {h.text}
              </li>
            )}
            after={<HandoverForm />}
          />
        </>
      )}
    </div>
  );
}
