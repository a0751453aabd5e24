import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { contract, isConditionalAccess, OPERATION_NAMES } from '../../src/contract/index.ts';

// Issue 12: "open operations are only the ones listed in docs/architecture.md, and that list is
// checked against the contract by a test". The table says when each answers without sign-in.
const doc = fs.readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');

function documented(): Map<string, string> {
  const section = doc.slice(doc.indexOf('### Open operations'));
  assert.ok(section.length > 0, 'docs/architecture.md has an "Open operations" section');
  const rows = new Map<string, string>();
  for (const m of section.matchAll(/^\| `([A-Za-z.]+)` \| (\w+) \|/gm)) rows.set(m[1]!, m[2]!);
  return rows;
}

test('the open operations of the contract are exactly the ones docs/architecture.md lists, with the same condition', () => {
  const inContract = new Map<string, string>();
  for (const name of OPERATION_NAMES) {
    const access = contract[name].access;
    if (access === 'open') inContract.set(name, 'always');
    else if (isConditionalAccess(access)) inContract.set(name, access.openWhile);
  }
  const listed = documented();
  assert.ok(listed.size >= 10, `parsed ${listed.size} rows`);
  assert.deepEqual([...listed.entries()].sort(), [...inContract.entries()].sort());
});
