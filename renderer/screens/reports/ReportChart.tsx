import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportTable } from '../../../src/contract/reportSchemas.ts';
import { heatmapColumns, rowLabel } from '../../../src/domain/reportFormat.ts';
import { COLUMN_LABELS } from '../../../src/domain/reportLabels.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';

// The chart of a report table on screen, drawn with recharts (SVG). Hidden counts have no bar
// (their mark is in the table beside). The PDF draws its own charts (src/reports/reportPdf.ts).

const COLORS = ['#2f5d9e', '#a9bfdc'];

function seriesLabel(table: ReportTable, key: string, lang: Lang): string {
  if (key === 'current') return COLUMN_LABELS.period[lang];
  return table.columns.find((c) => c.key === key)?.label[lang] ?? key;
}

export function ReportChart({ table, lang, title }: { table: ReportTable; lang: Lang; title: string }) {
  if (!table.chart) return null;
  if (table.chart.kind === 'heatmap') return <Heatmap table={table} lang={lang} title={title} />;
  const keys = table.chart.columns.filter((k) => table.columns.some((c) => c.key === k));
  const idx = keys.map((k) => table.columns.findIndex((c) => c.key === k));
  const data = table.rows
    .filter((r) => !r.total)
    .map((r) => ({ name: rowLabel(r.label, lang), ...Object.fromEntries(keys.map((k, i) => [k, r.cells[idx[i]!]!.v])) }));
  const horizontal = table.chart.kind === 'hbars';
  const height = horizontal ? Math.max(160, data.length * (keys.length > 1 ? 26 : 20) + 50) : 240;
  const common = { data, margin: { top: 8, right: 16, bottom: 8, left: 8 } };
  const legend = keys.length > 1 ? <Legend formatter={(k: string) => seriesLabel(table, k, lang)} /> : null;
  const chart =
    table.chart.kind === 'line' ? (
      <LineChart {...common} height={height}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde1e8" />
        <XAxis dataKey="name" tick={{ fontSize: 11 }} minTickGap={24} />
        <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
        <Tooltip formatter={(v, k) => [v as number, seriesLabel(table, String(k), lang)]} />
        {legend}
        {keys.map((k, i) => (
          <Line key={k} dataKey={k} stroke={COLORS[i % 2]} dot={false} isAnimationActive={false} connectNulls={false} strokeWidth={2} />
        ))}
      </LineChart>
    ) : (
      <BarChart {...common} height={height} layout={horizontal ? 'vertical' : 'horizontal'}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde1e8" horizontal={!horizontal} vertical={horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={210} tick={{ fontSize: 11 }} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
            <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
          </>
        )}
        <Tooltip formatter={(v, k) => [v as number, seriesLabel(table, String(k), lang)]} />
        {legend}
        {keys.map((k, i) => (
          <Bar key={k} dataKey={k} fill={COLORS[i % 2]} isAnimationActive={false} />
        ))}
      </BarChart>
    );
  return (
    <figure className="report-chart" role="img" aria-label={title}>
      <ResponsiveContainer width="100%" height={height}>{chart}</ResponsiveContainer>
    </figure>
  );
}

/** Weekday × hour: a shaded grid (SVG), internal reports only. */
function Heatmap({ table, lang, title }: { table: ReportTable; lang: Lang; title: string }) {
  const cols = heatmapColumns(table.columns, table.rows).map(({ col, j }) => ({ c: col, j }));
  const max = Math.max(1, ...table.rows.flatMap((r) => r.cells.map((x) => x.v ?? 0)));
  const cw = 38;
  const ch = 24;
  const left = 90;
  return (
    <figure className="report-chart" role="img" aria-label={title}>
      <svg width={left + cols.length * cw} height={20 + table.rows.length * ch} className="heatmap">
        {cols.map(({ c }, i) => (
          <text key={c.key} x={left + i * cw + cw / 2} y={12} textAnchor="middle" fontSize={11} fill="#5b6475">
            {c.label[lang]}
          </text>
        ))}
        {table.rows.map((r, ri) => (
          <g key={r.key}>
            <text x={0} y={20 + ri * ch + 16} fontSize={12} fill="#1d2433">
              {rowLabel(r.label, lang)}
            </text>
            {cols.map(({ c, j }, i) => {
              const v = r.cells[j]?.v ?? 0;
              const shade = v === 0 ? 0 : 0.15 + 0.85 * (v / max);
              return (
                <g key={c.key}>
                  <rect x={left + i * cw} y={20 + ri * ch} width={cw - 2} height={ch - 2} fill={v === 0 ? '#f3f4f7' : `rgba(47, 93, 158, ${shade.toFixed(2)})`} />
                  {v > 0 && (
                    <text x={left + i * cw + cw / 2 - 1} y={20 + ri * ch + 15} textAnchor="middle" fontSize={10} fill={shade > 0.55 ? '#fff' : '#1d2433'}>
                      {v}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
