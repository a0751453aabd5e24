import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_AFTER_COMMIT, AUDITED_OPERATIONS, auditedInTransaction, SELF_AUDITED } from '../../src/access/auditedOperations.ts';
import { handlers } from '../../src/handlers/index.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema, type Service } from '../../src/directory/serviceSchema.ts';
import { listAudit } from '../../src/store/auditLog.ts';
import type { OperationName } from '../../src/contract/index.ts';
import { newOpenCore, signInSupervisor } from './helpers/tempStore.ts';

// Issue 13, point 5: an audited change and its audit entry are written in one transaction. A
// change that fails leaves no entry; an entry that cannot be written takes the change back with
// it; a change that succeeds always has its entry, with the actor the router resolved.

const svc = (id: string) => serviceSchema.parse({ id, name: `Service ${id}`, themes: ['general'] }) as Service;

async function maintainerCore() {
  const core = await newOpenCore();
  directoryRepository(core.services.store.database()).upsertServices([svc('cpas')], new Date('2026-01-01T00:00:00Z'));
  await signInSupervisor(core);
  const me = core.services.session.profileId as string;
  assert.equal((await core.router.dispatch('directory.setMaintainer', { profileId: me, maintainer: true })).ok, true);
  return { core, me };
}

const entries = (core: Awaited<ReturnType<typeof newOpenCore>>, action: string) =>
  listAudit(core.services.store.database(), { limit: 1000 }).entries.filter((e) => e.action === action);
const statusOf = (core: Awaited<ReturnType<typeof newOpenCore>>, id: string) =>
  core.services.store.database().prepare('SELECT status FROM services WHERE id = ?').pluck().get(id);

test('a successful change always has its entry, naming the actor the router resolved', async () => {
  const { core, me } = await maintainerCore();
  const r = await core.router.dispatch('directory.setStatus', { id: 'cpas', status: 'inactive' });
  assert.equal(r.ok, true, JSON.stringify(r));
  const [entry, ...more] = entries(core, 'directory.service_status');
  assert.equal(more.length, 0);
  assert.equal(entry?.profileId, me);
  assert.equal(entry?.role, 'supervisor');
  assert.notEqual(entry?.actor, 'unknown');
  core.shutdown();
});

test('a change that fails writes no entry', async () => {
  const { core } = await maintainerCore();
  const r = await core.router.dispatch('directory.setStatus', { id: 'no-such-service', status: 'inactive' });
  assert.equal(!r.ok && r.error.code, 'NotFound');
  assert.deepEqual(entries(core, 'directory.service_status'), []);
  core.shutdown();
});

test('an entry that cannot be written takes its change back: one transaction', async () => {
  const { core } = await maintainerCore();
  const db = core.services.store.database();
  // The audit log refuses this one action; everything else goes on.
  db.exec(`CREATE TEMP TRIGGER refuse_status_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'directory.service_status' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
  const r = await core.router.dispatch('directory.setStatus', { id: 'cpas', status: 'inactive' });
  assert.equal(r.ok, false);
  assert.equal(statusOf(core, 'cpas'), 'active', 'the change went with its entry');
  db.exec('DROP TRIGGER refuse_status_audit');
  assert.equal((await core.router.dispatch('directory.setStatus', { id: 'cpas', status: 'inactive' })).ok, true);
  assert.equal(statusOf(core, 'cpas'), 'inactive');
  assert.equal(entries(core, 'directory.service_status').length, 1);
  core.shutdown();
});

/** A profile created while the audit log refuses `profile.create`: refused, and no profile left. */
async function createWithEntryRefused(operation: 'profiles.admin.create' | 'profiles.create', displayName: string) {
  const { core } = await maintainerCore();
  const db = core.services.store.database();
  db.exec(`CREATE TEMP TRIGGER refuse_create_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'profile.create' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
  const input = { displayName, centre: 'CASG Nord', pin: '482915' };
  const r = await core.router.dispatch(operation, input);
  assert.equal(r.ok, false);
  assert.equal(db.prepare(`SELECT count(*) FROM profiles WHERE display_name = ?`).pluck().get(displayName), 0, 'no profile without its entry');
  return { core, db, input };
}

test('a self-audited profile change is one transaction too', async () => {
  const { core } = await createWithEntryRefused('profiles.admin.create', 'Rita');
  core.shutdown();
});

test('every operation run in a transaction has a synchronous handler (a promise would commit early)', () => {
  const names = Object.keys(handlers) as OperationName[];
  const inTransaction = names.filter(auditedInTransaction);
  assert.ok(inTransaction.length >= 12, inTransaction.join(', '));
  for (const name of inTransaction) assert.notEqual((handlers[name] as () => unknown).constructor.name, 'AsyncFunction', name);
  // The lists name real operations, and the after-commit ones are audited at all.
  for (const name of [...SELF_AUDITED, ...AUDIT_AFTER_COMMIT]) assert.ok(names.includes(name), name);
  for (const name of AUDIT_AFTER_COMMIT) assert.ok(name in AUDITED_OPERATIONS, name);
});

test('creating a responder from the profile picker is one transaction with its entry', async () => {
  const { core, db, input } = await createWithEntryRefused('profiles.create', 'Samir');
  db.exec('DROP TRIGGER refuse_create_audit');
  assert.equal((await core.router.dispatch('profiles.create', input)).ok, true);
  assert.equal(entries(core, 'profile.create').length, 1);
  core.shutdown();
});

test('a self-audited entry names the actor the router resolved, as a ruled one does', async () => {
  const { core, me } = await maintainerCore();
  assert.equal((await core.router.dispatch('profiles.admin.create', { displayName: 'Rita', centre: 'CASG Nord', pin: '482915' })).ok, true);
  assert.equal((await core.router.dispatch('retention.update', { notesRetentionMonths: 6 })).ok, true);
  const name = (await core.router.dispatch('access.status', {})) as { ok: true; value: { profile: { displayName: string } } };
  for (const action of ['profile.create', 'retention.update']) {
    const [entry, ...more] = entries(core, action);
    assert.equal(more.length, 0, action);
    assert.deepEqual([entry?.profileId, entry?.actor, entry?.role], [me, name.value.profile.displayName, 'supervisor'], action);
  }
  core.shutdown();
});
