import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReasonKey, reasonText, type ReasonKey } from '../../src/domain/i18n.ts';
import { parseMachineConfig, resolveDataDir } from '../../src/config/machineConfig.ts';
import { isAppError } from '../../src/errors.ts';

// config.json's problems carry reason keys (issue 13, point 4): the config-error screen says each
// in the user's language, while the English message (doctor, the CLI, logs) stays what it was.

const FILE = '/etc/relais/config.json';
const LANGS = ['fr', 'nl', 'en'] as const;
const CASES = [
  '{\n  "dataDir": "C:\\ProgramData\\Relais"\n}\n', // a single backslash
  '{ "centreName": "CPAS", }', // a trailing comma
  '[1, 2]', // not an object
  '{ "dataDir": "relative/folder", "backup": { "folder": "D:\\\\b" } }', // Windows paths on Linux
  '{ "centreName": "CPAS", "passphrase": "x", "idleLockMinute": 5 }', // a secret, a near miss
  '{ "feed": { "location": "/srv/feed", "publicKey": "bm90IGEga2V5" } }', // not a key
];

test('every problem of an invalid config.json has a reason in fr, nl and en; the English is the message', () => {
  let seen = 0;
  for (const text of CASES) {
    const s = parseMachineConfig(text, FILE, 'linux');
    assert.equal(s.state, 'invalid', text);
    assert.ok(s.problem?.reason && isReasonKey(s.problem.reason), `${text}: the consequence has a reason`);
    for (const issue of s.problem?.issues ?? []) {
      if (!issue.reason) {
        assert.ok(issue.rule, `${issue.path}: zod's issue carries its rule instead (${issue.message})`);
        continue;
      }
      seen++;
      assert.ok(isReasonKey(issue.reason), issue.reason);
      const key = issue.reason as ReasonKey;
      // The English words are the message (a JSON error adds its usual cause after a dash).
      assert.ok(issue.message.startsWith(reasonText(key, issue.params)), `${issue.path}: ${issue.message}`);
      for (const lang of LANGS) assert.doesNotMatch(reasonText(key, issue.params, lang), /\{\{|^config\./, `${lang}: ${key}`);
      if (issue.hintReason) for (const lang of LANGS) assert.doesNotMatch(reasonText(issue.hintReason as ReasonKey, undefined, lang), /^config\./);
    }
  }
  assert.ok(seen >= 5, `found ${seen} keyed problems`);
  // French is not English.
  const s = parseMachineConfig(CASES[2] as string, FILE, 'linux');
  assert.equal(reasonText(s.problem?.issues[0]?.reason as ReasonKey, undefined, 'fr'), 'doit être un objet JSON { … }');
});

test('the store refused for an unreadable config.json says so with a reason key, English message unchanged', () => {
  const s = parseMachineConfig(CASES[0] as string, FILE, 'linux');
  try {
    resolveDataDir(s, {});
    assert.fail('resolveDataDir must refuse');
  } catch (e) {
    assert.ok(isAppError(e));
    assert.equal(e.reason, 'config.noDataFolder');
    assert.equal(e.message, `${s.problem?.message} The data folder it names cannot be known, so no store is opened or created elsewhere: correct the file, or give --data-dir.`);
    assert.match(reasonText('config.noDataFolder', e.params, 'fr'), /^Le dossier de données/);
  }
});
