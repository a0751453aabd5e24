import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../../src/contract/reportsContract.ts';
import type { Report } from '../../../src/contract/reportSchemas.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { downloadFile } from './download.ts';
import { ReportDocumentView } from './ReportDocumentView.tsx';
import { PeriodFields } from './PeriodFields.tsx';
import { dayWords, type UiLang } from '../../i18n/i18n.ts';
import { useDefaultPeriod } from './defaultPeriod.ts';

// The period report: pick the dates and the version, see the charts and tables, export. The
// PDF is this very page printed by main (Electron's printToPDF): the report is rendered in
// print layout (cover, method note, sections), main prints the window, the layout goes away.

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

export function PeriodReportView({ supervisor, lang }: { supervisor: boolean; lang: Lang }) {
  const { t } = useTranslation('reports');
  // Opens on the period main suggests (the last complete month with calls); until then, nothing.
  const suggested = useDefaultPeriod();
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [flavour, setFlavour] = useState<'internal' | 'public'>('internal');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [printing, setPrinting] = useState<Report | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const show = async (e?: React.FormEvent, which = period) => {
    e?.preventDefault();
    setBusy('show');
    setError(null);
    setDone(null);
    const r = await invoke('reports.period', { ...which, flavour });
    setBusy(null);
    if (r.ok) setReport(r.value);
    else setError(r.error);
  };

  useEffect(() => {
    if (!suggested) return;
    const first = { from: suggested.from, to: suggested.to };
    setPeriod(first);
    void show(undefined, first);
    // First display only (once main suggested the period); later ones on demand.
  }, [suggested]);

  useEffect(() => {
    document.body.classList.toggle('printing-report', printing !== null);
  }, [printing]);

  const exportAs = async (kind: 'internal' | 'public', format: ReportFormat, delimiter: ';' | ',' = ';') => {
    setBusy(`${kind}-${format}-${delimiter}`);
    setError(null);
    setDone(null);
    try {
      if (format === 'pdf') {
        // The report of the version being exported, laid out for print.
        const r = report && report.flavour === kind && report.period.from === period.from && report.period.to === period.to ? { ok: true as const, value: report } : await invoke('reports.period', { ...period, flavour: kind });
        if (!r.ok) {
          setError(r.error);
          return;
        }
        setPrinting(r.value);
        await nextPaint();
      }
      const res = await invoke(kind === 'public' ? 'reports.exportPublic' : 'reports.export', { ...period, format, delimiter, lang });
      if (res.ok) {
        downloadFile(res.value.fileName, res.value.mimeType, res.value.base64);
        setDone(res.value.fileName);
      } else setError(res.error);
    } finally {
      setPrinting(null);
      setBusy(null);
    }
  };

  const exportButtons = (kind: 'internal' | 'public') => {
    const disabled = busy !== null || (kind === 'public' && !supervisor);
    const b = (format: ReportFormat, label: string, delimiter: ';' | ',' = ';') => (
      <button type="button" disabled={disabled} onClick={() => void exportAs(kind, format, delimiter)} data-export={`${kind}-${format}${format === 'csv' ? (delimiter === ';' ? '-semicolon' : '-comma') : ''}`}>
        {label}
      </button>
    );
    return (
      <div className="button-row">
        {b('pdf', t('period.pdf'))}
        {b('xlsx', t('period.xlsx'))}
        {b('csv', t('period.csvSemicolon'), ';')}
        {b('csv', t('period.csvComma'), ',')}
        {b('json', t('period.json'))}
      </div>
    );
  };

  return (
    <div className="period-report" ref={resultRef}>
      <form className="report-form panel" onSubmit={(e) => void show(e)}>
        <PeriodFields period={period} onPeriod={setPeriod} flavour={flavour} onFlavour={setFlavour} name="flavour" />
        <button type="submit" className="primary" disabled={busy !== null} data-focus="reports.show">
          {t('period.show')}
        </button>
      </form>
      <section className="panel report-exports" aria-label={t('period.export')}>
        <div>
          <h3>{t('period.exportInternal')}</h3>
          {exportButtons('internal')}
        </div>
        <div>
          <h3>{t('period.exportPublic')}</h3>
          {exportButtons('public')}
          {!supervisor && <p className="hint">{t('period.publicOnlySupervisors')}</p>}
        </div>
      </section>
      <div aria-live="polite">
        {busy === 'show' && <p className="muted">{t('period.loading')}</p>}
        {printing && <p className="muted">{t('period.printing')}</p>}
        {done && <p className="notice">{t('period.exported', { file: done })}</p>}
      </div>
      <ErrorMessage error={error} />
      {/* Says why this period was opened, while it is the one shown. */}
      {report && suggested && report.period.from === suggested.from && report.period.to === suggested.to && (
        <p className="hint" data-testid="default-period" data-rule={suggested.rule}>
          {suggested.rule === 'lastMonthWithCalls'
            ? t('period.openedOnLastMonth', { month: dayWords(suggested.from, lang as UiLang, { month: 'long', year: 'numeric' }) })
            : t('period.openedOnMonthSoFar', { month: dayWords(suggested.from, lang as UiLang, { month: 'long', year: 'numeric' }) })}
        </p>
      )}
      {report && <ReportDocumentView report={report} lang={lang} />}
      {printing && createPortal(<div className="print-root"><ReportDocumentView report={printing} lang={lang} print /></div>, document.body)}
    </div>
  );
}
