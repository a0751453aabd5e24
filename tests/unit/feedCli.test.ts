import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { serviceSchema } from '../../src/directory/serviceSchema.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { tempDir } from './helpers/tempStore.ts';

// The feed as IT scripts it: keygen and publish at the coordination, check and apply on a
// workstation whose config.json (RELAIS_CONFIG) names the shared folder and the public key.
const PASS = 'centre recovery passphrase 2025';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await runCli(args, io, { RELAIS_PASSPHRASE: PASS, RELAIS_CONFIG: path.join(tempDir(), 'no-config.json'), ...env });
  return { code, out, err };
}

test('relais-admin feed keygen, directory publish --sign, feed check, feed apply (exit codes, JSON)', { timeout: 120_000 }, async () => {
  const coord = path.join(tempDir(), 'coordination');
  const ws = path.join(tempDir(), 'workstation');
  assert.equal((await cli(['init', '--data-dir', coord])).code, 0);
  assert.equal((await cli(['init', '--data-dir', ws])).code, 0);
  const s = new StoreSession({ dataDir: coord });
  await s.unlock(PASS);
  directoryRepository(s.database()).upsertServices(
    [serviceSchema.parse({ id: 'cpas-forest', name: 'CPAS de Forest', themes: ['general'] }), serviceSchema.parse({ id: 'sos-dettes', name: 'SOS Dettes', themes: ['debt'] })],
    new Date(),
  );
  s.close();

  const keys = path.join(tempDir(), 'keys', 'relais-feed');
  const kg = await cli(['feed', 'keygen', '--out', keys, '--json']);
  assert.equal(kg.code, 0, kg.err);
  const { publicKey, privateKeyFile } = JSON.parse(kg.out);
  const human = await cli(['feed', 'keygen', '--out', path.join(tempDir(), 'k')]);
  assert.match(human.out, /"feed": \{ "location": "…", "publicKey": "MCowBQYDK2VwAyEA/);

  const share = tempDir('relais-share-');
  const pub = await cli(['directory', 'publish', '--data-dir', coord, '--out', share, '--sign', privateKeyFile, '--json']);
  assert.equal(pub.code, 0, pub.err);
  assert.equal(JSON.parse(pub.out).version, 1);
  const pub2 = await cli(['directory', 'publish', '--data-dir', coord, '--out', share, '--sign', privateKeyFile, '--bundle-version', '7']);
  assert.equal(pub2.code, 0, pub2.err);
  assert.match(pub2.out, /Published version 7 \(was 1\): 2 services, HSDS/);
  const down = await cli(['directory', 'publish', '--data-dir', coord, '--out', share, '--bundle-version', '3']);
  assert.equal(down.code, 1);
  assert.match(down.err, /already holds version 7/);

  const config = path.join(tempDir(), 'config.json');
  fs.writeFileSync(config, JSON.stringify({ feed: { location: share, publicKey } }));
  const check = await cli(['feed', 'check', '--data-dir', ws], { RELAIS_CONFIG: config });
  assert.equal(check.code, 0, check.err);
  assert.match(check.out, /directory update available: \+2 \/ ~0 \/ −0 \(version 7\)/);
  assert.match(check.out, /signature verified/);
  assert.match(check.out, /Apply with: relais-admin feed apply --expect-version 7/);

  const apply = await cli(['feed', 'apply', '--data-dir', ws, '--expect-version', '7', '--json'], { RELAIS_CONFIG: config });
  assert.equal(apply.code, 0, apply.err);
  assert.equal(JSON.parse(apply.out).state, 'applied');
  const again = await cli(['feed', 'check', '--data-dir', ws, '--json'], { RELAIS_CONFIG: config });
  assert.equal(JSON.parse(again.out).state, 'up-to-date');

  // Tampered on the share: refused, exit 1, the workstation keeps version 7.
  const file = path.join(share, 'relais-directory.feed.json');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"version": 7', '"version": 8'));
  const bad = await cli(['feed', 'apply', '--data-dir', ws], { RELAIS_CONFIG: config });
  assert.equal(bad.code, 1);
  assert.match(bad.err, /FileRejected: Directory bundle refused: bad signature/);

  // An invalid config.json: the feed commands refuse and say why.
  fs.writeFileSync(config, JSON.stringify({ feed: { location: share, publicKey, privateKey: 'x' } }));
  const safe = await cli(['feed', 'check', '--data-dir', ws], { RELAIS_CONFIG: config });
  assert.equal(safe.code, 1);
  assert.match(safe.err, /feed\.privateKey: not allowed: keys and passphrases never belong in config\.json/);
});
