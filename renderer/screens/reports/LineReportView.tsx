import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../../src/contract/reportsContract.ts';
import type { Report } from '../../../src/contract/reportSchemas.ts';
import { dayOf, previousMonth } from '../../../src/domain/brusselsTime.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { downloadFile } from './download.ts';
import { ReportDocumentView } from './ReportDocumentView.tsx';
import { PeriodFields } from './PeriodFields.tsx';

// "Bilan de la ligne" (issue 14): the hub's report over every centre, for a supervisor of a
// joined PC. The hub builds it (and protects the public version); this view shows it with the
// same report view as the local bilan and exports it the same way — the PDF is this page
// printed by main. Kept apart from the local bilan's view: other hands change that one.

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

export function LineReportView({ lang }: { lang: Lang }) {
  const { t } = useTranslation('reports');
  const [period, setPeriod] = useState(() => previousMonth(dayOf(new Date())));
  const [flavour, setFlavour] = useState<'internal' | 'public'>('internal');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [printing, setPrinting] = useState<Report | null>(null);

  const show = async (e?: React.FormEvent) => {
    e?.preventDefault();
    setBusy('show');
    setError(null);
    setDone(null);
    const r = await invoke('reports.line', { ...period, flavour });
    setBusy(null);
    if (r.ok) setReport(r.value);
    else {
      setReport(null);
      setError(r.error);
    }
  };

  useEffect(() => {
    document.body.classList.toggle('printing-report', printing !== null);
  }, [printing]);

  const exportAs = async (format: ReportFormat, delimiter: ';' | ',' = ';') => {
    setBusy(`${flavour}-${format}-${delimiter}`);
    setError(null);
    setDone(null);
    try {
      if (format === 'pdf') {
        // The report being exported, laid out for print (fetched again if the form changed since).
        const r = report && report.flavour === flavour && report.period.from === period.from && report.period.to === period.to ? { ok: true as const, value: report } : await invoke('reports.line', { ...period, flavour });
        if (!r.ok) {
          setError(r.error);
          return;
        }
        setPrinting(r.value);
        await nextPaint();
      }
      const res = await invoke('reports.lineExport', { ...period, flavour, format, delimiter, lang });
      if (res.ok) {
        downloadFile(res.value.fileName, res.value.mimeType, res.value.base64);
        setDone(res.value.fileName);
      } else setError(res.error);
    } finally {
      setPrinting(null);
      setBusy(null);
    }
  };

  const b = (format: ReportFormat, label: string, delimiter: ';' | ',' = ';') => (
    <button type="button" disabled={busy !== null} onClick={() => void exportAs(format, delimiter)} data-export={`line-${format}${format === 'csv' ? (delimiter === ';' ? '-semicolon' : '-comma') : ''}`}>
      {label}
    </button>
  );

  return (
    <div className="period-report line-report">
      <p className="hint no-print">{t('line.intro')}</p>
      <form className="report-form panel no-print" onSubmit={(e) => void show(e)} aria-label={t('line.form')}>
        <PeriodFields period={period} onPeriod={setPeriod} flavour={flavour} onFlavour={setFlavour} name="line-flavour" />
        <button type="submit" className="primary" disabled={busy !== null}>
          {t('line.fetch')}
        </button>
      </form>
      <section className="panel report-exports no-print" aria-label={t('line.export')}>
        <div>
          <h3>{t(flavour === 'public' ? 'line.exportPublic' : 'line.exportInternal')}</h3>
          <div className="button-row">
            {b('pdf', t('period.pdf'))}
            {b('xlsx', t('period.xlsx'))}
            {b('csv', t('period.csvSemicolon'), ';')}
            {b('csv', t('period.csvComma'), ',')}
            {b('json', t('period.json'))}
          </div>
        </div>
      </section>
      <div aria-live="polite" className="no-print">
        {busy === 'show' && <p className="muted">{t('line.loading')}</p>}
        {printing && <p className="muted">{t('period.printing')}</p>}
        {done && <p className="notice">{t('period.exported', { file: done })}</p>}
      </div>
      <ErrorMessage error={error} />
      {report && (
        <>
          <h3 className="line-report-title">{report.title[lang]}</h3>
          <p className="muted" data-testid="line-centres">
            {t('line.centres', { count: report.centres.length, centres: report.centres.join(', ') })}
          </p>
          <ReportDocumentView report={report} lang={lang} />
        </>
      )}
      {printing && createPortal(<div className="print-root"><ReportDocumentView report={printing} lang={lang} print /></div>, document.body)}
    </div>
  );
}
