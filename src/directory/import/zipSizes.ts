// What a zip (an XLSX) declares in its central directory, read before anything is inflated
// (issue 12: a small workbook must not expand into gigabytes). ZIP64 entries, which declare
// 0xFFFFFFFF here, count as infinitely large: a directory workbook never needs them.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

interface CentralEntry {
  name: string;
  /** Declared uncompressed size. */
  size: number;
  /** Offset of the entry's local header in the file. */
  offset: number;
}

/** The central directory's entries, or null when it cannot be read. */
function centralEntries(bytes: Uint8Array): { entries: CentralEntry[]; centralStart: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 65535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const centralStart = view.getUint32(eocd + 16, true);
  let at = centralStart;
  const entries: CentralEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, centralStart };
}

/** Total declared uncompressed bytes, or null when the central directory cannot be read. */
export function declaredUnzippedBytes(bytes: Uint8Array): number | null {
  const cd = centralEntries(bytes);
  if (!cd) return null;
  let total = 0;
  for (const e of cd.entries) {
    if (e.size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += e.size;
  }
  return total;
}

const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * The zip's local records (header, data, descriptor) with the worksheets moved after every other
 * entry, for exceljs's streaming reader. That reader meets entries in file order and, when a
 * worksheet comes before the shared strings (as Excel and exceljs itself write them), spools the
 * worksheet to a temporary file to read it later: the sheet's text in clear on disk (issue 12,
 * "no plaintext on disk"). In this order it reads the shared strings first and every sheet from
 * memory. The records are views on `bytes` (nothing copied); a streaming reader needs no central
 * directory, so none is appended. Null when the zip's layout cannot be read: the caller then
 * refuses the file.
 */
export function worksheetsLast(bytes: Uint8Array): Uint8Array[] | null {
  const cd = centralEntries(bytes);
  if (!cd) return null;
  const byOffset = [...cd.entries].sort((a, b) => a.offset - b.offset);
  const records: { name: string; data: Uint8Array }[] = [];
  for (let i = 0; i < byOffset.length; i++) {
    const start = byOffset[i]!.offset;
    // A record runs to the next local header (or the central directory): its data descriptor, if any, included.
    const end = i + 1 < byOffset.length ? byOffset[i + 1]!.offset : cd.centralStart;
    if (start >= end || end > bytes.length) return null;
    records.push({ name: byOffset[i]!.name, data: bytes.subarray(start, end) });
  }
  return [...records.filter((r) => !WORKSHEET.test(r.name)), ...records.filter((r) => WORKSHEET.test(r.name))].map((r) => r.data);
}
