import ExcelJS from 'exceljs';
import type { Service } from '../serviceSchema.ts';
import { exportFields, flatRow, type FlatOptions } from './flatRows.ts';

// One sheet, header first, every cell written as a text string (never a formula or number:
// postcodes keep their digits, phone numbers their +32).
export async function servicesToXlsx(services: readonly Service[], opts: FlatOptions): Promise<Buffer> {
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
  sheet.addRow(fields).font = { bold: true };
  for (const s of services) sheet.addRow(flatRow(s, fields));
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
