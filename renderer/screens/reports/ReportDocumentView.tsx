import { useTranslation } from 'react-i18next';
import type { Report } from '../../../src/contract/reportSchemas.ts';
import { formatCell, formatSeconds, hiddenMark } from '../../../src/domain/reportFormat.ts';
import { HIDDEN_LEGEND, METHOD_TITLE, SECTION_LABELS } from '../../../src/domain/reportLabels.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';
import { dayWords } from '../../i18n/i18n.ts';
import { ReportChart } from './ReportChart.tsx';
import { ReportTableView } from './ReportTableView.tsx';

// The period report page: headline figures, then each section with its charts and, beside
// them, the tables; the excerpts and the method note. The PDF is not this page: main draws it
// with pdfkit (src/reports/reportPdf.ts) from the same report document, with the same figures.

function Headline({ report, lang }: { report: Report; lang: Lang }) {
  const { t } = useTranslation('reports');
  const h = report.headline;
  const iqr = h.q1Seconds.v === null || h.q3Seconds.v === null ? (hiddenMark(h.q1Seconds) ?? '–') : `${formatSeconds(h.q1Seconds.v)} – ${formatSeconds(h.q3Seconds.v)}`;
  // Plain words on screen; the exact statistical term in the tooltip (issue 16).
  const items: Array<[string, string, string, string?]> = [
    ['calls', t('reportLabels:column.calls'), formatCell(h.calls, 'count', lang)],
    ['requests', t('reportLabels:column.requests'), formatCell(h.requests, 'count', lang)],
    ['perCall', t('reportLabels:column.perCall'), formatCell(h.perCall, 'ratio', lang)],
    ['change', t('headline.change'), formatCell(h.callsChange, 'change', lang)],
    ['median', t('headline.medianPlain'), h.medianSeconds.v === null ? (hiddenMark(h.medianSeconds) ?? '–') : formatSeconds(h.medianSeconds.v), t('reportLabels:headline.median')],
    ['iqr', t('headline.iqrPlain'), iqr, t('reportLabels:headline.iqr')],
    ['callbacks', t('reportLabels:headline.callsWithCallback'), formatCell(h.callsWithCallback, 'count', lang)],
  ];
  // A calendar month is also read against the same month a year earlier (issue 17).
  if (h.yearEarlierCalls) items.splice(4, 0, ['yearEarlier', t('reportLabels:headline.yearEarlierCalls'), formatCell(h.yearEarlierCalls, 'count', lang)], ['changeYear', t('reportLabels:headline.changeYear'), formatCell(h.callsChangeYear ?? { v: null, h: 'na' }, 'change', lang)]);
  return (
    <dl className="report-headline">
      {items.map(([key, label, value, term]) => (
        <div key={key} data-figure={key} title={term}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReportDocumentView({ report, lang }: { report: Report; lang: Lang }) {
  const { t } = useTranslation('reports');
  const internal = report.flavour === 'internal';
  const sections = [...new Set(report.tables.map((x) => x.section))];
  const method = (
    <section className="report-method" aria-labelledby="report-method-title">
      <h3 id="report-method-title">{METHOD_TITLE[lang]}</h3>
      {report.method.paragraphs[lang].map((p) => (
        <p key={p.slice(0, 40)}>{p}</p>
      ))}
      {!internal && <p className="muted">{HIDDEN_LEGEND[lang]}</p>}
    </section>
  );
  return (
    <article className={`report-document ${internal ? 'internal' : 'public'}`} data-flavour={report.flavour}>
      <p className={internal ? 'notice warn report-banner' : 'notice report-banner'}>{internal ? t('period.internalBanner') : t('period.publicBanner')}</p>
      <p className="muted" data-comparison={report.comparisonRule ?? 'sameLength'}>
        {t(report.comparisonRule === 'calendarMonth' ? 'period.previousMonth' : report.comparisonRule === 'calendarYear' ? 'period.previousYear' : 'period.previous', {
          from: dayWords(report.previous.from, lang),
          to: dayWords(report.previous.to, lang),
        })}
        {report.yearEarlier && <> {t('period.yearEarlier', { from: dayWords(report.yearEarlier.from, lang), to: dayWords(report.yearEarlier.to, lang) })}</>}
      </p>
      <Headline report={report} lang={lang} />
      {sections.map((s) => (
        <section key={s} className="report-section" aria-labelledby={`report-section-${s}`}>
          <h3 id={`report-section-${s}`}>{SECTION_LABELS[s][lang]}</h3>
          {report.tables
            .filter((x) => x.section === s)
            .map((table) => (
              <div key={table.id} className={`report-block ${table.columns.length > 8 ? 'wide' : ''}`} data-report-table={table.id}>
                <h4>{table.title[lang]}</h4>
                <div className="report-pair">
                  <ReportChart table={table} lang={lang} title={t('period.chart', { title: table.title[lang] })} />
                  <div className="report-table-wrap">
                    <ReportTableView table={table} lang={lang} />
                  </div>
                </div>
              </div>
            ))}
        </section>
      ))}
      <section className="report-section" aria-labelledby="report-quotes-title">
        <h3 id="report-quotes-title">{SECTION_LABELS.quotes[lang]}</h3>
        {report.quotes.length === 0 ? (
          <p className="muted">{t('reportLabels:noQuotes')}</p>
        ) : (
          [...new Set(report.quotes.map((q) => q.theme))].map((theme) => (
            <div key={theme} className="report-quotes">
              <h4>{report.quotes.find((q) => q.theme === theme)!.themeLabel[lang]}</h4>
              {report.quotes
                .filter((q) => q.theme === theme)
                .map((q) => (
                  <blockquote key={q.text}>{q.text}</blockquote>
                ))}
            </div>
          ))
        )}
      </section>
      {method}
    </article>
  );
}
