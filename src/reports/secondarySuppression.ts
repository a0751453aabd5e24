// Complementary (secondary) suppression for tables of counts bound by additive relations:
// one-way tables with their total, and two-way tables with row totals, column totals and the
// grand total. Pure: no database, no report model.
//
// The model. Every published relation "these cells add up to that total" is an equation.
// Each cell belongs to at most one "row" equation and at most one "column" equation, with the
// same coefficient in both (+1 for an inner cell and the grand total, -1 for a row or column
// total once every equation is written as `sum(inner) - total = 0` and `total - sum(totals) = 0`).
// With y = coeff × δ, a change δ of the hidden cells that keeps every published relation true
// is exactly a set of y's summing to zero on every equation: a circulation in the bipartite
// graph whose nodes are the equations (plus one FREE node standing for "no equation") and whose
// edges are the hidden cells. Every such circulation splits into simple alternating cycles
// (conformal decomposition), so:
//
//   a hidden cell is recoverable  ⇔  no directed cycle through it can move by one unit while
//   every hidden cell on the cycle stays within what a reader knows of it.
//
// What a reader knows of a hidden cell (its bounds): a cell shown `<t` lies in [1, t-1] (zero
// is always shown as 0); a cell shown `s` is non-zero and nothing more: [1, ∞). `s` marks the
// complements, and also a small count when its `<t` range would give the table away (e.g. a
// row of four 1s whose total is shown `<5`: the total is then shown `s`). So a table passing
// the check below cannot be solved for any hidden cell by linear reasoning on the published
// values, the totals and the shown marks (tests compare it with brute force on small tables).

export type CellStatus = 'published' | 'primary' | 'secondary';

export interface SdcCell {
  /** The true count (a non-negative integer). */
  value: number;
  /** Counts from 1 to threshold - 1 are hidden (shown `<threshold`). */
  threshold: number;
  /** Index of the row equation holding this cell, or null. */
  row: number | null;
  /** Index of the column equation holding this cell, or null. */
  col: number | null;
  /** Coefficient of the cell in its equations (the same in both). */
  coeff: 1 | -1;
  /** Relative cost of hiding this cell to protect another one; Infinity: never. */
  cost: number;
  /** A status imposed from outside (e.g. a total also published in a linked table). */
  fixed?: CellStatus;
}

export interface SdcTable {
  cells: SdcCell[];
  rows: number;
  cols: number;
}

export function isPrimary(value: number, threshold: number): boolean {
  return value >= 1 && value < threshold;
}

/** What a reader of the published table knows of a cell with this status. */
export function readerBounds(cell: SdcCell, status: CellStatus): [number, number] {
  if (status === 'published') return [cell.value, cell.value];
  if (status === 'primary') return [1, cell.threshold - 1];
  return [1, Number.POSITIVE_INFINITY];
}

interface Moves {
  /** y may go up by one (δ = coeff). */
  up: boolean;
  /** y may go down by one (δ = -coeff). */
  down: boolean;
}

function moves(cell: SdcCell, status: CellStatus): Moves {
  const [lo, hi] = readerBounds(cell, status);
  const deltaUp = cell.value + 1 <= hi;
  const deltaDown = cell.value - 1 >= lo;
  return cell.coeff > 0 ? { up: deltaUp, down: deltaDown } : { up: deltaDown, down: deltaUp };
}

function ends(table: SdcTable, cell: SdcCell): [number, number] {
  const free = table.rows + table.cols;
  return [cell.row ?? free, cell.col === null ? free : table.rows + cell.col];
}

interface Edge {
  to: number;
  cell: number;
  cost: number;
  /** Using this edge changes the cell's status: hidden as a complement, or `<t` relabelled `s`. */
  relabel: boolean;
}

/** Cost of showing a small count as `s` rather than `<t` (it stays hidden; only its range goes). */
const RELABEL_COST = 0.5;

interface SearchOptions {
  /** Published cells may be hidden as complements, `<t` cells shown `s`. */
  candidates: boolean;
  /** Cells whose status a linked table imposes may change too (last resort). */
  allowFixed: boolean;
}

/**
 * Cheapest directed path from `from` to `to` (Dijkstra) over the moves hidden cells allow
 * (cost 0) and, with `candidates`, the moves that hiding or relabelling a cell would allow
 * (its cost). Returns the edges of the path, or null.
 */
function cheapestPath(table: SdcTable, status: readonly CellStatus[], exclude: number, from: number, to: number, opts: SearchOptions): Edge[] | null {
  const n = table.rows + table.cols + 1;
  const adj: Edge[][] = Array.from({ length: n }, () => []);
  const add = (u: number, v: number, m: Moves, cell: number, cost: number, relabel: boolean) => {
    if (m.up) adj[u]!.push({ to: v, cell, cost, relabel });
    if (m.down) adj[v]!.push({ to: u, cell, cost, relabel });
  };
  table.cells.forEach((cell, i) => {
    if (i === exclude || cell.value === 0) return;
    const s = status[i] as CellStatus;
    const [u, v] = ends(table, cell);
    const fixedOk = !cell.fixed || opts.allowFixed;
    if (s !== 'published') add(u, v, moves(cell, s), i, 0, false);
    if (!opts.candidates || !fixedOk) return;
    if (s === 'published' && Number.isFinite(cell.cost)) add(u, v, moves(cell, 'secondary'), i, cell.cost, true);
    if (s === 'primary') {
      const now = moves(cell, 'primary');
      const then = moves(cell, 'secondary');
      add(u, v, { up: then.up && !now.up, down: then.down && !now.down }, i, RELABEL_COST, true);
    }
  });
  if (from === to) return [];
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const via: Array<Edge | null> = new Array(n).fill(null);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  dist[from] = 0;
  for (;;) {
    let best = -1;
    for (let k = 0; k < n; k++) if (!done[k] && dist[k] !== Number.POSITIVE_INFINITY && (best < 0 || dist[k]! < dist[best]!)) best = k;
    if (best < 0) return null;
    if (best === to) break;
    done[best] = 1;
    for (const e of adj[best]!) {
      const d = dist[best]! + e.cost;
      if (d < dist[e.to]!) {
        dist[e.to] = d;
        via[e.to] = e;
        prev[e.to] = best;
      }
    }
  }
  const path: Edge[] = [];
  for (let k = to; k !== from; k = prev[k]!) path.push(via[k]!);
  return path;
}

/** True when a reader can compute the exact value of hidden cell `index` from the published table. */
export function isRecoverable(table: SdcTable, status: readonly CellStatus[], index: number): boolean {
  const cell = table.cells[index] as SdcCell;
  const s = status[index] as CellStatus;
  if (s === 'published') return true;
  const m = moves(cell, s);
  const [u, v] = ends(table, cell);
  const none: SearchOptions = { candidates: false, allowFixed: false };
  if (m.up && cheapestPath(table, status, index, v, u, none) !== null) return false;
  if (m.down && cheapestPath(table, status, index, u, v, none) !== null) return false;
  return true;
}

export interface ProtectResult {
  status: CellStatus[];
  /** Cells whose status a linked table imposed and that had to change here: the linked tables must follow. */
  forced: number[];
  /** Hidden cells that could not be protected at all (callers refuse to publish). */
  unprotected: number[];
}

/**
 * Primary suppression (counts 1…threshold-1), then complementary suppression until no hidden
 * cell is recoverable. Complements are chosen along the cheapest cycle: small counts first,
 * relabelling a `<t` as `s` when its range is what gives it away, totals last, cells whose
 * status a linked table imposes only as a last resort.
 */
export function protect(table: SdcTable): ProtectResult {
  const status: CellStatus[] = table.cells.map((c) => c.fixed ?? (isPrimary(c.value, c.threshold) ? 'primary' : 'published'));
  const forced = new Set<number>();
  const unprotected = new Set<number>();
  for (let guard = 0; guard < 4 * table.cells.length + 4; guard++) {
    let changed = false;
    const hidden = status.map((s, i) => (s === 'published' ? -1 : i)).filter((i) => i >= 0 && !unprotected.has(i));
    // Smallest first, so complements serve the most fragile cells.
    hidden.sort((a, b) => table.cells[a]!.value - table.cells[b]!.value || a - b);
    for (const i of hidden) {
      if (!isRecoverable(table, status, i)) continue;
      const cycle = bestCycle(table, status, i, false) ?? bestCycle(table, status, i, true);
      if (!cycle) {
        unprotected.add(i);
        continue;
      }
      for (const e of cycle) {
        if (!e.relabel) continue;
        status[e.cell] = 'secondary';
        if (table.cells[e.cell]!.fixed) forced.add(e.cell);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { status, forced: [...forced], unprotected: [...unprotected].filter((i) => isRecoverable(table, status, i)) };
}

function cycleCost(cycle: readonly Edge[]): number {
  return cycle.reduce((sum, e) => sum + e.cost, 0);
}

/** The cheapest cycle through hidden cell `index` (the cell itself may be relabelled `s`). */
function bestCycle(table: SdcTable, status: readonly CellStatus[], index: number, allowFixed: boolean): Edge[] | null {
  const cell = table.cells[index] as SdcCell;
  const s = status[index] as CellStatus;
  const [u, v] = ends(table, cell);
  const opts: SearchOptions = { candidates: true, allowFixed };
  const now = moves(cell, s);
  const relabelled = s === 'primary' && (!cell.fixed || allowFixed) ? moves(cell, 'secondary') : now;
  const options: Edge[][] = [];
  const self = (relabel: boolean): Edge[] => (relabel ? [{ to: v, cell: index, cost: RELABEL_COST, relabel: true }] : []);
  if (now.up || relabelled.up) {
    const p = cheapestPath(table, status, index, v, u, opts);
    if (p) options.push([...p, ...self(!now.up)]);
  }
  if (now.down || relabelled.down) {
    const p = cheapestPath(table, status, index, u, v, opts);
    if (p) options.push([...p, ...self(!now.down)]);
  }
  if (!options.length) return null;
  options.sort((a, b) => cycleCost(a) - cycleCost(b));
  return options[0]!;
}

// ── Builders ──────────────────────────────────────────────────────────────────────────────

/** Relative costs: inner cells by size, totals much dearer, the grand total only if nothing else works. */
export const COST = {
  inner: (v: number) => v + 1,
  margin: (v: number) => 1_000 + 4 * v,
  grand: 1e9,
};

export interface OneWayLayout {
  table: SdcTable;
  /** Index of the total cell in `table.cells` (cells 0…n-1 are the categories). */
  total: number;
}

/** A one-way table: n category counts and their published total (thresholds per category). */
export function oneWayTable(values: readonly number[], thresholds: readonly number[], totalThreshold: number): OneWayLayout {
  const cells: SdcCell[] = values.map((value, i) => ({ value, threshold: thresholds[i] as number, row: 0, col: null, coeff: 1, cost: COST.inner(value) }));
  const total = values.reduce((a, b) => a + b, 0);
  cells.push({ value: total, threshold: totalThreshold, row: 0, col: null, coeff: -1, cost: COST.grand });
  return { table: { cells, rows: 1, cols: 0 }, total: values.length };
}

export interface TwoWayLayout {
  table: SdcTable;
  inner(i: number, j: number): number;
  rowTotal(i: number): number;
  colTotal(j: number): number;
  grand: number;
}

/**
 * An m × n table with its row totals, column totals and grand total, all published relations.
 * `threshold(i, j)` gives the rule of inner cells; totals use `rowThreshold(i)`/`colThreshold(j)`.
 */
export function twoWayTable(
  values: readonly (readonly number[])[],
  threshold: (i: number, j: number) => number,
  rowThreshold: (i: number) => number,
  colThreshold: (j: number) => number,
  grandThreshold: number,
): TwoWayLayout {
  const m = values.length;
  const n = values[0]?.length ?? 0;
  const cells: SdcCell[] = [];
  // Equations: rows 0…m-1 are the rows, row m is the row of column totals;
  // columns 0…n-1 are the columns, column n is the column of row totals.
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const value = values[i]?.[j] as number;
      cells.push({ value, threshold: threshold(i, j), row: i, col: j, coeff: 1, cost: COST.inner(value) });
    }
  }
  const rowStart = cells.length;
  for (let i = 0; i < m; i++) {
    const value = (values[i] as readonly number[]).reduce((a, b) => a + b, 0);
    cells.push({ value, threshold: rowThreshold(i), row: i, col: n, coeff: -1, cost: COST.margin(value) });
  }
  const colStart = cells.length;
  for (let j = 0; j < n; j++) {
    let value = 0;
    for (let i = 0; i < m; i++) value += values[i]?.[j] as number;
    cells.push({ value, threshold: colThreshold(j), row: m, col: j, coeff: -1, cost: COST.margin(value) });
  }
  const grandValue = values.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0);
  const grand = cells.length;
  cells.push({ value: grandValue, threshold: grandThreshold, row: m, col: n, coeff: 1, cost: COST.grand });
  return {
    table: { cells, rows: m + 1, cols: n + 1 },
    inner: (i, j) => i * n + j,
    rowTotal: (i) => rowStart + i,
    colTotal: (j) => colStart + j,
    grand,
  };
}
