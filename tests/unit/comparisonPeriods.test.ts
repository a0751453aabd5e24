import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparisonFor } from '../../src/reports/comparisonPeriods.ts';

// Issue 17, point 7: the period a supervisor means.

test('a calendar month compares with the previous calendar month and the same month a year earlier', () => {
  assert.deepEqual(comparisonFor({ from: '2026-03-01', to: '2026-03-31' }), {
    rule: 'calendarMonth',
    previous: { from: '2026-02-01', to: '2026-02-28' },
    yearEarlier: { from: '2025-03-01', to: '2025-03-31' },
  });
  // February: 28 or 29 days, and the previous month is longer.
  assert.deepEqual(comparisonFor({ from: '2024-02-01', to: '2024-02-29' }), {
    rule: 'calendarMonth',
    previous: { from: '2024-01-01', to: '2024-01-31' },
    yearEarlier: { from: '2023-02-01', to: '2023-02-28' },
  });
  assert.deepEqual(comparisonFor({ from: '2025-02-01', to: '2025-02-28' }).yearEarlier, { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(comparisonFor({ from: '2024-03-01', to: '2024-03-31' }).previous, { from: '2024-02-01', to: '2024-02-29' }, 'March of a leap year');
  // The year boundary: January compares with December of the year before.
  assert.deepEqual(comparisonFor({ from: '2026-01-01', to: '2026-01-31' }), {
    rule: 'calendarMonth',
    previous: { from: '2025-12-01', to: '2025-12-31' },
    yearEarlier: { from: '2025-01-01', to: '2025-01-31' },
  });
});

test('a calendar year compares with the previous year', () => {
  assert.deepEqual(comparisonFor({ from: '2025-01-01', to: '2025-12-31' }), { rule: 'calendarYear', previous: { from: '2024-01-01', to: '2024-12-31' }, yearEarlier: null });
  assert.deepEqual(comparisonFor({ from: '2025-01-01', to: '2025-12-31' }).previous.to, '2024-12-31', '2024 has 366 days: not "365 days before"');
});

test('any other period keeps the same length just before', () => {
  assert.deepEqual(comparisonFor({ from: '2026-03-10', to: '2026-03-16' }), { rule: 'sameLength', previous: { from: '2026-03-03', to: '2026-03-09' }, yearEarlier: null });
  // Not a whole month: 1 to 30 March.
  assert.equal(comparisonFor({ from: '2026-03-01', to: '2026-03-30' }).rule, 'sameLength');
  // February 2 to March 1 is 28 days, not a month.
  assert.deepEqual(comparisonFor({ from: '2026-02-02', to: '2026-03-01' }).previous, { from: '2026-01-05', to: '2026-02-01' });
  // Several whole months, and a year not starting on 1 January, are free periods.
  assert.equal(comparisonFor({ from: '2026-01-01', to: '2026-03-31' }).rule, 'sameLength');
  assert.equal(comparisonFor({ from: '2025-07-01', to: '2026-06-30' }).rule, 'sameLength');
  // Across the year boundary.
  assert.deepEqual(comparisonFor({ from: '2026-01-01', to: '2026-01-07' }).previous, { from: '2025-12-25', to: '2025-12-31' });
});
