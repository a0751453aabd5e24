import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/platform/clock.ts';
import { fixturePath } from './helpers/directoryFiles.ts';
import { savedBytes } from './helpers/savedFile.ts';
import { newOpenCore, signInResponder } from './helpers/tempStore.ts';
import fs from 'node:fs';

const b64 = (file: string) => fs.readFileSync(file).toString('base64');

test('importPreview shows the diff without writing; importApply writes; progress events are sent', async () => {
  const core = await newOpenCore({ clock: new ManualClock('2026-01-10T10:00:00Z') });
  await signInResponder(core);
  const events: unknown[] = [];
  core.onEvent((name, payload) => name === 'directory.importProgress' && events.push(payload));
  const input = { fileName: 'row-faults.csv', content: b64(fixturePath('row-faults.csv')) };
  const preview = await core.router.dispatch('directory.importPreview', input);
  assert.ok(preview.ok);
  assert.deepEqual((preview.value as { counts: unknown }).counts, { added: 2, changed: 0, unchanged: 0, rejected: 8 });
  assert.equal((await core.router.dispatch('directory.get', { id: 'ok-1' })).ok, false);
  const applied = await core.router.dispatch('directory.importApply', input);
  assert.ok(applied.ok && (applied.value as { applied: boolean }).applied);
  assert.ok(events.length > 0);
  const bad = await core.router.dispatch('directory.importApply', { fileName: 'x.csv', content: b64(fixturePath('broken-quoting.csv')) });
  assert.equal(!bad.ok && bad.error.code, 'FileRejected');
  const tooBig = await core.router.dispatch('directory.importPreview', { fileName: 'x.csv', content: 'A'.repeat(28_000_000) });
  assert.equal(!tooBig.ok && tooBig.error.code, 'InvalidInput');
  core.shutdown();
});

test('directory.get returns notes and the 12-month verification flag; addNote validates', async () => {
  const clock = new ManualClock('2026-01-10T10:00:00Z');
  const core = await newOpenCore({ clock });
  await signInResponder(core);
  await core.router.dispatch('directory.importApply', { fileName: 'a.csv', content: b64(fixturePath('semicolon-bom.csv')) });
  const note = await core.router.dispatch('directory.addNote', { serviceId: 'resto-coeur-sg', text: '  Pas de réponse depuis 2 semaines  ' });
  assert.ok(note.ok);
  assert.equal((note.value as { text: string }).text, 'Pas de réponse depuis 2 semaines');
  const card = await core.router.dispatch('directory.get', { id: 'resto-coeur-sg' });
  assert.ok(card.ok);
  const v = card.value as { notes: Array<{ text: string; created_at: string }>; verificationOverdue: boolean };
  assert.equal(v.notes.length, 1);
  assert.equal(v.notes[0]?.created_at, '2026-01-10T10:00:00.000Z');
  assert.equal(v.verificationOverdue, true, 'last verified 2024-11-02, over 12 months before 2026-01-10');
  const fresh = await core.router.dispatch('directory.get', { id: 'cpas-ixelles' });
  assert.equal(fresh.ok && (fresh.value as { verificationOverdue: boolean }).verificationOverdue, false);
  for (const input of [{ serviceId: 'resto-coeur-sg', text: 'x'.repeat(501) }, { serviceId: 'resto-coeur-sg', text: '   ' }, { serviceId: 'resto-coeur-sg' }]) {
    const r = await core.router.dispatch('directory.addNote', input);
    assert.equal(!r.ok && r.error.code, 'InvalidInput');
  }
  const missing = await core.router.dispatch('directory.addNote', { serviceId: 'nope', text: 'hello' });
  assert.equal(!missing.ok && missing.error.code, 'NotFound');
  core.shutdown();
});

test('taxonomy: list built-in + additions; add is reserved to supervisors', async () => {
  const core = await newOpenCore();
  const entry = { code: 'pets', labels: { fr: 'Animaux', nl: 'Dieren', en: 'Pets' } };
  const refused = await core.router.dispatch('taxonomy.add', entry);
  assert.equal(!refused.ok && refused.error.code, 'Forbidden');
  core.services.session.role = 'supervisor';
  assert.ok((await core.router.dispatch('taxonomy.add', entry)).ok);
  const dup = await core.router.dispatch('taxonomy.add', entry);
  assert.equal(!dup.ok && dup.error.code, 'Conflict');
  const badCode = await core.router.dispatch('taxonomy.add', { ...entry, code: 'Pets!' });
  assert.equal(!badCode.ok && badCode.error.code, 'InvalidInput');
  const list = await core.router.dispatch('taxonomy.list', {});
  assert.ok(list.ok);
  const themes = (list.value as { themes: Array<{ code: string; builtin: boolean }> }).themes;
  assert.equal(themes.length, 20);
  assert.deepEqual(themes.at(-1), { code: 'pets', labels: entry.labels, sensitive: false, builtin: false });
  core.shutdown();
});

test('directory.export saves the file where main\'s saver says; public omits the professional line', async () => {
  const core = await newOpenCore();
  await signInResponder(core);
  await core.router.dispatch('directory.importApply', { fileName: 'a.csv', content: b64(fixturePath('semicolon-bom.csv')) });
  const full = await core.router.dispatch('directory.export', { format: 'csv' });
  assert.ok(full.ok);
  assert.match(savedBytes(full.value as { savedTo: string | null; bytes: number }).toString('utf8'), /Ligne pro/);
  const pub = await core.router.dispatch('directory.export', { format: 'csv', public: true, delimiter: ',' });
  assert.ok(pub.ok);
  assert.doesNotMatch(savedBytes(pub.value as { savedTo: string | null; bytes: number }).toString('utf8'), /Ligne pro|professional_contact/);
  core.shutdown();
});
