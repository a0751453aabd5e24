import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayPhone, maskPhone, normalisePhone } from '../../src/domain/phoneNumber.ts';
import { callbackPhoneSchema } from '../../src/contract/callbacksContract.ts';

// Callback numbers as responders type them while a caller dictates, normalised to E.164.

const VALID: Array<[string, string]> = [
  ['0470 12 34 56', '+32470123456'],
  ['0470/12.34.56', '+32470123456'],
  ['0470-12-34-56', '+32470123456'],
  ['0470123456', '+32470123456'],
  ['0487.12.34.56', '+32487123456'],
  ['0455 12 34 56', '+32455123456'],
  ['02/555.12.34', '+3225551234'],
  ['02 555 12 34', '+3225551234'],
  ['(02) 555 12 34', '+3225551234'],
  ['025551234', '+3225551234'],
  ['09 222 33 44', '+3292223344'],
  ['04 222 33 44', '+3242223344'],
  ['+32 470 12 34 56', '+32470123456'],
  ['+32470123456', '+32470123456'],
  ['+32 (0)2 555 12 34', '+3225551234'],
  ['+32 0470 12 34 56', '+32470123456'],
  ['0032 470 12 34 56', '+32470123456'],
  ['0032470123456', '+32470123456'],
  ['00 32 2 555 12 34', '+3225551234'],
  ['  0470 12 34 56  ', '+32470123456'],
  ['+33 6 12 34 56 78', '+33612345678'],
  ['0033 6 12 34 56 78', '+33612345678'],
  ['0031 6 12345678', '+31612345678'],
  ['+44 20 7946 0958', '+442079460958'],
];

const INVALID: Array<[string, string]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['abc', 'characters'],
  ['0470 12 34 56 ext 5', 'characters'],
  ['0470 12 34 56#', 'characters'],
  ['0470 12 34 5', 'invalid'],
  ['0471234', 'invalid'],
  ['047012345678', 'invalid'],
  ['0400 00 00 00', 'invalid'],
  ['02 555 12 3', 'invalid'],
  ['112', 'invalid'],
  ['+32', 'invalid'],
  ['+3247012345', 'invalid'],
  ['0900 12 345', 'premium'],
  ['0903 12 345', 'premium'],
  ['+32 470 12 34 56 '.repeat(4), 'characters'],
];

for (const [raw, e164] of VALID) {
  test(`accepts ${JSON.stringify(raw)} as ${e164}`, () => {
    const r = normalisePhone(raw);
    assert.ok(r.ok, `${raw}: ${r.ok ? '' : r.message}`);
    assert.equal(r.e164, e164);
    assert.match(r.e164, /^\+[1-9]\d{7,14}$/);
  });
}

for (const [raw, problem] of INVALID) {
  test(`refuses ${JSON.stringify(raw)} (${problem})`, () => {
    const r = normalisePhone(raw);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.problem, problem);
  });
}

test('Belgian numbers are shown nationally, foreign ones internationally; masks keep 2 digits', () => {
  assert.equal(displayPhone('+32470123456'), '0470 12 34 56');
  assert.equal(displayPhone('+3225551234'), '02 555 12 34');
  assert.equal(displayPhone('+33612345678'), '+33 6 12 34 56 78');
  assert.equal(maskPhone('+32470123456'), '+324••••••56');
  assert.ok(!maskPhone('+32470123456').includes('70123'));
  assert.equal(maskPhone('not a number'), '•••');
});

test('the contract schema transforms to E.164 and names the problem', () => {
  assert.deepEqual(callbackPhoneSchema.safeParse('02/555.12.34'), { success: true, data: '+3225551234' });
  const bad = callbackPhoneSchema.safeParse('0470 12');
  assert.equal(bad.success, false);
  assert.match(bad.error!.issues[0]!.message, /not a valid phone number/);
  assert.equal(callbackPhoneSchema.safeParse('0'.repeat(41)).success, false);
});
