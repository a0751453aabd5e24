import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { servicesToCsv } from '../../src/directory/export/toCsv.ts';
import { serviceSchema } from '../../src/directory/serviceSchema.ts';
import { newOpenCore, signInResponder } from './helpers/tempStore.ts';

// The crisis panel's lines (issue 16): directory services flagged `crisis`, a boolean of the
// CSV contract (import and export), seeded in the demo directory.

test('crisis: the flag reads oui/ja/1/true, defaults to no, refuses anything else', () => {
  const base = { id: 'x', name: 'X' };
  for (const v of ['oui', 'JA', '1', 'true', 'yes', true]) assert.equal(serviceSchema.parse({ ...base, crisis: v }).crisis, true, String(v));
  for (const v of ['', 'non', 'nee', '0', 'false', null, undefined, false]) assert.equal(serviceSchema.parse({ ...base, crisis: v }).crisis, false, String(v));
  assert.equal(serviceSchema.safeParse({ ...base, crisis: 'peut-être' }).success, false);
});

test('crisis: the demo directory carries the emergency and listening lines; directory.crisisLines lists them; CSV export writes the column', async () => {
  const core = await newOpenCore({ seedDemo: true });
  const db = core.services.store.database();
  await signInResponder(core);
  const r = await core.router.dispatch('directory.crisisLines', {});
  assert.ok(r.ok);
  const lines = (r.value as { lines: Array<{ phone: string | null; crisis: boolean }> }).lines;
  const phones = lines.map((l) => l.phone);
  for (const n of ['112', '101', '107', '106', '103', '0800 32 123', '0800 30 030']) assert.ok(phones.includes(n), `${n} in the crisis lines`);
  assert.ok(lines.every((l) => l.crisis));
  assert.equal(directoryRepository(db).crisisLines().length, 7);
  const text = servicesToCsv(directoryRepository(db).listServices(), { public: false, delimiter: ',' }).toString('utf8');
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
  assert.ok(header.split(',').includes('crisis'), 'the CSV contract has the crisis column');
  assert.match(text, /crise-112.*,true/);
  assert.match(text, /1718-info-sociale.*,false/);
  core.shutdown();
});
