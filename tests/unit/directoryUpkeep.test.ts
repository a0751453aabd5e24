import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutputOf } from '../../src/contract/index.ts';
import { listAudit } from '../../src/store/auditLog.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema, type Service } from '../../src/directory/serviceSchema.ts';
import { staleBefore, toVerifyList } from '../../src/directory/upkeep/toVerify.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { newOpenCore, newOpenStore, signInResponder, signInSupervisor } from './helpers/tempStore.ts';

// Issue 17, points 1 and 2: a directory maintainer keeps the directory true in the app.
const svc = (id: string, extra: Record<string, unknown> = {}) => serviceSchema.parse({ id, name: `Service ${id}`, themes: ['general'], ...extra }) as Service;
const NOW = new Date('2026-03-10T10:00:00Z');

async function coreWithServices() {
  const clock = new ManualClock(NOW);
  const core = await newOpenCore({ clock });
  directoryRepository(core.services.store.database()).upsertServices(
    [svc('fresh', { last_verified: '2026-01-05' }), svc('old', { last_verified: '2025-03-10' }), svc('never'), svc('gone', { status: 'inactive' }), svc('silent', { last_verified: '2026-02-01' })],
    new Date('2026-01-01T00:00:00Z'),
  );
  return { core, clock };
}

test('the router checks the role, then the maintainer right; a supervisor gives it', async () => {
  const { core } = await coreWithServices();
  const r = core.router;
  await signInSupervisor(core);
  const refused = await r.dispatch('directory.verify', { id: 'old' });
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.error.code, 'Forbidden', 'a supervisor without the right');
  assert.deepEqual((await r.dispatch('directory.maintainerStatus', {})).ok && (await r.dispatch('directory.maintainerStatus', {})), { ok: true, value: { maintainer: false, toVerify: 0 } });
  const me = core.services.session.profileId as string;
  assert.equal((await r.dispatch('directory.setMaintainer', { profileId: me, maintainer: true })).ok, true);
  const ok = await r.dispatch('directory.verify', { id: 'old', note: 'Appelé : horaires inchangés' });
  assert.equal(ok.ok, true, JSON.stringify(ok));
  // A responder never: the role is checked first.
  const responderId = await signInResponder(core, 'Rita', 'CASG Nord');
  const asResponder = await r.dispatch('directory.setStatus', { id: 'old', status: 'inactive' });
  assert.equal(!asResponder.ok && asResponder.error.code, 'Forbidden');
  assert.equal((await r.dispatch('directory.setMaintainer', { profileId: responderId, maintainer: true })).ok, false);
  core.shutdown();
});

test('edit every field, verify (today, with a note), deactivate and reactivate — each change audited', async () => {
  const { core, clock } = await coreWithServices();
  const r = core.router;
  await signInSupervisor(core);
  await r.dispatch('directory.setMaintainer', { profileId: core.services.session.profileId as string, maintainer: true });
  const db = core.services.store.database();
  const draft = {
    ...svc('old', { last_verified: '2025-03-10' }),
    name: 'CPAS — nouvelle adresse',
    alternate_name: 'OCMW',
    organization: 'CPAS',
    description: 'Permanence sociale',
    themes: ['general', 'income'],
    keywords: ['ris', 'leefloon'],
    communes_served: ['Ixelles'],
    address: 'rue Neuve 1',
    postcode: '1050',
    commune: 'Ixelles',
    phone: '02 000 00 01',
    email: 'info@cpas.example.be',
    website: 'https://cpas.example.be',
    hours: 'lu-ve 9-12',
    languages: ['fr', 'nl'],
    audience: 'Habitants',
    access_conditions: 'Sur rendez-vous',
    professional_contact: 'ligne pro',
  };
  const saved = await r.dispatch('directory.saveService', { service: draft, create: false });
  assert.equal(saved.ok, true, JSON.stringify(saved));
  assert.deepEqual(directoryRepository(db).getService('old'), serviceSchema.parse(draft));
  const bad = await r.dispatch('directory.saveService', { service: { ...draft, email: 'pas un mail', postcode: '12' }, create: false });
  assert.equal(!bad.ok && bad.error.code, 'InvalidInput');
  assert.deepEqual(!bad.ok && bad.error.issues?.map((i) => i.path).sort(), ['email', 'postcode']);
  const created = await r.dispatch('directory.saveService', { service: { id: 'new-1', name: 'Nouveau service', themes: ['food'] }, create: true });
  assert.equal(created.ok && (created.value as OutputOf<'directory.saveService'>).created, true);
  assert.equal((await r.dispatch('directory.saveService', { service: { id: 'new-1', name: 'x' }, create: true })).ok, false, 'create never overwrites');

  clock.set(new Date('2026-03-10T23:30:00Z')); // already 11 March in Brussels
  const verified = await r.dispatch('directory.verify', { id: 'never', note: 'Confirmé par téléphone' });
  assert.equal(verified.ok && (verified.value as OutputOf<'directory.verify'>).service.last_verified, '2026-03-11');
  assert.deepEqual(directoryRepository(db).listNotes('never').map((n) => [n.kind, n.text]), [['verified', 'Confirmé par téléphone']]);
  assert.equal((await r.dispatch('directory.setStatus', { id: 'fresh', status: 'inactive' })).ok, true);
  assert.equal(directoryRepository(db).getService('fresh')?.status, 'inactive');
  assert.equal((await r.dispatch('directory.setStatus', { id: 'fresh', status: 'active' })).ok, true);
  // Search sees the edit at once.
  const found = await r.dispatch('directory.search', { query: 'nouvelle adresse' });
  assert.equal(found.ok && (found.value as OutputOf<'directory.search'>).results[0]?.id, 'old');

  const actions = listAudit(db, { limit: 50 }).entries.map((e) => [e.action, e.detail.serviceId ?? null]);
  for (const expected of [
    ['profile.right', null],
    ['directory.service_edit', 'old'],
    ['directory.service_create', 'new-1'],
    ['directory.service_verify', 'never'],
    ['directory.service_status', 'fresh'],
  ]) assert.ok(actions.some((a) => a[0] === expected[0] && a[1] === expected[1]), `audit has ${expected.join(' ')}: ${JSON.stringify(actions)}`);
  core.shutdown();
});

test('"to verify": unreachable notes of the last 30 days first, then 12 months or more, then never verified; inactive left out', async () => {
  const store = await newOpenStore();
  const db = store.database();
  const repo = directoryRepository(db);
  repo.upsertServices(
    [svc('fresh', { last_verified: '2026-01-05' }), svc('old', { last_verified: '2025-03-10' }), svc('older', { last_verified: '2024-11-02' }), svc('never'), svc('gone', { status: 'inactive' }), svc('silent', { last_verified: '2026-02-01' }), svc('louder', { last_verified: '2026-02-01' }), svc('year-minus-a-day', { last_verified: '2025-03-11' })],
    new Date('2026-01-01T00:00:00Z'),
  );
  repo.addNote('silent', 'plus de réponse', 'Marie', new Date('2026-03-01T10:00:00Z'), 'unreachable');
  repo.addNote('louder', 'sonne dans le vide', 'Marie', new Date('2026-03-02T10:00:00Z'), 'unreachable');
  repo.addNote('louder', 'toujours rien', 'Ahmed', new Date('2026-03-05T10:00:00Z'), 'unreachable');
  repo.addNote('fresh', 'injoignable en janvier', 'Ahmed', new Date('2026-01-20T10:00:00Z'), 'unreachable'); // older than 30 days
  repo.addNote('gone', 'injoignable', 'Ahmed', new Date('2026-03-05T10:00:00Z'), 'unreachable');
  repo.addNote('fresh', 'nouvelle adresse', 'Ahmed', new Date('2026-03-05T10:00:00Z'));
  const list = toVerifyList(db, NOW);
  assert.deepEqual(list.map((i) => [i.id, i.reason, i.unreachableNotes]), [
    ['louder', 'unreachable', 2],
    ['silent', 'unreachable', 1],
    ['older', 'stale', 0],
    ['old', 'stale', 0],
    ['never', 'never', 0],
  ]);
  // A verification answers the notes before it: "silent" leaves the list, "louder" too once verified after its last note.
  repo.upsertServices([{ ...(repo.getService('silent') as Service), last_verified: '2026-03-01' }], NOW);
  repo.addNote('louder', 'rappelé, ça marche', 'Sophie', new Date('2026-03-06T10:00:00Z'), 'verified');
  assert.deepEqual(toVerifyList(db, NOW).map((i) => i.id), ['older', 'old', 'never']);
  repo.addNote('louder', 'de nouveau injoignable', 'Marie', new Date('2026-03-07T10:00:00Z'), 'unreachable');
  assert.deepEqual(toVerifyList(db, NOW).map((i) => [i.id, i.unreachableNotes]), [['louder', 1], ['older', 0], ['old', 0], ['never', 0]]);
  store.close();
});

test('"12 months or more" counts in Brussels days, 29 February included', () => {
  assert.equal(staleBefore(new Date('2026-03-10T10:00:00Z')), '2025-03-10');
  assert.equal(staleBefore(new Date('2028-02-29T10:00:00Z')), '2027-02-28');
  assert.equal(staleBefore(new Date('2026-12-31T23:30:00Z')), '2026-01-01', 'already 1 January 2027 in Brussels');
});
