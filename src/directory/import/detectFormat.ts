import { AppError } from '../../errors.ts';
import type { ImportFormat } from './types.ts';

// Decides how to read a file from its first bytes, the name only breaking ties: a .csv that
// is really a zip is read as XLSX, a .json that does not start with [ or { as CSV.
export function detectFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  if (bytes.length === 0) throw new AppError('FileRejected', 'import.empty', { file: fileName });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError('FileRejected', 'import.oldExcel', { file: fileName });
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new AppError('FileRejected', 'import.pdf', { file: fileName });
  }
  // First non-blank character after an optional UTF-8 BOM.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const first = bytes[i];
  if (first === 0x5b || first === 0x7b) return 'hsds';
  if (/\.xlsx$/i.test(fileName)) {
    throw new AppError('FileRejected', 'import.fakeXlsx', { file: fileName });
  }
  return 'csv';
}
