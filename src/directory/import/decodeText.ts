import { AppError } from '../../errors.ts';

// Bytes of a text file → string. UTF-8 with or without BOM; UTF-16 with a BOM (Excel's
// "Unicode text"); anything that is not valid UTF-8 is read as Windows-1252, the encoding of
// Belgian Excel's "CSV (separator: ;)". Binary garbage is refused here, before any parsing.
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new AppError('FileRejected', 'import.empty', { file: fileName });
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: decodeUtf8(bytes.subarray(3), fileName), encoding: 'utf-8-bom' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
    }
  }
  assertLooksLikeText(decoded.text, fileName);
  return decoded;
}

function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('FileRejected', 'import.badUtf8', { file: fileName });
  }
}

/** NUL bytes or many control characters mean a binary file (image, PDF, old .xls…), not text. */
function assertLooksLikeText(text: string, fileName: string): void {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) {
      throw new AppError('FileRejected', 'import.binary', { file: fileName });
    }
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x80 && c <= 0x9f) || c === 0xfffd) control++;
  }
  if (control > Math.max(2, sample.length * 0.01)) {
    throw new AppError('FileRejected', 'import.binary', { file: fileName });
  }
  if (text.trim() === '') throw new AppError('FileRejected', 'import.blank', { file: fileName });
}
