import type { ReportTable } from '../../../src/contract/reportSchemas.ts';
import { formatCell, rowLabel } from '../../../src/domain/reportFormat.ts';
import { CATEGORY_LABEL } from '../../../src/domain/reportLabels.ts';
import type { Lang } from '../../../src/domain/taxonomy.ts';

// A report table as an HTML table: the same cells as every export (hidden ones as <5, <10, s, –).
export function ReportTableView({ table, lang }: { table: ReportTable; lang: Lang }) {
  return (
    <table className="report-table" data-table={table.id}>
      <caption className="visually-hidden">{table.title[lang]}</caption>
      <thead>
        <tr>
          <th scope="col">{CATEGORY_LABEL[lang]}</th>
          {table.columns.map((c) => (
            <th scope="col" key={c.key}>
              {c.label[lang]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key} className={r.total ? 'total' : undefined}>
            <th scope="row">{rowLabel(r.label, lang)}</th>
            {r.cells.map((cell, j) => (
              <td key={table.columns[j]!.key} className={cell.v === null && (cell.h === 'below' || cell.h === 'secondary') ? 'hidden-cell' : undefined}>
                {formatCell(cell, table.columns[j]!.format, lang)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
