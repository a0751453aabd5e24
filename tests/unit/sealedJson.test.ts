import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { z } from 'zod';
import { normalisePseudonym } from '../../src/domain/pseudonym.ts';
import { AppError } from '../../src/errors.ts';
import { generateLineKey, sealWithLineKey } from '../../src/sync/lineKey.ts';
import { callerMarkId, derivedKey, pseudonymHash } from '../../src/sync/lineKeyDerived.ts';
import { openJson, recordAad, sealJson } from '../../src/sync/sealedJson.ts';

const shape = z.strictObject({ text: z.string(), author: z.string() });
const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.reason;
  }
  assert.fail('expected a refusal');
};

test('a sealed record opens with its key and its associated data, and only then', () => {
  const key = generateLineKey();
  const aad = recordAad('handover', 'u1', '2026-03-02');
  const sealed = sealJson(key, { text: 'Rappeler le CPAS', author: 'Sophie' }, aad);
  assert.ok(!sealed.includes('CPAS'));
  assert.deepEqual(openJson(key, sealed, aad, shape), { text: 'Rappeler le CPAS', author: 'Sophie' });
  assert.notEqual(sealJson(key, { text: 'x', author: 'y' }, aad), sealJson(key, { text: 'x', author: 'y' }, aad), 'a fresh nonce each time');
  // Moved onto another record or another day: refused.
  assert.equal(reasonOf(() => openJson(key, sealed, recordAad('handover', 'u2', '2026-03-02'), shape)), 'lineKey.doesNotOpen');
  assert.equal(reasonOf(() => openJson(key, sealed, recordAad('handover', 'u1', '2026-03-03'), shape)), 'lineKey.doesNotOpen');
  // Another line's key: its id is not ours.
  assert.equal(reasonOf(() => openJson(generateLineKey(), sealed, aad, shape)), 'lineKey.unknownKey');
  // One bit flipped in the ciphertext.
  const parts = sealed.split('.');
  const body = Buffer.from(parts[3] as string, 'base64url');
  body[0] = (body[0] as number) ^ 1;
  assert.equal(reasonOf(() => openJson(key, [parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), aad, shape)), 'lineKey.doesNotOpen');
  assert.equal(reasonOf(() => openJson(key, 'hello', aad, shape)), 'lineKey.malformed');
  // Opens, but not the expected shape.
  assert.equal(reasonOf(() => openJson(key, sealJson(key, { text: 1 }, aad), aad, shape)), 'sync.sealedShape');
  assert.equal(reasonOf(() => openJson(key, sealWithLineKey(key, 'not json', aad), aad, shape)), 'sync.sealedShape');
});

test('pseudonyms are compared without case, accents, punctuation or extra spaces', () => {
  assert.equal(normalisePseudonym('  Monsieur   LUNDI. '), 'monsieur lundi');
  assert.equal(normalisePseudonym('Élise'), normalisePseudonym('elise'));
  assert.equal(normalisePseudonym('Jean-Marc'), 'jean marc');
  assert.notEqual(normalisePseudonym('Marc'), normalisePseudonym('Marco'));
  assert.equal(normalisePseudonym(' .. '), '');
});

test('the pseudonym hash is keyed by the line and domain-separated from the other derived keys', () => {
  const key = generateLineKey();
  const h = pseudonymHash(key, 'Monsieur Lundi');
  assert.match(h ?? '', /^[0-9a-f]{64}$/);
  assert.equal(pseudonymHash(key, 'monsieur  lundi !'), h, 'same caller as typed by another responder');
  assert.notEqual(pseudonymHash(key, 'Madame Lundi'), h);
  assert.notEqual(pseudonymHash(generateLineKey(), 'Monsieur Lundi'), h, 'another line cannot test a guess against this one');
  assert.equal(pseudonymHash(key, '  '), null);
  // Not a plain hash of the name, and not a hash under the sealing key itself.
  assert.notEqual(h, crypto.createHash('sha256').update('monsieur lundi').digest('hex'));
  assert.notEqual(h, crypto.createHmac('sha256', key.key).update('monsieur lundi').digest('hex'));
  assert.notDeepEqual(derivedKey(key, 'pseudonym-match'), derivedKey(key, 'caller-mark-id'));
  // Caller mark ids: stable per call, unrelated to the call id.
  const id = callerMarkId(key, 'call-1');
  assert.equal(callerMarkId(key, 'call-1'), id);
  assert.notEqual(callerMarkId(key, 'call-2'), id);
  assert.match(id, /^[0-9a-f]{32}$/);
});
