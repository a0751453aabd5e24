import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema } from '../../src/directory/serviceSchema.ts';
import type { ErrorPayload } from '../../src/errors.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { listAudit } from '../../src/store/auditLog.ts';
import { newOpenCore, signInResponder, signInSupervisor } from './helpers/tempStore.ts';

// Issue 20 (rest): reachability notes travel to the hub (issue 14), so they pass the
// outgoing-text gate — with the rule of src/guard/reachabilityNotes.ts: the directory's own
// numbers and e-mails, the note's service's own data, and contact data announced as new
// ("nouveau numéro …") are allowed; anything else identifying is refused until masked, or a
// supervisor overrides (audited, without the text).

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

async function refused(core: AppCore, name: OperationName, input: unknown): Promise<ErrorPayload> {
  const r = await core.router.dispatch(name, input);
  assert.equal(r.ok, false, `${name} should be refused: ${JSON.stringify(input)}`);
  return (r as { ok: false; error: ErrorPayload }).error;
}

async function world(): Promise<AppCore> {
  const core = await newOpenCore({ clock: new ManualClock('2026-03-18T10:00:00.000Z') });
  directoryRepository(core.services.store.database()).upsertServices(
    [
      serviceSchema.parse({ id: 'cpas-sg', name: 'CPAS de Saint-Gilles', themes: ['income'], phone: '02 600 54 11', email: 'accueil@cpas-sg.be', professional_contact: 'Mme Dupont, assistante sociale, 0475 98 76 54', address: 'Rue Fernand Bernier 40', status: 'active' }),
      serviceSchema.parse({ id: 'resto', name: 'Restos du Cœur de Saint-Gilles', themes: ['food'], phone: '02 534 44 33', email: 'info@restos-sg.be', status: 'active' }),
    ],
    new Date('2026-01-01T00:00:00Z'),
  );
  return core;
}

test('a reachability note may carry the directory\'s numbers and e-mails, its service\'s own data, and contact data announced as new', async () => {
  const core = await world();
  await signInResponder(core);
  const allowed = [
    'Plus de réponse au 02 600 54 11 depuis lundi', // its own number
    'ne répond plus, essayer le 02/534.44.33 (Restos)', // another service's number, other separators
    'pas joignable, passer par le +32 2 600 54 11', // +32
    'répondeur au zéro deux, six zéro zéro, cinquante-quatre, onze', // said in words
    'demander Mme Dupont, elle rappelle vite', // the service's professional contact
    'écrire à accueil@cpas-sg.be plutôt que téléphoner',
    'nouveau numéro depuis le 1er mars : 02 600 99 00',
    'nieuw nummer: 02 600 99 01, het oude werkt niet meer',
    'a déménagé, rue de la Loi 16 à partir d\'avril',
    'verhuisd naar Wetstraat 16',
    'nouvelle adresse mail : social@cpas-sg.be',
    'Plus de permanence le mercredi',
  ];
  for (const text of allowed) await op(core, 'directory.addNote', { serviceId: 'cpas-sg', text });
  assert.equal(directoryRepository(core.services.store.database()).listNotes('cpas-sg').length, allowed.length);
  assert.deepEqual(listAudit(core.services.store.database(), { limit: 10, action: 'guard.override' }).entries, [], 'nothing was overridden');
});

test('anything else identifying is refused until masked, a responder cannot override, and the note is not written', async () => {
  const core = await world();
  await signInResponder(core);
  const refusedTexts: Array<[string, string]> = [
    ['Mme Lambert dit que le service ne répond plus', 'name'], // a caller's name
    ['la dame au 0486 11 22 33 dit qu\'ils sont fermés', 'phone'], // a number no one announced as the service's
    ['rappeler la personne au quatre septante-cinq, douze, trente-quatre, cinquante-six', 'phone'],
    ['Youssef Amrani a attendu 2 heures', 'name'],
    ['contact: anne.durand@gmail.com', 'email'],
    ['nouveau numéro, demander Mme Lambert', 'name'], // an announcement never lets a name through
  ];
  for (const [text, kind] of refusedTexts) {
    const err = await refused(core, 'directory.addNote', { serviceId: 'cpas-sg', text });
    assert.equal(err.code, 'InvalidInput', text);
    assert.deepEqual(err.issues?.map((i) => i.message), [kind], text);
    assert.deepEqual(err.issues?.map((i) => i.path), ['text']);
  }
  assert.equal((await refused(core, 'directory.addNote', { serviceId: 'cpas-sg', text: 'Mme Lambert dit que le service ne répond plus', override: true })).code, 'Forbidden');
  assert.equal(directoryRepository(core.services.store.database()).listNotes('cpas-sg').length, 0, 'nothing written');
  // Masked, it goes.
  await op(core, 'directory.addNote', { serviceId: 'cpas-sg', text: 'Mme [nom masqué] dit que le service ne répond plus', kind: 'unreachable' });
});

test('a supervisor may override for a reachability note (audited: field, count, kinds, never the text); a maintainer\'s verify note passes the same gate', async () => {
  const core = await world();
  await signInSupervisor(core);
  await op(core, 'directory.addNote', { serviceId: 'cpas-sg', text: 'Mme Lambert dit que le service ne répond plus', override: true });
  const [entry] = listAudit(core.services.store.database(), { limit: 10, action: 'guard.override' }).entries;
  assert.deepEqual(entry?.detail, { kind: 'reachabilityNote', count: 1, reason: 'name' });
  assert.ok(!JSON.stringify(entry).includes('Lambert'));
  // directory.verify with a note (directory maintainers): the same gate.
  await op(core, 'directory.setMaintainer', { profileId: core.services.session.profileId as string, maintainer: true });
  const err = await refused(core, 'directory.verify', { id: 'cpas-sg', note: 'vérifié avec Mme Lambert au 0486 11 22 33' });
  assert.equal(err.code, 'InvalidInput');
  assert.deepEqual(err.issues?.map((i) => i.message).sort(), ['name', 'phone']);
  await op(core, 'directory.verify', { id: 'cpas-sg', note: 'vérifié au 02 600 54 11 avec Mme Dupont' });
  assert.equal(directoryRepository(core.services.store.database()).listNotes('cpas-sg').filter((n) => n.kind === 'verified').length, 1);
});
