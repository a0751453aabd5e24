import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AUDIT_AFTER_COMMIT, AUDIT_IN_WRITE, AUDITED_OPERATIONS, auditedInTransaction } from '../../src/access/auditedOperations.ts';
import { parseMachineConfig } from '../../src/config/machineConfig.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema } from '../../src/directory/serviceSchema.ts';
import { appliedVersion } from '../../src/feed/feedService.ts';
import { generateFeedKeys, loadSigningKey, publishDirectory } from '../../src/feed/publish.ts';
import { handlers } from '../../src/handlers/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { listAudit } from '../../src/store/auditLog.ts';
import { fixturePath } from './helpers/directoryFiles.ts';
import { newOpenCore, newOpenStore, signInResponder, tempDir } from './helpers/tempStore.ts';

// Issue 13, point 5, for the two audited operations that read (the import parses its file in a
// worker) or download (the feed) before they write: their audit entry is written inside their one
// write transaction (context.auditedWrite), no longer after its commit. An entry that cannot be
// written takes the import back; a failed import or feed writes no entry; a success has one.

const NOW = new Date('2026-03-02T09:00:00Z');
type Core = Awaited<ReturnType<typeof newOpenCore>>;
const b64 = (file: string) => fs.readFileSync(file).toString('base64');
const imports = (core: Core) => listAudit(core.services.store.database(), { limit: 1000 }).entries.filter((e) => e.action === 'directory.import');
const serviceCount = (core: Core) => directoryRepository(core.services.store.database()).countServices();
const refuseImportEntries = (core: Core) =>
  core.services.store.database().exec(`CREATE TEMP TRIGGER refuse_import_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'directory.import' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);

test('the import, the feed, joining and leaving the hub write their entry inside their write, not after it (the lists say so)', () => {
  for (const name of AUDIT_IN_WRITE) {
    assert.ok(name in AUDITED_OPERATIONS, `${name} has an audit rule`);
    assert.equal(AUDIT_AFTER_COMMIT.has(name), false, `${name} is not audited after its commit`);
    assert.equal(auditedInTransaction(name), false, `${name} is async: the router cannot wrap it whole`);
    assert.equal((handlers[name] as () => unknown).constructor.name, 'AsyncFunction', name);
  }
  assert.deepEqual([...AUDIT_IN_WRITE].sort(), ['directory.importApply', 'feed.apply', 'hub.join', 'hub.leave']);
});

test('directory import: an entry that cannot be written takes the import back; a success has one entry with its counts', async () => {
  const core = await newOpenCore({ clock: new ManualClock(NOW) });
  await signInResponder(core);
  const before = serviceCount(core);
  const input = { fileName: 'row-faults.csv', content: b64(fixturePath('row-faults.csv')) };

  refuseImportEntries(core);
  const refused = await core.router.dispatch('directory.importApply', input);
  assert.equal(refused.ok, false, 'the import fails with its entry');
  assert.equal(serviceCount(core), before, 'no service written without its entry');
  assert.equal((await core.router.dispatch('directory.get', { id: 'ok-1' })).ok, false);
  core.services.store.database().exec('DROP TRIGGER refuse_import_audit');

  const broken = await core.router.dispatch('directory.importApply', { fileName: 'x.csv', content: b64(fixturePath('broken-quoting.csv')) });
  assert.equal(!broken.ok && broken.error.code, 'FileRejected');
  assert.deepEqual(imports(core), [], 'a refused file writes no entry');

  const applied = await core.router.dispatch('directory.importApply', input);
  assert.ok(applied.ok, JSON.stringify(applied));
  assert.equal(serviceCount(core), before + 2);
  const [entry, ...more] = imports(core);
  assert.equal(more.length, 0, 'one entry, not one in the write and another after');
  assert.equal(entry?.profileId, core.services.session.profileId);
  assert.equal(entry?.role, 'responder');
  assert.deepEqual(entry?.detail, { added: 2, updated: 0, count: 8 });
  core.shutdown();
});

async function publishedFeed() {
  const folder = tempDir('relais-feed-');
  const k = generateFeedKeys(path.join(tempDir('relais-keys-'), 'relais-feed'));
  const coord = await newOpenStore();
  directoryRepository(coord.database()).upsertServices(
    [serviceSchema.parse({ id: 'cpas-ixelles', name: 'CPAS d\'Ixelles', themes: ['general'] }), serviceSchema.parse({ id: 'samusocial', name: 'Samusocial', themes: ['housing'] })],
    new Date('2026-01-01T00:00:00Z'),
  );
  await publishDirectory(coord.database(), { out: folder, format: 'hsds', now: NOW, publisher: 'Coordination', signingKey: loadSigningKey(k.privateKeyFile) });
  coord.close();
  return parseMachineConfig(JSON.stringify({ feed: { location: folder, publicKey: k.publicKey } }), '/etc/relais/config.json', 'linux');
}

test('feed: an entry that cannot be written takes the new version back; applied, it has one entry; up to date, still one entry per apply', async () => {
  const core = await newOpenCore({ clock: new ManualClock(NOW), config: await publishedFeed() });
  await signInResponder(core);
  const db = core.services.store.database();
  const before = serviceCount(core);

  refuseImportEntries(core);
  const refused = await core.router.dispatch('feed.apply', { expectedVersion: 1 });
  assert.equal(refused.ok, false);
  assert.equal(serviceCount(core), before, 'no service of the feed without its entry');
  assert.equal(appliedVersion(db), null, 'nor its version number');
  db.exec('DROP TRIGGER refuse_import_audit');

  const moved = await core.router.dispatch('feed.apply', { expectedVersion: 9 });
  assert.equal(!moved.ok && moved.error.code, 'Conflict');
  assert.deepEqual(imports(core), [], 'a refused feed writes no entry');

  const applied = await core.router.dispatch('feed.apply', { expectedVersion: 1 });
  assert.ok(applied.ok, JSON.stringify(applied));
  assert.equal(appliedVersion(db)?.version, 1);
  assert.equal(imports(core).length, 1);
  assert.deepEqual(imports(core)[0]?.detail, { source: 'feed' });

  // Already up to date: nothing is written, the entry alone records the apply (as before).
  const again = await core.router.dispatch('feed.apply', { expectedVersion: 1 });
  assert.ok(again.ok && (again.value as { state: string }).state === 'up-to-date');
  assert.equal(imports(core).length, 2);
  core.shutdown();
});
