import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.ts';
import { parseMachineConfig } from '../../src/config/machineConfig.ts';

// docs/it-guide.md is followed to the letter by people new to Relais: every `relais-admin`
// command and option it shows must exist, and its config.json example must be valid.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const guide = fs.readFileSync(path.join(root, 'docs', 'it-guide.md'), 'utf8');

async function help(words: string[]): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await runCli([...words, '--help'], { out: (t) => void (text += t), err: (t) => void (text += t) }, {});
  return { code, text };
}

test('every relais-admin command and option in the IT guide exists in the CLI', async () => {
  const uses = [...guide.matchAll(/relais-admin((?: [a-z][a-z-]*)+)((?: [^\n`#]*)?)/g)].map((m) => ({ words: (m[1] as string).trim().split(' '), rest: m[2] ?? '' }));
  assert.ok(uses.length >= 20, `the guide shows the commands (${uses.length} found)`);
  const checked = new Set<string>();
  for (const { words, rest } of uses) {
    // The longest prefix of words that is a command (the rest are arguments or prose).
    let command: string[] = [];
    for (let n = Math.min(words.length, 2); n >= 1; n--) {
      const h = await help(words.slice(0, n));
      if (h.code === 0 && h.text.startsWith(`Usage: relais-admin ${words.slice(0, n).join(' ')}`)) {
        command = words.slice(0, n);
        break;
      }
    }
    assert.ok(command.length > 0, `relais-admin ${words.join(' ')} is a command`);
    const { text } = await help(command);
    const options = [...`${words.slice(command.length).join(' ')} ${rest}`.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]);
    for (const option of options) {
      if (option === '--json' || option === '--data-dir' || option === '--help') continue;
      assert.ok(text.includes(option), `relais-admin ${command.join(' ')} has ${option}`);
    }
    checked.add(command.join(' '));
  }
  for (const c of ['doctor', 'init', 'backup', 'restore', 'verify', 'change-passphrase', 'directory publish', 'feed keygen', 'feed check', 'feed apply']) {
    assert.ok(checked.has(c), `the guide covers relais-admin ${c}`);
  }
});

test('the IT guide\'s config.json example is docs/config.example.json and is valid', () => {
  const block = /```json\n([\s\S]*?)```/.exec(guide)?.[1];
  assert.ok(block);
  assert.deepEqual(JSON.parse(block), JSON.parse(fs.readFileSync(path.join(root, 'docs', 'config.example.json'), 'utf8')));
  const state = parseMachineConfig(block, 'C:\\ProgramData\\Relais\\config.json', 'win32');
  assert.equal(state.state, 'loaded', JSON.stringify(state.problem));
  // The keys table lists every key of the schema.
  for (const key of ['centreName', 'dataDir', 'backup.folder', 'backup.keep', 'feed.location', 'feed.publicKey', 'feed.autoApply', 'idleLockMinutes', 'defaultLanguage', 'purge.callbackNumberRetentionDays', 'purge.notesRetentionMonths']) {
    assert.ok(guide.includes(`| \`${key}\` |`), `the guide documents ${key}`);
  }
});
