import { AppError } from '../errors.ts';
import type { CountColumn, TableSpec } from './reportSpecs.ts';
import { type CellStatus, isRecoverable, oneWayTable, protect, type SdcTable, twoWayTable } from './secondarySuppression.ts';

// Disclosure control of a public report: primary suppression (1…t-1 shown `<t`), then
// complementary suppression table by table (secondarySuppression.ts), with the links between
// tables respected: a count published in two tables (the number of calls, a theme's requests
// in the theme table and as a column total of commune × theme…) has one status everywhere. A
// link hidden in one table is fixed hidden in the others, which are protected again, until
// nothing changes (statuses only ever go from published to hidden, so this ends).

export type StatusMap = Map<string, CellStatus>;

export const cellKey = (table: string, row: string, col: string): string => `${table}|${row}|${col}`;

interface Mapped {
  table: SdcTable;
  /** For each SDC cell: the report cell it stands for and its link. */
  cells: Array<{ key: string; link: string | null }>;
}

function countColumn(spec: TableSpec, key: string): CountColumn {
  const c = spec.columns.find((x) => x.key === key);
  if (!c || c.format !== 'count') throw new Error(`table ${spec.id}: no count column ${key}`);
  return c;
}

/** The SDC tables of one report table (one per protection block). */
function mapBlocks(spec: TableSpec): Mapped[] {
  const totalRow = spec.rows.findIndex((r) => r.total);
  const out: Mapped[] = [];
  for (const b of spec.blocks) {
    if (b.kind === 'oneWay') {
      const col = countColumn(spec, b.column);
      const idx = spec.rows.map((_, i) => i).filter((i) => i !== totalRow);
      const values = idx.map((i) => col.values[i] as number);
      const layout = oneWayTable(values, idx.map((i) => b.thresholds[i] as number), b.thresholds[totalRow] as number);
      const cells = idx.map((i) => ({ key: cellKey(spec.id, spec.rows[i]!.key, col.key), link: col.links[i] ?? null }));
      cells.push({ key: cellKey(spec.id, spec.rows[totalRow]!.key, col.key), link: col.links[totalRow] ?? null });
      // The builder recomputes the total: it must be the published one.
      if (layout.table.cells[layout.total]!.value !== col.values[totalRow]) throw new Error(`table ${spec.id}.${col.key}: total is not the sum of its rows`);
      out.push({ table: layout.table, cells });
    } else {
      const inner = b.inner.map((k) => countColumn(spec, k));
      const margin = countColumn(spec, b.margin);
      const rowIdx = spec.rows.map((_, i) => i).filter((i) => i !== totalRow);
      const values = rowIdx.map((i) => inner.map((c) => c.values[i] as number));
      const layout = twoWayTable(
        values,
        (i, j) => b.inner_threshold(i, j),
        (i) => b.rowThresholds[i] as number,
        (j) => b.colThresholds[j] as number,
        b.grandThreshold,
      );
      const cells: Mapped['cells'] = new Array(layout.table.cells.length);
      rowIdx.forEach((ri, i) => {
        inner.forEach((c, j) => (cells[layout.inner(i, j)] = { key: cellKey(spec.id, spec.rows[ri]!.key, c.key), link: c.links[ri] ?? null }));
        cells[layout.rowTotal(i)] = { key: cellKey(spec.id, spec.rows[ri]!.key, margin.key), link: margin.links[ri] ?? null };
        if (layout.table.cells[layout.rowTotal(i)]!.value !== margin.values[ri]) throw new Error(`table ${spec.id}: row total of ${spec.rows[ri]!.key} is not the sum of its cells`);
      });
      inner.forEach((c, j) => (cells[layout.colTotal(j)] = { key: cellKey(spec.id, 'total', c.key), link: c.links[totalRow] ?? null }));
      cells[layout.grand] = { key: cellKey(spec.id, 'total', margin.key), link: margin.links[totalRow] ?? null };
      if (layout.table.cells[layout.grand]!.value !== margin.values[totalRow]) throw new Error(`table ${spec.id}: grand total mismatch`);
      out.push({ table: layout.table, cells });
    }
  }
  return out;
}

export interface ProtectedReport {
  status: StatusMap;
  /** Status of each linked quantity (`calls`, `requests`, `theme:food`…). */
  links: Map<string, CellStatus>;
}

/** Decides which count cells a public report hides. Throws rather than publish a recoverable cell. */
export function protectReport(specs: readonly TableSpec[]): ProtectedReport {
  const mapped = specs.filter((s) => !s.internalOnly).map((s) => ({ spec: s, blocks: mapBlocks(s) }));
  const uses = new Map<string, number>();
  for (const m of mapped) for (const b of m.blocks) for (const c of b.cells) if (c.link) uses.set(c.link, (uses.get(c.link) ?? 0) + 1);
  const links = new Map<string, CellStatus>();
  let status: StatusMap = new Map();
  for (let round = 0; round < 1_000; round++) {
    let changed = false;
    status = new Map();
    for (const m of mapped) {
      for (const b of m.blocks) {
        b.cells.forEach((c, i) => {
          const cell = b.table.cells[i]!;
          delete cell.fixed;
          if (!c.link) return;
          const known = links.get(c.link);
          if (known) cell.fixed = known === 'primary' && !(cell.value >= 1 && cell.value < cell.threshold) ? 'secondary' : known;
          else if ((uses.get(c.link) ?? 0) > 1 && !(cell.value >= 1 && cell.value < cell.threshold)) cell.fixed = 'published';
        });
        const r = protect(b.table);
        if (r.unprotected.length) {
          throw new AppError('Internal', 'reports.disclosureTable', { table: m.spec.id });
        }
        r.status.forEach((s, i) => {
          const c = b.cells[i]!;
          status.set(c.key, s);
          if (!c.link || s === 'published') return;
          const known = links.get(c.link);
          // Published → hidden, or `<t` → `s`: every copy of the quantity follows.
          if (known === undefined || (known === 'primary' && s === 'secondary')) {
            links.set(c.link, s);
            changed = true;
          }
        });
      }
    }
    if (!changed) return { status, links };
  }
  throw new AppError('Internal', 'reports.disclosureUnsettled');
}

/** Hidden cells a reader could recompute (must be empty): the check the tests and the export run. */
export function recoverableCells(specs: readonly TableSpec[], status: StatusMap, links: Map<string, CellStatus>): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    if (spec.internalOnly) continue;
    for (const b of mapBlocks(spec)) {
      // A linked cell published elsewhere is known to the reader even if this table hid it.
      const st = b.cells.map((c) => {
        const own = status.get(c.key) ?? 'published';
        if (c.link && (links.get(c.link) ?? 'published') === 'published') return 'published' as CellStatus;
        return own;
      });
      st.forEach((s, i) => {
        if (s !== 'published' && isRecoverable(b.table, st, i)) out.push(b.cells[i]!.key);
      });
    }
  }
  return out;
}
