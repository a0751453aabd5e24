import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeNotesRetentionMonths } from '../../src/access/retentionSettings.ts';
import { PURGE_STEPS, purgeAll } from '../../src/app/purgeSteps.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { listAudit } from '../../src/store/auditLog.ts';
import { applyPulledNote } from '../../src/sync/sharedRecords.ts';
import { newOpenCore } from './helpers/tempStore.ts';

// A reachability note pulled from the hub about a service this PC never receives used to wait in
// sync_pending_notes forever (migration 013). It now follows the notes retention (default 24
// months after it was written; a supervisor may tighten it), like the other free text the purge
// erases, and the purge's audit row counts it. On a real encrypted store built by the migrations,
// notes put there by the real pull path.

const NOW = new Date('2026-03-02T12:00:00.000Z'); // 24 months back: 2024-03-02T12:00:00Z
const STEP = 'reachability.pendingNotes';

test('pending hub notes older than the notes retention are purged (dry run first, audited, idempotent); younger ones still arrive with their service', async () => {
  const core = await newOpenCore({ seedDemo: true });
  const db = core.services.store.database();
  const pull = (uid: string, serviceId: string, writtenAt: string) =>
    assert.equal(applyPulledNote(db, { uid, serviceId, text: `Note ${uid}`, author: 'Bart', writtenAt, centre: 'CAW Brussel', kind: 'note' }), 'pending');
  // 11:59 UTC, written with Brussels' offset: older than the cutoff although its text sorts after it.
  pull('00000000-0000-4000-8000-000000000001', 'never-1', '2024-03-02T12:59:00+01:00');
  // 12:30 UTC the same day: just inside 24 months.
  pull('00000000-0000-4000-8000-000000000002', 'never-2', '2024-03-02T13:30:00+01:00');
  pull('00000000-0000-4000-8000-000000000003', 'never-3', '2025-06-01T08:00:00.000Z');
  pull('00000000-0000-4000-8000-000000000004', 'late-1', '2026-02-20T10:00:00.000Z');
  const pending = () => db.prepare('SELECT uid FROM sync_pending_notes ORDER BY uid').pluck().all() as string[];
  const stepOf = (r: ReturnType<typeof purgeAll>) => r.steps.find((s) => s.step === STEP);
  assert.ok(PURGE_STEPS.some((s) => s.name === STEP), 'a step of the app\'s purge');

  const changes = db.prepare('SELECT total_changes()').pluck();
  const before = changes.get();
  const plan = stepOf(purgeAll(db, NOW, { dryRun: true }));
  assert.equal(changes.get(), before, 'a dry run writes nothing');
  assert.deepEqual([plan?.count, plan?.oldest, plan?.rule], [1, '2024-03-02T12:59:00+01:00', '24 months after the note was written']);
  assert.equal(pending().length, 4);

  const done = purgeAll(db, NOW);
  assert.equal(stepOf(done)?.count, 1);
  assert.deepEqual(pending(), ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004']);
  const audit = listAudit(db, { limit: 5, action: 'purge.apply' });
  assert.equal(audit.total, 1);
  assert.equal(audit.entries[0]?.actor, 'system');
  assert.match(String(audit.entries[0]?.detail.steps), /(^|,)reachability\.pendingNotes:1(,|$)/, 'counted in the purge\'s audit row');
  assert.ok(!JSON.stringify(audit.entries).includes('Note 0000'), 'the audit names counts, never the text');
  assert.equal(stepOf(purgeAll(db, NOW))?.count, 0, 'idempotent');

  // A supervisor tightens the notes retention to 6 months: the 9-month and 24-month notes go too.
  writeNotesRetentionMonths(db, 6, 24, NOW);
  const tightened = stepOf(purgeAll(db, NOW));
  assert.deepEqual([tightened?.count, tightened?.rule], [2, '6 months after the note was written']);
  assert.deepEqual(pending(), ['00000000-0000-4000-8000-000000000004']);

  // The young note still waits for its service and arrives with it (migration 013's trigger).
  const repo = directoryRepository(db);
  const base = repo.listServices()[0];
  assert.ok(base, 'the demo directory');
  repo.upsertServices([{ ...base, id: 'late-1', name: 'Service tardif' }], NOW);
  assert.deepEqual(db.prepare(`SELECT text, centre, origin FROM reachability_notes WHERE service_id = 'late-1'`).all(), [{ text: 'Note 00000000-0000-4000-8000-000000000004', centre: 'CAW Brussel', origin: 'hub' }]);
  assert.deepEqual(pending(), []);
  core.shutdown();
});
