import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { COMMAND_INDEX, runCli } from '../../src/cli/main.ts';

// relais-admin loads only the command it runs. The top-level help is drawn from the index in
// cli/main.ts: it must read exactly as with every command loaded, or the index has drifted.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function helpOf(argv: string[], loadAll: boolean): Promise<string> {
  let text = '';
  const io = { out: (t: string) => void (text += t), err: (t: string) => void (text += t) };
  assert.equal(await runCli(argv, io, {}, { loadAll }), 0);
  return text;
}

test('the lazy top-level help reads exactly as with every command loaded', async () => {
  const lazy = await helpOf(['--help'], false);
  assert.equal(lazy, await helpOf(['--help'], true));
  for (const c of COMMAND_INDEX) assert.ok(lazy.includes(c.name), c.name);
});

test('each indexed command loads the command of that name, and its own help works lazily', async () => {
  for (const c of COMMAND_INDEX) {
    const text = await helpOf([c.name, '--help'], false);
    assert.match(text, new RegExp(`Usage: relais-admin ${c.name}`), c.name);
    assert.equal(text, await helpOf(['help', c.name], false), `help ${c.name}`);
  }
});

test('--help imports no command module (checked in a fresh process)', () => {
  const script = `const { runCli } = await import('./src/cli/main.ts');
const before = new Set(process.moduleLoadList ?? []);
await runCli(['--help'], { out() {}, err() {} }, {});
const { registerHooks } = await import('node:module');
void registerHooks; void before;`;
  // Module loading is observed through --import of a hook that records resolved URLs.
  const hook = `import { registerHooks } from 'node:module'; globalThis.__loaded = []; registerHooks({ resolve(s, c, next) { const r = next(s, c); globalThis.__loaded.push(r.url); return r; } });`;
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, '--input-type=module', '-e', `${script}\nconsole.log(JSON.stringify(globalThis.__loaded.filter((u) => u.includes('/src/cli/commands/'))));`], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop() as string), []);
});
