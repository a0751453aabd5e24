import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLI_ACTOR, writeAudit } from '../../src/store/auditLog.ts';
import { newOpenCore, signInSupervisor } from './helpers/tempStore.ts';

// The administration screen's log is refreshed by `audit.appended`, not polled: main says so
// after every operation that appended an entry (failed ones too), and at each tick for entries
// written outside an operation (another process: relais-admin).

test('audit.appended follows each appended entry, and only those', async () => {
  const core = await newOpenCore();
  await signInSupervisor(core);
  let appended = 0;
  core.onEvent((name) => {
    if (name === 'audit.appended') appended += 1;
  });
  const run = (name: string, input: unknown) => core.router.dispatch(name, input);

  assert.equal((await run('access.status', {})).ok, true);
  assert.equal(appended, 0, 'a read appends nothing');
  assert.equal((await run('access.lock', {})).ok, true);
  assert.equal(appended, 1, 'the lock is audited');
  assert.equal((await run('access.unlock', { secret: 'not the passphrase' })).ok, false);
  assert.equal(appended, 2, 'a wrong secret is audited although the operation fails');

  writeAudit(core.services.store.database(), core.services.clock.now(), CLI_ACTOR, 'profile.role', { role: 'supervisor' });
  core.tick();
  assert.equal(appended, 3, 'an entry written outside an operation, at the next tick');
  core.tick();
  assert.equal(appended, 3, 'nothing new, nothing said');
  core.shutdown();
});
