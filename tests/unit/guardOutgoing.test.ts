import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAudit } from '../../src/store/auditLog.ts';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema } from '../../src/directory/serviceSchema.ts';
import type { ErrorPayload } from '../../src/errors.ts';
import { findInStoreText, storeGuardContext } from '../../src/guard/outgoingText.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { newOpenCore, signInResponder, signInSupervisor } from './helpers/tempStore.ts';

// Issue 20, point 5: every text that leaves the responder's hands (excerpts for the public
// bilans, handover notes, callback reasons; with the hub, the "à savoir" note) passes the
// guard in main, with the directory's names known. A flagged text is refused until redacted;
// a supervisor may override explicitly, and the override is audited without the text.

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

async function fails(core: AppCore, name: OperationName, input: unknown): Promise<ErrorPayload> {
  const r = await core.router.dispatch(name, input);
  assert.equal(r.ok, false, `${name} should be refused`);
  return (r as { ok: false; error: ErrorPayload }).error;
}

async function world(): Promise<AppCore> {
  const core = await newOpenCore({ clock: new ManualClock('2026-03-18T10:00:00.000Z') });
  directoryRepository(core.services.store.database()).upsertServices(
    [serviceSchema.parse({ id: 'jacques-franck', name: 'Centre culturel Jacques Franck', themes: ['general'], status: 'active' })],
    new Date('2026-01-01T00:00:00Z'),
  );
  return core;
}

test('the directory\'s names are known to the guard in main, and the context follows a directory change', async () => {
  const core = await world();
  const db = core.services.store.database();
  assert.deepEqual(findInStoreText(db, 'orientée vers le Centre culturel Jacques Franck'), []);
  assert.deepEqual(findInStoreText(db, 'Mme Dupont orientée vers le CPAS').map((f) => f.match), ['Dupont']);
  const before = storeGuardContext(db);
  assert.equal(storeGuardContext(db), before, 'cached while the directory is unchanged');
  directoryRepository(db).upsertServices([serviceSchema.parse({ id: 'marie-haps', name: 'Maison Marie Haps', themes: ['general'], status: 'active' })], new Date('2026-02-01T00:00:00Z'));
  assert.notEqual(storeGuardContext(db), before, 'rebuilt after an import');
  assert.ok(storeGuardContext(db).phrases.has('marie haps'));
});

test('handover notes: refused with a name or a spoken number until redacted; a responder cannot override', async () => {
  const core = await world();
  await signInResponder(core);
  for (const text of ['Mme Dupont rappellera demain', 'rappeler au zéro quatre septante-cinq douze trente-quatre cinquante-six', 'mail: anne arobase gmail point com']) {
    const err = await fails(core, 'reports.handover.add', { text });
    assert.equal(err.code, 'InvalidInput', text);
    assert.equal(err.issues?.[0]?.path, 'text');
  }
  assert.equal((await fails(core, 'reports.handover.add', { text: 'Mme Dupont rappellera demain', override: true })).code, 'Forbidden');
  await op(core, 'reports.handover.add', { text: 'Mme [nom masqué] rappellera demain; le Centre culturel Jacques Franck a de la place' });
  assert.deepEqual(listAudit(core.services.store.database(), { limit: 10, action: 'guard.override' }).entries, []);
});

test('a supervisor\'s override lets a flagged text through and is audited: field, count and kinds, never the text', async () => {
  const core = await world();
  await signInSupervisor(core);
  const { id } = await op(core, 'reports.handover.add', { text: 'Mme Dupont rappellera, gsm 470 12 34 56', override: true });
  assert.ok(id > 0);
  const [entry] = listAudit(core.services.store.database(), { limit: 10, action: 'guard.override' }).entries;
  assert.ok(entry);
  assert.equal(entry.actor, 'Sophie');
  assert.equal(entry.role, 'supervisor');
  assert.deepEqual(entry.detail, { kind: 'handover', count: 2, reason: 'name,phone' });
  assert.ok(!JSON.stringify(entry).includes('Dupont') && !JSON.stringify(entry).includes('470'), 'no text in the audit log');
  // A clean text with override: nothing to override, nothing audited.
  await op(core, 'reports.handover.add', { text: 'Rien à signaler', override: true });
  assert.equal(listAudit(core.services.store.database(), { limit: 10, action: 'guard.override' }).entries.length, 1);
});

test('callback reasons pass the guard in main (names and spoken numbers too)', async () => {
  const core = await world();
  await signInResponder(core);
  const call = await op(core, 'calls.start', {});
  const input = { callId: call.id, consent: true as const, phone: '0470 12 34 56', language: 'fr' as const, assignTo: 'team' as const, window: { date: '2026-03-19', from: '14:00' } };
  for (const reason of ['Rappeler Mme Lambert', 'vérifier, son autre gsm est le 486 11 22 33']) {
    const err = await fails(core, 'callbacks.schedule', { ...input, reason });
    assert.equal(err.code, 'InvalidInput', reason);
    assert.deepEqual(err.issues?.map((i) => i.path), ['reason']);
  }
  await op(core, 'callbacks.schedule', { ...input, reason: 'Vérifier que le Centre culturel Jacques Franck a rappelé' });
});
