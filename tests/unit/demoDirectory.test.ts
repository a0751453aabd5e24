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

// The seven crisis lines were once added to the JSON by hand, and regenerating would have
// dropped them: the generator's output must be the committed file, crisis lines included.
test('regenerating the demo directory reproduces the committed file, the seven crisis lines included', async () => {
  const { execFileSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const root = path.resolve(import.meta.dirname, '..', '..');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relais-demo-')), 'demo.json');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'generateDemoDirectory.ts'), '--out', out], { stdio: 'pipe' });
  const generated = fs.readFileSync(out, 'utf8');
  const committed = fs.readFileSync(path.join(root, 'src', 'directory', 'demo', 'demoDirectory.json'), 'utf8');
  const crisis = (JSON.parse(generated) as Array<{ id: string; crisis: boolean; phone: string }>).filter((s) => s.crisis);
  assert.deepEqual(crisis.map((s) => s.phone).sort(), ['0800 30 030', '0800 32 123', '101', '103', '106', '107', '112']);
  assert.equal(generated, committed, 'scripts/generateDemoDirectory.ts no longer produces src/directory/demo/demoDirectory.json');
});
