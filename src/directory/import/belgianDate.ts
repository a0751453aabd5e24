// Dates as the federation's sheets write them: Belgian day-first forms (15/03/2025,
// 15-03-2025, 15.03.2025, also 1/3/2025 and two-digit years), ISO (2025-03-15, or a date-time
// whose first ten characters are the date) and Excel's serial day numbers (a date cell exported
// as a plain number). Anything else is left as typed, for the schema to refuse with its row.

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;
/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: day 0 = 1899-12-30. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1 Jan 1960 … 31 Dec 2149: serials outside this are not verification dates. */
const SERIAL_MIN = 21916;
const SERIAL_MAX = 91310;

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The cell as YYYY-MM-DD when it is a date in one of the accepted forms, else the cell unchanged. */
export function readDateCell(cell: string): string {
  const s = cell.trim();
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const year = (dayFirst[3] as string).length === 2 ? 2000 + Number(dayFirst[3]) : Number(dayFirst[3]);
    return iso(year, Number(dayFirst[2]), Number(dayFirst[1])) ?? s;
  }
  const dateTime = ISO_DATE_TIME.exec(s);
  if (dateTime) return dateTime[1] as string;
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
  }
  return s;
}
