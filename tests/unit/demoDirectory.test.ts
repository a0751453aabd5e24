import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { newOpenCore } from './helpers/tempStore.ts';

test('a store created with seedDemo holds the bundled demo directory, all valid and fictitious', async () => {
  const core = await newOpenCore({ seedDemo: true });
  const repo = directoryRepository(core.services.store.database());
  const services = repo.listServices();
  assert.ok(services.length >= 300, `demo directory has ${services.length} services`);
  for (const s of services) {
    if (s.email) assert.match(s.email, /@example\.be$/, `${s.id} e-mail is fictitious`);
    if (s.website) assert.match(s.website, /example\.be/, `${s.id} website is fictitious`);
  }
  core.shutdown();
});

test('a store created without seedDemo starts with an empty directory', async () => {
  const core = await newOpenCore();
  assert.equal(directoryRepository(core.services.store.database()).countServices(), 0);
  core.shutdown();
});
