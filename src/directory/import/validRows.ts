import { SERVICE_FIELDS, type Service, type ServiceField } from '../serviceSchema.ts';
import type { ValidRow } from './types.ts';

// The valid rows of an import, kept as encoded batches (issue 12): 100,000 checked services held
// as objects cost several hundred MB, as UTF-8 JSON about the size of the file. The worker
// thread encodes each batch as it checks it and transfers the bytes (no copy, no structured
// clone of the whole result); preview and apply decode one batch at a time, so at no point do
// the file, every row and every service object sit in memory together.

/**
 * Rows per batch: small, because each decoded batch is garbage on the store's thread once
 * compared and written (batches of 2,000 left ~100 MB more RSS at the peak than batches of 500).
 */
export const VALID_BATCH_ROWS = 500;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// One row encoded as [row, fieldsMask, value of each SERVICE_FIELDS in order]: without the field
// names repeated on every row, a batch is about half the size of the rows' own JSON.
type Packed = [number, number, ...unknown[]];

function pack(r: ValidRow): Packed {
  let mask = 0;
  for (const f of r.fields) mask |= 1 << SERVICE_FIELDS.indexOf(f);
  const service = r.service as unknown as Record<string, unknown>;
  return [r.row, mask, ...SERVICE_FIELDS.map((f) => service[f] ?? null)];
}

function unpack(p: Packed): ValidRow {
  const [row, mask] = p;
  const service: Record<string, unknown> = {};
  const fields: ServiceField[] = [];
  SERVICE_FIELDS.forEach((f, i) => {
    service[f] = p[i + 2];
    if (mask & (1 << i)) fields.push(f);
  });
  return { row, service: service as unknown as Service, fields };
}

export function encodeRows(rows: readonly ValidRow[]): Uint8Array {
  return encoder.encode(JSON.stringify(rows.map(pack)));
}

export class ValidRows {
  readonly #chunks: Uint8Array[] = [];
  #count = 0;
  #fromFile = 0;

  /** Valid rows in all. */
  get count(): number {
    return this.#count;
  }

  /** Valid rows that came from the file (row > 0), not added afterwards (a feed's deactivations are row 0). */
  get fromFile(): number {
    return this.#fromFile;
  }

  /** Encoded bytes held, for measurements. */
  get bytes(): number {
    return this.#chunks.reduce((n, c) => n + c.byteLength, 0);
  }

  add(rows: readonly ValidRow[]): void {
    if (rows.length === 0) return;
    this.addEncoded(encodeRows(rows), rows.length, rows.filter((r) => r.row > 0).length);
  }

  /** A batch encoded elsewhere (by the worker thread, transferred). */
  addEncoded(bytes: Uint8Array, count: number, fromFile: number): void {
    this.#chunks.push(bytes);
    this.#count += count;
    this.#fromFile += fromFile;
  }

  /** Each batch decoded on demand, in file order. */
  *batches(): Generator<ValidRow[]> {
    for (const chunk of this.#chunks) yield (JSON.parse(decoder.decode(chunk)) as Packed[]).map(unpack);
  }

  static of(rows: readonly ValidRow[]): ValidRows {
    const out = new ValidRows();
    for (let i = 0; i < rows.length; i += VALID_BATCH_ROWS) out.add(rows.slice(i, i + VALID_BATCH_ROWS));
    return out;
  }
}
