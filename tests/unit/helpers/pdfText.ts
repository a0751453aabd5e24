import zlib from 'node:zlib';

// Just enough PDF reading for tests of files pdfkit wrote: the text drawn in each content
// stream (one per page), from the hex glyph strings of its TJ operators (standard fonts,
// WinAnsi), kerning adjustments dropped.

export function pdfStreamsText(pdf: Buffer): string[] {
  const out: string[] = [];
  const latin = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(latin); m; m = re.exec(latin)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endstream', start);
    if (end < 0) break;
    let data = pdf.subarray(start, end);
    try {
      data = zlib.inflateSync(data);
    } catch {
      // Not compressed (or not a Flate stream): read as is.
    }
    const text = data.toString('latin1');
    const parts: string[] = [];
    for (const tj of text.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(tj[1] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      parts.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
    if (parts.length) out.push(parts.join(' '));
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}
