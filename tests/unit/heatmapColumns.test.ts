import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heatmapColumns } from '../../src/domain/reportFormat.ts';

// The weekday × hour heatmap draws the hours that had calls, on screen and in the PDF alike
// (the PDF drew all 24 before pdfkit became the only layout; the printed page drew these).

const row = (...v: Array<number | null>) => ({ cells: v.map((x) => ({ v: x })) });

test('heatmap: only the hours with at least one call, in order, with their index in the table', () => {
  const cols = ['0 h', '1 h', '2 h', '3 h'];
  assert.deepEqual(heatmapColumns(cols, [row(0, 2, 0, 0), row(0, 0, 0, 1)]), [
    { col: '1 h', j: 1 },
    { col: '3 h', j: 3 },
  ]);
});

test('heatmap: a period without any call keeps every hour (an empty grid, not no grid)', () => {
  assert.equal(heatmapColumns(['0 h', '1 h'], [row(0, null), row(0, 0)]).length, 2);
});
