import { stringify } from 'csv-stringify/sync';
import type { Service } from '../serviceSchema.ts';
import { type ExportNote, exportFields, flatRow, type FlatOptions, NOTES_COLUMN, notesCell } from './flatRows.ts';

export type CsvDelimiter = ';' | ',';

// `;` is what Belgian Excel expects: it comes with a UTF-8 BOM (so accents survive) and CRLF
// line ends. `,` is plain UTF-8 without BOM for other tools.
export function servicesToCsv(
  services: readonly Service[],
  opts: FlatOptions & { delimiter: CsvDelimiter; notes?: ReadonlyMap<string, readonly ExportNote[]> },
): Buffer {
  const fields = exportFields(opts);
  const notes = opts.public ? undefined : opts.notes;
  const header: string[] = notes ? [...fields, NOTES_COLUMN] : fields;
  const rows = services.map((s) => (notes ? [...flatRow(s, fields), notesCell(notes.get(s.id))] : flatRow(s, fields)));
  const text = stringify([header, ...rows], {
    delimiter: opts.delimiter,
    record_delimiter: opts.delimiter === ';' ? 'windows' : 'unix',
    // Any line break inside a cell is quoted, whatever the record delimiter (Excel needs it).
    quoted_match: /[\r\n]|^\s|\s$/,
  });
  return Buffer.from(opts.delimiter === ';' ? `\ufeff${text}` : text, 'utf8');
}
