import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { parseMachineConfig } from '../../src/config/machineConfig.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema } from '../../src/directory/serviceSchema.ts';
import { feedSettingsOf } from '../../src/feed/feedPoller.ts';
import { applyFeed, checkFeed } from '../../src/feed/feedService.ts';
import { generateFeedKeys, loadSigningKey, publishDirectory } from '../../src/feed/publish.ts';
import { newOpenStore, TEST_PASSPHRASE, tempDir } from './helpers/tempStore.ts';

// Issue 12, top list 4: signed feeds only, unless IT opts out in words ("allowUnsigned": true);
// autoApply needs a public key; a bundle signed by another key is refused; doctor warns.

const NOW = new Date('2026-03-02T09:00:00Z');
const run = { now: NOW };

async function publish(signingKey: ReturnType<typeof loadSigningKey> | null): Promise<string> {
  const coord = await newOpenStore();
  directoryRepository(coord.database()).upsertServices([serviceSchema.parse({ id: 'cpas-ixelles', name: 'CPAS d\'Ixelles', themes: ['general'], phone: '02 641 54 11' })], NOW);
  try {
    return (await publishDirectory(coord.database(), { out: tempDir('relais-feed-'), format: 'hsds', now: NOW, publisher: 'Coordination', signingKey })).file;
  } finally {
    coord.close();
  }
}
function keys() {
  const k = generateFeedKeys(path.join(tempDir('relais-keys-'), 'relais-feed'));
  return { ...k, signingKey: loadSigningKey(k.privateKeyFile) };
}
const config = (feed: Record<string, unknown>) => parseMachineConfig(JSON.stringify({ feed }), '/etc/relais/config.json', 'linux');

test('top list 4: without feed.publicKey every bundle is refused (signed or not) unless allowUnsigned is true; nothing is applied', async () => {
  const k = keys();
  const unsigned = await publish(null);
  const signed = await publish(k.signingKey);
  const ws = await newOpenStore();
  const count = () => directoryRepository(ws.database()).countServices();
  const before = count();
  for (const file of [unsigned, signed]) {
    const r = await checkFeed(ws.database(), { location: file, publicKey: null }, run);
    assert.equal(r.state, 'refused', path.basename(file));
    assert.match(r.problem ?? '', /feed\.publicKey/);
    assert.match(r.problem ?? '', /allowUnsigned/);
    await assert.rejects(applyFeed(ws.database(), { location: file, publicKey: null }, run), (e: Error & { code?: string }) => e.code === 'FileRejected');
    assert.equal(count(), before);
  }
  const opted = await applyFeed(ws.database(), { location: unsigned, publicKey: null, allowUnsigned: true }, run);
  assert.equal(opted.state, 'applied');
  assert.equal(opted.available?.signature, 'unsigned');
  ws.close();
});

test('top list 4: a bundle signed by another key than the configured one is refused, never "not checked"', async () => {
  const k = keys();
  const other = keys();
  const file = await publish(other.signingKey);
  const ws = await newOpenStore();
  const r = await checkFeed(ws.database(), { location: file, publicKey: k.publicKey }, run);
  assert.equal(r.state, 'refused');
  assert.match(r.problem ?? '', /another key/);
  // Even with allowUnsigned, a configured key is the rule.
  const r2 = await checkFeed(ws.database(), { location: await publish(null), publicKey: k.publicKey, allowUnsigned: true }, run);
  assert.equal(r2.state, 'refused');
  assert.match(r2.problem ?? '', /not signed/);
  ws.close();
});

test('top list 4: config — autoApply requires feed.publicKey (allowUnsigned does not lift it); allowUnsigned is read', () => {
  const k = keys();
  for (const feed of [{ location: '/srv/feed', autoApply: true }, { location: '/srv/feed', autoApply: true, allowUnsigned: true }]) {
    const c = config(feed);
    assert.equal(c.state, 'invalid', JSON.stringify(feed));
    assert.ok(c.problem?.issues.some((i) => i.path === 'feed.autoApply' && /publicKey/.test(i.message)), JSON.stringify(c.problem?.issues));
  }
  assert.equal(config({ location: '/srv/feed', autoApply: true, publicKey: k.publicKey }).state, 'loaded');
  const opted = config({ location: '/srv/feed', allowUnsigned: true });
  assert.equal(opted.state, 'loaded');
  assert.equal(opted.values.feed?.allowUnsigned, true);
  assert.equal(config({ location: '/srv/feed' }).values.feed?.allowUnsigned, false, 'default: signed only');
  // Defence in depth: whatever the config says, the poller never applies unsigned bundles by itself.
  const handMade = { ...opted, values: { ...opted.values, feed: { location: '/srv/feed', publicKey: null, autoApply: true, allowUnsigned: true } } };
  assert.equal(feedSettingsOf(handMade).autoApply, false);
});

test('top list 4: doctor shows an unsigned feed as a warning and exits 2; a feed without key nor opt-out is a problem (exit 1); a signed feed exits 0', async () => {
  const dataDir = tempDir();
  (await newOpenStore(dataDir)).close();
  const k = keys();
  const doctor = async (feed: Record<string, unknown>) => {
    const cfg = path.join(tempDir('relais-cfg-'), 'config.json');
    fs.writeFileSync(cfg, JSON.stringify({ feed }));
    let out = '';
    const io = { out: (t: string) => void (out += `${t}\n`), err: () => {} };
    const code = await runCli(['doctor', '--json', '--data-dir', dataDir], io, { RELAIS_PASSPHRASE: TEST_PASSPHRASE, RELAIS_CONFIG: cfg });
    return { code, report: JSON.parse(out) as { warnings: string[]; problems: string[]; configWarnings: string[] } };
  };
  const unsigned = await doctor({ location: '/srv/feed', allowUnsigned: true });
  assert.equal(unsigned.code, 2);
  assert.ok(unsigned.report.configWarnings.some((w) => /unsigned/i.test(w)), JSON.stringify(unsigned.report.configWarnings));
  const none = await doctor({ location: '/srv/feed' });
  assert.equal(none.code, 1);
  assert.ok(none.report.problems.some((p) => /publicKey/.test(p)));
  const signed = await doctor({ location: '/srv/feed', publicKey: k.publicKey });
  assert.equal(signed.report.configWarnings.length, 0);
  assert.notEqual(signed.code, 2);
});
