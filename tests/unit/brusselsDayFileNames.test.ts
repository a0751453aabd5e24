import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportServices } from '../../src/directory/export/exportDirectory.ts';
import { verificationOverdue } from '../../src/directory/serviceSchema.ts';

// A responder exporting at 00:30 on 1 July (Brussels, UTC+2) names the file for 1 July: the UTC
// date would say 30 June, and a supervisor filing exports by day would put it in the wrong one.
const justAfterMidnightInBrussels = new Date('2026-06-30T22:30:00Z');

test('a directory export made just after midnight in Brussels is named for the Brussels day', async () => {
  const file = await exportServices([], { format: 'csv', public: true }, justAfterMidnightInBrussels);
  assert.match(file.fileName, /-2026-07-01\.csv$/);
});

test('verification is overdue from the Brussels day a year back, not the UTC one', () => {
  // A year before 2026-07-01 (Brussels) is 2025-07-01: verified on 2025-06-30 is overdue, on 2025-07-01 not.
  assert.equal(verificationOverdue({ last_verified: '2025-06-30' }, justAfterMidnightInBrussels), true);
  assert.equal(verificationOverdue({ last_verified: '2025-07-01' }, justAfterMidnightInBrussels), false);
});
