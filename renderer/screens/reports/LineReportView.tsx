import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayOf, previousMonth } from '../../../src/domain/brusselsTime.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import { call } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useOperation } from '../../data/useOperation.ts';
import { PeriodFields } from './PeriodFields.tsx';
import { ReportDocumentView } from './ReportDocumentView.tsx';
import { ReportExportButtons } from './ReportExportButtons.tsx';

// "Bilan de la ligne" (issue 14): the hub's report over every centre, for a supervisor of a
// joined PC. The hub builds it (and protects the public version); this view shows it with the
// same report view as the local bilan and exports it with the same buttons — main makes the
// files (the PDF with pdfkit) and saves them.

type Flavour = 'internal' | 'public';

/** The form opens on the month before main's Brussels day (its clock, not the window's). */
export function LineReportView({ lang }: { lang: Lang }) {
  const { t } = useTranslation('reports');
  const clock = useOperation('calls.clock', {});
  if (!clock.data) return <p aria-busy="true">{t('line.loading')}</p>;
  return <LineReport lang={lang} today={dayOf(clock.data.now)} />;
}

function LineReport({ lang, today }: { lang: Lang; today: string }) {
  const { t } = useTranslation('reports');
  const [period, setPeriod] = useState(() => previousMonth(today));
  const [flavour, setFlavour] = useState<Flavour>('internal');
  // Asked of the hub when "Demander au hub" is pressed, not as the fields change.
  const [asked, setAsked] = useState<{ from: string; to: string; flavour: Flavour } | null>(null);
  const report = useOperation('reports.line', asked ?? { from: '', to: '', flavour: 'internal' }, { enabled: asked !== null });

  const fetchReport = (e: React.FormEvent) => {
    e.preventDefault();
    const next = { ...period, flavour };
    // The same question again: asked again (the hub may have more calls, or be back).
    if (asked && asked.from === next.from && asked.to === next.to && asked.flavour === next.flavour) void report.refetch();
    else setAsked(next);
  };

  const shown = report.error ? null : report.data;
  return (
    <div className="period-report line-report">
      <p className="hint">{t('line.intro')}</p>
      <form className="report-form panel" onSubmit={fetchReport} aria-label={t('line.form')}>
        <PeriodFields period={period} onPeriod={setPeriod} flavour={flavour} onFlavour={setFlavour} name="line-flavour" />
        <button type="submit" className="primary" disabled={report.isFetching}>
          {t('line.fetch')}
        </button>
      </form>
      <section className="panel report-exports" aria-label={t('line.export')}>
        <ReportExportButtons title={t(flavour === 'public' ? 'line.exportPublic' : 'line.exportInternal')} prefix="line" save={(format, delimiter) => call('reports.lineExport', { ...period, flavour, format, delimiter, lang })} />
      </section>
      <div aria-live="polite">{report.isFetching && <p className="muted">{t('line.loading')}</p>}</div>
      <ErrorMessage error={report.error?.payload ?? null} />
      {shown && (
        <>
          <h3 className="line-report-title">{shown.title[lang]}</h3>
          <p className="muted" data-testid="line-centres">
            {t('line.centres', { count: shown.centres.length, centres: shown.centres.join(', ') })}
          </p>
          <ReportDocumentView report={shown} lang={lang} />
        </>
      )}
    </div>
  );
}
