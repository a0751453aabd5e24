import { format, isValid, parse } from 'date-fns';

// How a date typed in a Relais field is read (DateField): Belgium writes day/month/year in all
// three UI languages. Separate from the component so a unit test runs it without React.

export const DISPLAY = 'dd/MM/yyyy';
const READ = ['d/M/yyyy', 'd/M/yy', 'yyyy/M/d'];

/** `text` as an ISO day (YYYY-MM-DD), or null when it is no date. */
export function readBelgianDate(text: string): string | null {
  const cleaned = text.trim().replace(/[.\-\s]+/g, '/');
  if (cleaned === '' || !/^\d{1,4}\/\d{1,2}\/\d{1,4}$/.test(cleaned)) return null;
  for (const pattern of READ) {
    const d = parse(cleaned, pattern, new Date(2000, 0, 1));
    if (isValid(d) && d.getFullYear() >= 1900 && d.getFullYear() <= 2100) return format(d, 'yyyy-MM-dd');
  }
  return null;
}
