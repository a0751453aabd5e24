import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditCsv, listAudit, writeAudit } from '../../src/store/auditLog.ts';
import { writeNotesRetentionMonths } from '../../src/access/retentionSettings.ts';
import { monthsBefore } from '../../src/domain/brusselsTime.ts';
import { hashParams, hashSecret, verifySecret } from '../../src/access/secretHash.ts';
import { collectFacts } from '../../src/reports/collectFacts.ts';
import { seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { purgeAll as runPurge } from '../../src/app/purgeSteps.ts';
import { newOpenStore, TEST_SCRYPT } from './helpers/tempStore.ts';

// Issue 8: slow hashes with recorded parameters, the append-only audit log, and the notes'
// retention step (free text erased, structured fields and statistics kept, FTS index included).

test('PIN and passphrase hashes: scrypt with the parameters recorded, salted, verified in constant time', () => {
  const h = hashSecret('246810', TEST_SCRYPT);
  assert.match(h, /^scrypt\$4096\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.deepEqual(hashParams(h), TEST_SCRYPT);
  assert.ok(!h.includes('246810'));
  assert.notEqual(hashSecret('246810', TEST_SCRYPT), h, 'salted');
  assert.equal(verifySecret('246810', h), true);
  assert.equal(verifySecret('246811', h), false);
  assert.equal(verifySecret('246810', null), false);
  assert.equal(verifySecret('246810', 'scrypt$99999999$8$1$x$y'), false);
});

test('audit log: append-only (UPDATE and DELETE raise), detail limited to known keys', async () => {
  const s = await newOpenStore();
  const db = s.database();
  const now = new Date('2026-03-02T09:00:00Z');
  writeAudit(db, now, { profileId: null, actor: 'relais-admin', role: null }, 'export.report', { format: 'csv', public: true, text: 'Madame X au 0470 12 34 56' } as never);
  const { entries, total } = listAudit(db, { limit: 10 });
  assert.equal(total, 1);
  assert.deepEqual(entries[0]?.detail, { format: 'csv', public: true });
  assert.throws(() => db.prepare('UPDATE audit_log SET actor = ?').run('x'), /append-only/);
  assert.throws(() => db.prepare('DELETE FROM audit_log').run(), /append-only/);
  const csv = auditCsv(entries);
  assert.ok(csv.startsWith('\uFEFFat;actor;role;action;detail'));
  assert.ok(!csv.includes('0470'));
  s.close();
});

test('months before: calendar months, end of month clamped', () => {
  assert.equal(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString(), '2026-02-28T10:00:00.000Z');
  assert.equal(monthsBefore(new Date('2026-03-02T10:00:00Z'), 24).toISOString(), '2024-03-02T10:00:00.000Z');
});

test('notes retention: dry run changes nothing; apply erases the free text of calls older than N months (FTS too), keeps structured fields and the statistics', async () => {
  const s = await newOpenStore();
  const db = s.database();
  const now = new Date('2026-03-02T12:00:00Z');
  seedDemoCalls(db, { calls: 400, days: 1000, now, seed: 7 });
  const cutoff = monthsBefore(now, 24).toISOString();
  const oldCalls = db.prepare(`SELECT count(*) FROM calls WHERE started_at < ? AND EXISTS (SELECT 1 FROM call_notes n WHERE n.call_id = calls.id)`).pluck().get(cutoff) as number;
  assert.ok(oldCalls > 20, `seeded old calls with notes: ${oldCalls}`);
  const recentNotes = db.prepare(`SELECT count(*) FROM call_notes n JOIN calls c ON c.id = n.call_id WHERE c.started_at >= ?`).pluck().get(cutoff) as number;
  const sample = db.prepare(`SELECT n.text FROM call_notes n JOIN calls c ON c.id = n.call_id WHERE c.started_at < ? LIMIT 1`).pluck().get(cutoff) as string;
  const word = (sample.match(/[A-Za-zÀ-ÿ]{6,}/) ?? ['colis'])[0];
  const ftsOld = () => db.prepare(`SELECT count(*) FROM call_notes_fts f JOIN call_notes n ON n.id = f.rowid JOIN calls c ON c.id = n.call_id WHERE call_notes_fts MATCH ? AND c.started_at < ?`).pluck().get(`"${word}"`, cutoff) as number;
  assert.ok(ftsOld() > 0);
  const factsBefore = collectFacts(db, '2023-01-01', '2026-03-01');
  const changes = db.prepare('SELECT total_changes()').pluck();

  const before = changes.get();
  const plan = runPurge(db, now, { dryRun: true });
  assert.equal(changes.get(), before, 'a dry run writes nothing');
  const step = plan.steps.find((x) => x.step === 'calls.notes');
  assert.equal(step?.count, db.prepare(`SELECT count(*) FROM calls WHERE started_at < ? AND status <> 'active' AND (EXISTS (SELECT 1 FROM call_notes n WHERE n.call_id = calls.id) OR pseudonym IS NOT NULL OR unmet_need <> '')`).pluck().get(cutoff));

  const done = runPurge(db, now);
  assert.equal(done.steps.find((x) => x.step === 'calls.notes')?.count, step?.count);
  assert.equal(db.prepare(`SELECT count(*) FROM call_notes n JOIN calls c ON c.id = n.call_id WHERE c.started_at < ?`).pluck().get(cutoff), 0);
  assert.equal(db.prepare(`SELECT count(*) FROM calls WHERE started_at < ? AND (pseudonym IS NOT NULL OR unmet_need <> '')`).pluck().get(cutoff), 0);
  assert.equal(db.prepare(`SELECT count(*) FROM call_notes n JOIN calls c ON c.id = n.call_id WHERE c.started_at >= ?`).pluck().get(cutoff), recentNotes, 'recent notes kept');
  // The index holds no token of an erased note: the FTS rows match only surviving notes.
  assert.equal(ftsOld(), 0);
  assert.equal(db.prepare(`SELECT count(*) FROM call_notes_fts WHERE call_notes_fts MATCH ?`).pluck().get(`"${word}"`), db.prepare(`SELECT count(*) FROM call_notes WHERE text LIKE ?`).pluck().get(`%${word}%`));
  db.prepare(`INSERT INTO call_notes_fts(call_notes_fts) VALUES ('integrity-check')`).run();
  assert.deepEqual(collectFacts(db, '2023-01-01', '2026-03-01'), factsBefore, 'statistics unchanged');
  const audit = listAudit(db, { limit: 5, action: 'purge.apply' });
  assert.equal(audit.total, 1);
  assert.equal(audit.entries[0]?.actor, 'system');
  assert.equal(runPurge(db, now).steps.find((x) => x.step === 'calls.notes')?.count, 0, 'idempotent');

  // A supervisor may tighten the retention, never beyond the machine's ceiling.
  assert.throws(() => writeNotesRetentionMonths(db, 30, 24, now), RangeError);
  assert.equal(writeNotesRetentionMonths(db, 12, 24, now), 12);
  assert.ok((runPurge(db, now, { dryRun: true }).steps.find((x) => x.step === 'calls.notes')?.count ?? 0) > 0);
  s.close();
});
