import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import { call } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useOperation } from '../../data/useOperation.ts';
import { dayWords, type UiLang } from '../../i18n/i18n.ts';
import { useDefaultPeriod } from './defaultPeriod.ts';
import { PeriodFields } from './PeriodFields.tsx';
import { ReportDocumentView } from './ReportDocumentView.tsx';
import { ReportExportButtons } from './ReportExportButtons.tsx';

// The period report: pick the dates and the version, see the charts and tables, export. Main
// makes every file (the PDF drawn with pdfkit, src/reports/reportPdf.ts) and saves it through
// its save dialog; the buttons say where it went.

type Flavour = 'internal' | 'public';
interface Shown {
  from: string;
  to: string;
  flavour: Flavour;
}

export function PeriodReportView({ supervisor, lang }: { supervisor: boolean; lang: Lang }) {
  const { t } = useTranslation('reports');
  // Opens on the period main suggests (the last complete month with calls); until then, nothing.
  const suggested = useDefaultPeriod();
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [flavour, setFlavour] = useState<Flavour>('internal');
  // The report asked for (the form's values when "Afficher" was pressed).
  const [shown, setShown] = useState<Shown | null>(null);
  const report = useOperation('reports.period', shown ?? { from: '', to: '', flavour: 'internal' }, { enabled: shown !== null });

  useEffect(() => {
    if (!suggested) return;
    // First display only (once main suggested the period); later ones on demand.
    setPeriod({ from: suggested.from, to: suggested.to });
    setShown({ from: suggested.from, to: suggested.to, flavour: 'internal' });
  }, [suggested]);

  const show = (e: React.FormEvent) => {
    e.preventDefault();
    const next = { ...period, flavour };
    // The same period again: asked again (calls may have been closed since).
    if (shown && shown.from === next.from && shown.to === next.to && shown.flavour === next.flavour) void report.refetch();
    else setShown(next);
  };

  const shownReport = report.data;
  return (
    <div className="period-report">
      <form className="report-form panel" onSubmit={show}>
        <PeriodFields period={period} onPeriod={setPeriod} flavour={flavour} onFlavour={setFlavour} name="flavour" />
        <button type="submit" className="primary" disabled={report.isFetching} data-focus="reports.show">
          {t('period.show')}
        </button>
      </form>
      <section className="panel report-exports" aria-label={t('period.export')}>
        <ReportExportButtons title={t('period.exportInternal')} prefix="internal" save={(format, delimiter) => call('reports.export', { ...period, format, delimiter, lang })} />
        <ReportExportButtons title={t('period.exportPublic')} prefix="public" disabled={!supervisor} save={(format, delimiter) => call('reports.exportPublic', { ...period, format, delimiter, lang })}>
          {!supervisor && <p className="hint">{t('period.publicOnlySupervisors')}</p>}
        </ReportExportButtons>
      </section>
      <div aria-live="polite">{report.isFetching && <p className="muted">{t('period.loading')}</p>}</div>
      <ErrorMessage error={report.error?.payload ?? null} />
      {/* Says why this period was opened, while it is the one shown. */}
      {shownReport && suggested && shownReport.period.from === suggested.from && shownReport.period.to === suggested.to && (
        <p className="hint" data-testid="default-period" data-rule={suggested.rule}>
          {suggested.rule === 'lastMonthWithCalls'
            ? t('period.openedOnLastMonth', { month: dayWords(suggested.from, lang as UiLang, { month: 'long', year: 'numeric' }) })
            : t('period.openedOnMonthSoFar', { month: dayWords(suggested.from, lang as UiLang, { month: 'long', year: 'numeric' }) })}
        </p>
      )}
      {shownReport && !report.error && <ReportDocumentView report={shownReport} lang={lang} />}
    </div>
  );
}
