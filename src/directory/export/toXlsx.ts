import ExcelJS from 'exceljs';
import type { Service } from '../serviceSchema.ts';
import { type ExportNote, exportFields, flatRow, type FlatOptions, NOTES_COLUMN, notesCell } from './flatRows.ts';

// One sheet, header first, every cell written as a text string (never a formula or number:
// postcodes keep their digits, phone numbers their +32).
export async function servicesToXlsx(services: readonly Service[], opts: FlatOptions & { notes?: ReadonlyMap<string, readonly ExportNote[]> }): Promise<Buffer> {
  const notes = opts.public ? undefined : opts.notes;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Relais';
  const sheet = workbook.addWorksheet('services', { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = exportFields(opts);
  // Text format on the columns (not per cell: per-cell styles cost seconds at 50,000 rows), so
  // a value typed later in Excel stays text too.
  fields.forEach((f, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = f === 'description' ? 60 : f === 'name' ? 40 : 18;
    column.numFmt = '@';
  });
  if (notes) {
    const column = sheet.getColumn(fields.length + 1);
    column.width = 60;
    column.numFmt = '@';
  }
  sheet.addRow(notes ? [...fields, NOTES_COLUMN] : fields).font = { bold: true };
  for (const s of services) sheet.addRow(notes ? [...flatRow(s, fields), notesCell(notes.get(s.id))] : flatRow(s, fields));
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
