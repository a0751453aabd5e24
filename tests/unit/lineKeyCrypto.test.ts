import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../src/errors.ts';
import { generateLineKey, lineKeyFromBytes, openTextWithLineKey, sealedKeyId, sealWithLineKey } from '../../src/sync/lineKey.ts';

// The line key's AEAD (AES-256-GCM, src/sync/lineKey.ts) as issue 15 shares callbacks with it:
// what a workstation refuses to open, each with its own reason, and why a nonce cannot repeat.

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError, `an AppError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a refusal');
}

const b64 = (s: string) => Buffer.from(s, 'base64url');

describe('line key crypto', () => {
  const key = generateLineKey();
  const aad = 'callback:7f0c1f7e-2b1d-4b8e-9a51-0d7a3c1e2f90:number';

  test('a sealed value opens with the same key and record, and shows nothing of the clear text', () => {
    const sealed = sealWithLineKey(key, '+32470123456', aad);
    assert.equal(openTextWithLineKey(key, sealed, aad), '+32470123456');
    assert.equal(sealedKeyId(sealed), key.id);
    assert.ok(!sealed.includes('470123456'));
    assert.ok(!b64(sealed.split('.')[3] as string).toString('latin1').includes('470123456'));
  });

  test('the wrong key is refused (another line, same key id forged)', () => {
    const other = generateLineKey();
    const sealed = sealWithLineKey(key, 'rappeler pour le logement', aad);
    // Another line's key does not even know this key id.
    assert.equal(refusal(() => openTextWithLineKey(other, sealed, aad)).reason, 'lineKey.unknownKey');
    // A key that claims the same id (forged id) still cannot open it: the tag does not verify.
    const impostor = { id: key.id, key: other.key };
    assert.equal(refusal(() => openTextWithLineKey(impostor, sealed, aad)).reason, 'lineKey.doesNotOpen');
  });

  test('a tampered ciphertext, tag or nonce is refused, a value moved to another record too', () => {
    const sealed = sealWithLineKey(key, 'Monsieur attend un retour du CPAS', aad);
    const [prefix, id, nonce, body] = sealed.split('.') as [string, string, string, string];
    const flip = (s: string, at: number) => {
      const b = b64(s);
      b[at] = (b[at] as number) ^ 0x01;
      return b.toString('base64url');
    };
    for (const forged of [
      [prefix, id, nonce, flip(body, 0)].join('.'), // first ciphertext byte
      [prefix, id, nonce, flip(body, b64(body).length - 1)].join('.'), // last tag byte
      [prefix, id, flip(nonce, 5), body].join('.'), // nonce
      [prefix, id, nonce, b64(body).subarray(0, b64(body).length - 1).toString('base64url')].join('.'), // truncated
    ]) {
      assert.equal(refusal(() => openTextWithLineKey(key, forged, aad)).reason, 'lineKey.doesNotOpen');
    }
    // The same sealed number copied onto another callback: associated data differ.
    assert.equal(refusal(() => openTextWithLineKey(key, sealed, 'callback:00000000-0000-4000-8000-000000000000:number')).reason, 'lineKey.doesNotOpen');
    // The reason field's ciphertext presented as the number of the same callback.
    assert.equal(refusal(() => openTextWithLineKey(key, sealed, aad.replace(':number', ':reason'))).reason, 'lineKey.doesNotOpen');
    assert.equal(refusal(() => openTextWithLineKey(key, 'not sealed at all', aad)).reason, 'lineKey.malformed');
    assert.equal(refusal(() => openTextWithLineKey(key, [prefix, id, 'AAAA', body].join('.'), aad)).reason, 'lineKey.malformed');
  });

  test('an unknown key id is refused with its id; a keyring opens by the id each message names', () => {
    const old = generateLineKey();
    const sealedOld = sealWithLineKey(old, 'ancien', aad);
    const e = refusal(() => openTextWithLineKey(key, sealedOld, aad));
    assert.equal(e.reason, 'lineKey.unknownKey');
    assert.equal(e.params?.keyId, old.id);
    assert.equal(openTextWithLineKey([key, old], sealedOld, aad), 'ancien');
    assert.equal(openTextWithLineKey([key, old], sealWithLineKey(key, 'nouveau', aad), aad), 'nouveau');
  });

  test('nonce reuse is refused by construction: no API takes a nonce, and each seal draws a fresh one', () => {
    // sealWithLineKey(key, plaintext, aad): there is no nonce parameter to pass twice.
    assert.equal(sealWithLineKey.length, 3);
    const nonces = new Set<string>();
    const bodies = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const [, , nonce, body] = sealWithLineKey(key, 'même texte', aad).split('.') as [string, string, string, string];
      assert.equal(b64(nonce).length, 12);
      nonces.add(nonce);
      bodies.add(body);
    }
    assert.equal(nonces.size, 5000, 'no nonce drawn twice');
    assert.equal(bodies.size, 5000, 'the same text never seals to the same bytes (no keystream reuse)');
  });

  test('a key of the wrong size is refused; the key id does not reveal the key', () => {
    assert.equal(refusal(() => lineKeyFromBytes(Buffer.alloc(16))).reason, 'lineKey.badLength');
    const k = lineKeyFromBytes(Buffer.alloc(32, 7));
    assert.equal(k.id.length, 16);
    assert.ok(!Buffer.from(k.id, 'hex').equals(k.key.subarray(0, 8)));
  });
});
