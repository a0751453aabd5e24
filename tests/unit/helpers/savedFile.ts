import assert from 'node:assert/strict';
import fs from 'node:fs';

// Exports answer where main saved the file (issue 13, point 7): tests read the file itself.
export function savedBytes(out: { savedTo: string | null; bytes: number }): Buffer {
  assert.ok(out.savedTo, 'the export was saved');
  const bytes = fs.readFileSync(out.savedTo);
  assert.equal(bytes.length, out.bytes, 'the answer says the size of the file written');
  return bytes;
}
