import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../../src/contract/reportsContract.ts';
import type { SavedFile } from '../../../src/contract/savedFile.ts';
import { useFileExport } from '../../components/SavedFile.tsx';

// The export buttons of a bilan (the local one, internal and public, and the line's): PDF, XLSX,
// two CSVs, JSON. Main makes and saves the file (save dialog); this says where it went.

type Delimiter = ';' | ',';

const BUTTONS: ReadonlyArray<{ format: ReportFormat; label: string; delimiter: Delimiter; suffix: string }> = [
  { format: 'pdf', label: 'period.pdf', delimiter: ';', suffix: 'pdf' },
  { format: 'xlsx', label: 'period.xlsx', delimiter: ';', suffix: 'xlsx' },
  { format: 'csv', label: 'period.csvSemicolon', delimiter: ';', suffix: 'csv-semicolon' },
  { format: 'csv', label: 'period.csvComma', delimiter: ',', suffix: 'csv-comma' },
  { format: 'json', label: 'period.json', delimiter: ';', suffix: 'json' },
];

export function ReportExportButtons({ title, prefix, disabled = false, save, children }: {
  title: string;
  /** data-export of each button: `${prefix}-pdf`, `${prefix}-csv-semicolon`… */
  prefix: string;
  disabled?: boolean;
  /** Asks main for the export (reports.export, reports.exportPublic, reports.lineExport). */
  save: (format: ReportFormat, delimiter: Delimiter) => Promise<SavedFile>;
  /** Said under the buttons (e.g. who may use them). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('reports');
  const exp = useFileExport();
  return (
    <div>
      <h3>{title}</h3>
      <div className="button-row">
        {BUTTONS.map((b) => (
          <button key={b.suffix} type="button" disabled={disabled || exp.busy !== null} onClick={() => void exp.run(b.suffix, () => save(b.format, b.delimiter))} data-export={`${prefix}-${b.suffix}`}>
            {t(b.label)}
          </button>
        ))}
      </div>
      {children}
      {exp.outcome}
    </div>
  );
}
