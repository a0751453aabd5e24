import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract, OPERATION_NAMES, ROLES_FOR_FUZZ } from './helpers/fuzzTargets.ts';
import { ERROR_CODES } from '../../src/errors.ts';
import { guardedRoles, isConditionalAccess } from '../../src/contract/index.ts';
import { openNow } from '../../src/router/router.ts';
import { newOpenCore } from './helpers/tempStore.ts';

// Random and adversarial payloads at every operation, as every role: the answer is always a
// typed error or a valid result (the core validates outputs here), the router never throws,
// nothing is written on refusal, and no prototype is polluted.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deep(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const HUGE = 'x'.repeat(1_000_000);

function describe(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 200) ?? String(v);
  } catch {
    return `${typeof v} (unprintable: too deep)`;
  }
}

function adversarial(rand: () => number): unknown[] {
  const polluted = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
  const scalars = [null, undefined, 0, -1, 1e308, Number.NaN, true, '', ' ', HUGE, '\u0000', '💥'.repeat(1000), '=cmd|/c calc', '../../etc/passwd', 'C:\\Windows\\system32'];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const obj = () => {
    const o: Record<string, unknown> = {};
    const keys = ['id', 'query', 'text', 'passphrase', 'file', 'format', 'callId', 'serviceId', 'from', 'to', 'limit', 'name', 'value', 'phone', 'themes'];
    for (let i = 0; i < 1 + Math.floor(rand() * 4); i++) o[pick(keys)] = pick([...scalars, [pick(scalars)], { nested: pick(scalars) }]);
    return o;
  };
  return [undefined, null, 42, 'string', HUGE, [], [1, 2, 3], polluted, deep(5000), obj(), obj(), obj(), { ...obj(), extra_unknown_key: 1 }];
}

/** Whether the router must refuse `role` for `name` in the core's current state (store open). */
function refusedTo(name: (typeof OPERATION_NAMES)[number], role: (typeof ROLES_FOR_FUZZ)[number]): boolean {
  const access = contract[name].access;
  const roles = guardedRoles(access);
  if (roles === null) return false;
  if (isConditionalAccess(access) && openNow(access.openWhile, fuzzCore!.services)) return false;
  return role === null || !roles.includes(role);
}
let fuzzCore: Awaited<ReturnType<typeof newOpenCore>> | null = null;

test('every operation answers random and adversarial payloads, as every role, with a typed error or a valid result', async () => {
  const core = await newOpenCore({ seedDemo: true });
  fuzzCore = core;
  const db = core.services.store.database();
  const rand = prng(20261127);
  const codes = new Set<string>(ERROR_CODES);
  let calls = 0;
  // Every role, then a locked session (issue 8): refused everything but status and unlock.
  const states = [...ROLES_FOR_FUZZ.map((role) => ({ role, locked: false })), { role: 'responder' as const, locked: true }];
  for (const { role, locked } of states) {
    for (const name of OPERATION_NAMES) {
      if (name === 'store.changePassphrase') continue; // state-changing by design; covered by its own tests
      for (const payload of adversarial(rand)) {
        core.services.session.role = role;
        core.services.session.locked = locked;
        const before = db.prepare('SELECT total_changes()').pluck().get();
        let r: Awaited<ReturnType<typeof core.router.dispatch>>;
        try {
          r = await core.router.dispatch(name, payload);
        } catch (e) {
          assert.fail(`${name} threw across the boundary for role ${role}: ${(e as Error).message}`);
        }
        calls++;
        assert.ok(r && typeof r === 'object' && typeof r.ok === 'boolean', `${name}: not a Result`);
        if (!r.ok) {
          assert.ok(codes.has(r.error.code), `${name}: unknown error code ${r.error.code}`);
          assert.equal(typeof r.error.message, 'string');
          assert.ok(r.error.message.length < 5000, `${name}: error message echoes the payload`);
          if (r.error.code === 'Internal') assert.fail(`${name} as ${role} crashed on ${describe(payload)}: ${r.error.message}`);
          assert.equal(db.prepare('SELECT total_changes()').pluck().get(), before, `${name}: wrote on refusal`);
          if (locked && !(contract[name] as { whileLocked?: true }).whileLocked) assert.equal(r.error.code, 'Locked', `${name} answered while locked`);
          // The role rules (issue 12 included: restore, profile creation) come before any parsing.
          if (!locked && refusedTo(name, role)) assert.equal(r.error.code, 'Forbidden', `${name} as ${role ?? 'nobody'} got ${r.error.code}`);
        } else if (locked) {
          assert.ok((contract[name] as { whileLocked?: true }).whileLocked, `${name} ran while locked`);
        } else {
          assert.ok(!refusedTo(name, role), `${name} answered ${role ?? 'nobody'}`);
        }
      }
    }
  }
  core.services.session.locked = false;
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
  assert.ok(calls > OPERATION_NAMES.length * 10);
  assert.ok(contract);
  core.shutdown();
});
