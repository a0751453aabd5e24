import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { readKeyring } from '../../src/store/keyring.ts';
import type { OsKeystore } from '../../src/store/osKeystore.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT, tempDir } from './helpers/tempStore.ts';

// A real AES-GCM keystore standing in for DPAPI/libsecret: its secret is the "OS profile".
// Replacing the secret is what a Windows profile reset does to DPAPI.
function profileKeystore(backend: string, secret: Buffer = crypto.randomBytes(32)): OsKeystore & { secret: Buffer } {
  const ks = {
    secret,
    async backend() {
      return backend;
    },
    async wrap(key: Buffer) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', ks.secret, iv);
      const data = Buffer.concat([c.update(key), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    async unwrap(blob: Buffer) {
      const d = crypto.createDecipheriv('aes-256-gcm', ks.secret, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]);
    },
  };
  return ks;
}

test('the OS keystore opens the store at start; a backend change stops and asks for the passphrase', async () => {
  const dataDir = tempDir();
  const ks = profileKeystore('gnome_libsecret');
  const s1 = new StoreSession({ dataDir, scrypt: TEST_SCRYPT, osKeystore: ks });
  await s1.init(TEST_PASSPHRASE);
  s1.close();
  assert.equal(readKeyring(`${dataDir}/keyring.json`).wraps.os?.backend, 'gnome_libsecret');

  const s2 = new StoreSession({ dataDir, scrypt: TEST_SCRYPT, osKeystore: ks });
  assert.equal((await s2.tryAutoUnlock()).state, 'open');
  s2.close();

  const s3 = new StoreSession({ dataDir, scrypt: TEST_SCRYPT, osKeystore: profileKeystore('kwallet5', ks.secret) });
  const st = await s3.tryAutoUnlock();
  assert.equal(st.state, 'locked');
  assert.equal(st.problem?.code, 'KeyBackendChanged');
  assert.equal(readKeyring(`${dataDir}/keyring.json`).wraps.os?.backend, 'gnome_libsecret', 'nothing re-keyed silently');
});

test('basic_text is refused: no OS wrap is written and the store opens with the passphrase', async () => {
  const dataDir = tempDir();
  const s = new StoreSession({ dataDir, scrypt: TEST_SCRYPT, osKeystore: profileKeystore('basic_text') });
  const st = await s.init(TEST_PASSPHRASE);
  assert.equal(st.keystore.available, false);
  assert.match(st.keystore.note ?? '', /plain text/);
  assert.equal(readKeyring(`${dataDir}/keyring.json`).wraps.os, undefined);
  s.close();
});

test('after a profile reset (same backend, new OS key) one passphrase unlock re-wraps, and the next start opens alone', async () => {
  const dataDir = tempDir();
  const s1 = new StoreSession({ dataDir, scrypt: TEST_SCRYPT, osKeystore: profileKeystore('dpapi') });
  await s1.init(TEST_PASSPHRASE);
  s1.close();

  const resetProfile = profileKeystore('dpapi');
  const s2 = new StoreSession({ dataDir, scrypt: TEST_SCRYPT, osKeystore: resetProfile });
  assert.equal((await s2.tryAutoUnlock()).state, 'locked');
  assert.equal((await s2.unlock(TEST_PASSPHRASE)).state, 'open');
  s2.close();

  const s3 = new StoreSession({ dataDir, scrypt: TEST_SCRYPT, osKeystore: resetProfile });
  assert.equal((await s3.tryAutoUnlock()).state, 'open');
  s3.close();
});
