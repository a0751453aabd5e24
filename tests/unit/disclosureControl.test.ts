import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CellStatus,
  isRecoverable,
  oneWayTable,
  protect,
  readerBounds,
  type SdcTable,
  twoWayTable,
} from '../../src/reports/secondarySuppression.ts';
import { prng } from '../../src/reports/demoCalls.ts';

// Primary and secondary suppression, checked against an independent brute force: every
// integer table a reader could believe in (published values, totals, the `<t` and `s` marks)
// is enumerated, and a hidden cell is recoverable exactly when it takes one value in all of them.

/** Equations of an SDC table: for each row/column index, the cells in it. */
function equations(t: SdcTable): number[][] {
  const eqs = new Map<string, number[]>();
  t.cells.forEach((c, i) => {
    if (c.row !== null) (eqs.get(`r${c.row}`) ?? eqs.set(`r${c.row}`, []).get(`r${c.row}`)!).push(i);
    if (c.col !== null) (eqs.get(`c${c.col}`) ?? eqs.set(`c${c.col}`, []).get(`c${c.col}`)!).push(i);
  });
  return [...eqs.values()];
}

/** The set of values each hidden cell takes over every table consistent with what is published. */
function bruteForce(t: SdcTable, status: readonly CellStatus[]): Map<number, Set<number>> {
  const grand = Math.max(...t.cells.map((c) => c.value));
  const cap = 3 * grand + 3;
  const hidden = status.map((s, i) => (s === 'published' ? -1 : i)).filter((i) => i >= 0);
  const eqs = equations(t);
  const value = t.cells.map((c, i) => (status[i] === 'published' ? c.value : null)) as Array<number | null>;
  const seen = new Map<number, Set<number>>(hidden.map((i) => [i, new Set<number>()]));
  const bounds = (i: number): [number, number] => {
    const [lo, hi] = readerBounds(t.cells[i]!, status[i]!);
    return [lo, Math.min(hi, cap)];
  };
  const consistent = (): boolean => {
    for (const eq of eqs) {
      let sum = 0;
      let open = 0;
      for (const i of eq) {
        const v = value[i];
        if (v === null || v === undefined) open++;
        else sum += t.cells[i]!.coeff * v;
      }
      if (open === 0 && sum !== 0) return false;
    }
    return true;
  };
  const dfs = (k: number): void => {
    if (!consistent()) return;
    // A cell alone unknown in an equation is forced.
    for (const eq of eqs) {
      const open = eq.filter((i) => value[i] === null);
      if (open.length === 1) {
        const i = open[0]!;
        const rest = eq.reduce((s, j) => (j === i ? s : s + t.cells[j]!.coeff * (value[j] as number)), 0);
        const v = -rest / t.cells[i]!.coeff;
        const [lo, hi] = bounds(i);
        if (!Number.isInteger(v) || v < lo || v > hi) return;
        value[i] = v;
        dfs(k);
        value[i] = null;
        return;
      }
    }
    const next = hidden.find((i) => value[i] === null);
    if (next === undefined) {
      for (const i of hidden) seen.get(i)!.add(value[i] as number);
      return;
    }
    const [lo, hi] = bounds(next);
    for (let v = lo; v <= hi; v++) {
      value[next] = v;
      dfs(k + 1);
    }
    value[next] = null;
  };
  dfs(0);
  return seen;
}

function randomGrid(r: () => number, m: number, n: number, max: number, zeroShare: number): number[][] {
  return Array.from({ length: m }, () => Array.from({ length: n }, () => (r() < zeroShare ? 0 : 1 + Math.floor(r() * max))));
}

test('primary suppression: 1–4 hidden as <5, 0 and 5+ published; a sensitive row uses <10', () => {
  const { table, total } = oneWayTable([0, 1, 4, 5, 9, 40], [5, 5, 5, 5, 10, 5], 5);
  const { status } = protect(table);
  assert.equal(status[0], 'published', 'zero stays 0');
  assert.equal(status[1], 'primary');
  assert.equal(status[2], 'primary');
  assert.equal(status[3], 'published');
  assert.equal(status[4], 'primary', '9 in a sensitive row is below 10');
  assert.equal(status[total], 'published');
  for (let i = 0; i < status.length; i++) if (status[i] !== 'published') assert.equal(isRecoverable(table, status, i), false);
});

test('secondary suppression, one-way: a lone hidden cell gets a complement, never a zero', () => {
  const { table, total } = oneWayTable([3, 0, 20, 30], [5, 5, 5, 5], 5);
  const { status } = protect(table);
  assert.equal(status[0], 'primary');
  assert.equal(status[1], 'published');
  assert.equal(status[2], 'secondary', 'the smallest non-zero cell complements the hidden one');
  assert.equal(status[3], 'published');
  assert.equal(status[total], 'published');
  const seen = bruteForce(table, status);
  assert.ok(seen.get(0)!.size > 1 && seen.get(2)!.size > 1);
});

test('secondary suppression, two-way with margins: the classic 2 × 2 rectangle', () => {
  const t = twoWayTable(
    [
      [2, 15, 30],
      [20, 25, 12],
    ],
    () => 5,
    () => 5,
    () => 5,
    5,
  );
  const { status } = protect(t.table);
  assert.equal(status[t.inner(0, 0)], 'primary');
  const hiddenInRow0 = [0, 1, 2].filter((j) => status[t.inner(0, j)] !== 'published').length;
  const hiddenInCol0 = [0, 1].filter((i) => status[t.inner(i, 0)] !== 'published').length;
  assert.ok(hiddenInRow0 >= 2 && hiddenInCol0 >= 2, 'no line with exactly one hidden cell');
  for (const [i, values] of bruteForce(t.table, status)) assert.ok(values.size > 1, `cell ${i} recoverable: ${[...values]}`);
});

test('a row of 1s whose total is shown <5 would give itself away: the total is shown s instead', () => {
  // Four themes asked once each from a commune: four hidden cells ≥ 1 and a total < 5 pin every cell to 1.
  const t = twoWayTable(
    [
      [1, 1, 1, 1, 0],
      [30, 12, 25, 14, 8],
      [22, 9, 31, 17, 6],
    ],
    () => 10,
    () => 5,
    () => 5,
    5,
  );
  const { status, unprotected } = protect(t.table);
  assert.deepEqual(unprotected, []);
  assert.equal(status[t.inner(0, 4)], 'published', 'zero stays 0');
  for (const [i, values] of bruteForce(t.table, status)) assert.ok(values.size > 1, `cell ${i} recoverable`);
});

test('isRecoverable agrees with brute force on random small tables and random hidden patterns', () => {
  const r = prng(7);
  let checked = 0;
  for (let trial = 0; trial < 250; trial++) {
    const m = 2 + Math.floor(r() * 2);
    const n = 2 + Math.floor(r() * 2);
    const grid = randomGrid(r, m, n, 9, 0.25);
    const t = twoWayTable(grid, () => 5, () => 5, () => 5, 5);
    // A random hiding pattern of non-zero cells, marked `<5` when small enough, else `s`.
    const status: CellStatus[] = t.table.cells.map((c) => (c.value === 0 || r() < 0.55 ? 'published' : c.value < 5 && r() < 0.7 ? 'primary' : 'secondary'));
    if (status.filter((s) => s !== 'published').length > 7) continue;
    const seen = bruteForce(t.table, status);
    for (const [i, values] of seen) {
      assert.equal(isRecoverable(t.table, status, i), values.size === 1, `trial ${trial}, cell ${i}: brute force says ${values.size} value(s)`);
      checked++;
    }
  }
  assert.ok(checked > 300, `only ${checked} hidden cells checked`);
});

test('protect leaves no recoverable cell (brute force) on random small tables', () => {
  const r = prng(11);
  let tables = 0;
  for (let trial = 0; trial < 150; trial++) {
    const m = 2 + Math.floor(r() * 2);
    const n = 2 + Math.floor(r() * 2);
    const grid = randomGrid(r, m, n, 12, 0.3);
    const cross = r() < 0.5 ? 10 : 5;
    const t = twoWayTable(grid, () => cross, () => 5, () => 5, 5);
    const { status, unprotected } = protect(t.table);
    assert.deepEqual(unprotected, []);
    if (status.filter((s) => s !== 'published').length > 9) continue;
    t.table.cells.forEach((c, i) => {
      if (c.value >= 1 && c.value < c.threshold) assert.notEqual(status[i], 'published', 'every small count is hidden');
      if (c.value === 0) assert.equal(status[i], 'published', 'zero stays 0');
    });
    for (const [i, values] of bruteForce(t.table, status)) assert.ok(values.size > 1, `trial ${trial}: cell ${i} recoverable`);
    tables++;
  }
  assert.ok(tables > 80);
});

test('protect on commune-sized tables: every small cell hidden, no line with exactly one hidden cell, none recoverable', () => {
  const r = prng(23);
  for (let trial = 0; trial < 12; trial++) {
    const grid = randomGrid(r, 21, 20, trial % 2 ? 40 : 8, 0.35);
    const t = twoWayTable(grid, () => 10, () => 5, (j) => (j % 7 === 0 ? 10 : 5), 5);
    const { status, unprotected } = protect(t.table);
    assert.deepEqual(unprotected, []);
    t.table.cells.forEach((c, i) => {
      if (c.value >= 1 && c.value < c.threshold) assert.notEqual(status[i], 'published');
      if (c.value === 0) assert.equal(status[i], 'published');
      if (status[i] !== 'published') assert.equal(isRecoverable(t.table, status, i), false);
    });
    for (const eq of equations(t.table)) {
      const hidden = eq.filter((i) => status[i] !== 'published').length;
      assert.notEqual(hidden, 1, 'a line with exactly one hidden cell gives it away');
    }
  }
});
