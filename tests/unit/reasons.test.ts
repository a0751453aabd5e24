import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { explainWrongPassphrase } from '../../src/cli/passphrase.ts';
import { isReasonKey, type ReasonKey, reasonText } from '../../src/domain/i18n.ts';
import { AppError } from '../../src/errors.ts';

// Errors thrown in src/ carry a reason key (src/domain/locales/<lang>/reasons.json) with
// parameters, not prose: each screen shows the reason in its user's language, the CLI and the
// logs in English. These tests hold the keys and the three languages together.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const localesDir = path.join(root, 'src', 'domain', 'locales');
const LANGS = ['fr', 'nl', 'en'] as const;

function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

const load = (lang: string, ns: string) => flatten(JSON.parse(fs.readFileSync(path.join(localesDir, lang, `${ns}.json`), 'utf8')));
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every `new AppError(code, 'some.key', …)` in src/, with the parameter names written beside it. */
function thrownReasons(): Array<{ file: string; key: string; params: string[] }> {
  const out: Array<{ file: string; key: string; params: string[] }> = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*[^,]+,\s*'([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)'\s*(?:,\s*\{([^}]*)\})?/g)) {
      const params = [...(m[2] ?? '').matchAll(/(\w+)\s*(?::|,|$)/g)].map((p) => p[1] as string).filter((p) => p !== '');
      out.push({ file: path.relative(root, file), key: m[1] as string, params });
    }
  }
  return out;
}

for (const ns of fs.readdirSync(path.join(localesDir, 'en')).map((f) => f.replace(/\.json$/, ''))) {
  test(`shared namespace "${ns}" has the same keys and placeholders in fr, nl and en`, () => {
    const en = load('en', ns);
    for (const lang of LANGS) {
      const other = load(lang, ns);
      assert.deepEqual([...other.keys()].sort(), [...en.keys()].sort(), `${lang}/${ns}.json keys`);
      for (const [k, v] of en) {
        assert.ok((other.get(k) ?? '').trim() !== '', `${lang}/${ns}.json: ${k} is empty`);
        assert.deepEqual(placeholders(other.get(k) ?? ''), placeholders(v), `${lang}/${ns}.json: ${k} placeholders`);
      }
    }
  });
}

test('every reason key thrown in src/ has its words in fr, nl and en, with the parameters it is given', () => {
  const thrown = thrownReasons();
  assert.ok(thrown.length >= 60, `found ${thrown.length} keyed throws`);
  const problems: string[] = [];
  for (const lang of LANGS) {
    const reasons = load(lang, 'reasons');
    for (const { file, key, params } of thrown) {
      const text = reasons.get(key);
      if (!text) problems.push(`${file}: ${key} missing in ${lang}/reasons.json`);
      else for (const p of placeholders(text)) if (!params.includes(p)) problems.push(`${file}: ${key} needs {{${p}}}, given ${params.join(', ') || 'nothing'}`);
    }
  }
  assert.deepEqual(problems, []);
});

/**
 * Every reason-shaped literal anywhere inside a `new AppError(…)` call (both arms of a ternary,
 * calls spread over lines): the scan above only sees a key written right after the code.
 */
function reasonLiteralsInAppErrors(text: string, namespaces: ReadonlySet<string>): string[] {
  const out: string[] = [];
  // `refuse(…)` is the feed bundle's one-line wrapper around a FileRejected AppError.
  for (const start of text.matchAll(/new AppError\(|\brefuse\(/g)) {
    let depth = 0;
    let end = start.index;
    for (let i = start.index + start[0].length - 1; i < text.length; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        end = i;
        break;
      }
    }
    for (const m of text.slice(start.index, end).matchAll(/'([a-z][A-Za-z0-9]*)((?:\.[A-Za-z0-9]+)+)'/g)) {
      if (namespaces.has(m[1] as string)) out.push(`${m[1]}${m[2]}`);
    }
  }
  return out;
}

test('every reason literal inside an AppError call in src/ exists in fr, nl and en', () => {
  const namespaces = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(localesDir, 'en', 'reasons.json'), 'utf8')) as object));
  const problems: string[] = [];
  let seen = 0;
  for (const file of sourceFiles(path.join(root, 'src'))) {
    for (const key of reasonLiteralsInAppErrors(fs.readFileSync(file, 'utf8'), namespaces)) {
      seen++;
      for (const lang of LANGS) if (!load(lang, 'reasons').has(key)) problems.push(`${path.relative(root, file)}: ${key} missing in ${lang}/reasons.json`);
    }
  }
  assert.ok(seen >= 150, `found ${seen} reason literals`);
  assert.deepEqual(problems, []);
  // It bites: a key in the second arm of a ternary, on its own line, is seen.
  assert.deepEqual(reasonLiteralsInAppErrors("new AppError(\n  'NotFound',\n  x ? 'store.locked' : 'store.lockd',\n)", namespaces), ['store.locked', 'store.lockd']);
});

test('the check bites: an unknown key is no reason, and a thrown typo is caught by the scan', () => {
  assert.equal(isReasonKey('calls.notFound'), true);
  assert.equal(isReasonKey('calls.notFund'), false);
  assert.equal(isReasonKey('No such call.'), false);
  const reasons = load('en', 'reasons');
  const typo = [...`throw new AppError('NotFound', 'calls.notFund');`.matchAll(/new AppError\(\s*[^,]+,\s*'([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)'/g)].map((m) => m[1] as string);
  assert.deepEqual(typo, ['calls.notFund']);
  assert.equal(reasons.has(typo[0] as string), false);
});

test('a keyed AppError carries the reason and its parameters; its message is the English text', () => {
  const e = new AppError('Conflict', 'calls.tooManyReferrals', { max: 12 }, [{ path: 'serviceId', message: 'x' }]);
  assert.equal(e.message, 'A call holds at most 12 referrals.');
  assert.deepEqual(e.toPayload(), { code: 'Conflict', message: 'A call holds at most 12 referrals.', reason: 'calls.tooManyReferrals', params: { max: 12 }, issues: [{ path: 'serviceId', message: 'x' }] });
  assert.equal(reasonText('calls.tooManyReferrals', { max: 12 }, 'fr'), 'Un appel contient au plus 12 orientations.');
  assert.equal(reasonText('calls.tooManyReferrals', { max: 12 }, 'nl'), 'Een oproep bevat hoogstens 12 doorverwijzingen.');
  // The old prose form still works (the last throw sites move over) and carries no reason.
  assert.deepEqual(new AppError('NotFound', 'no such thing').toPayload(), { code: 'NotFound', message: 'no such thing' });
});

test('a wrong passphrase in the CLI: a reason of its own (where the passphrase came from, a backup\'s older one) that starts with the store\'s reason, in each language', () => {
  const wrong = new AppError('WrongKey', 'store.notDecrypted', { file: '/data/relais.db' });
  const env = explainWrongPassphrase(wrong, { value: 'x', source: 'RELAIS_PASSPHRASE' }, 'store');
  assert.deepEqual([env.code, env.reason, env.params], ['WrongKey', 'cli.wrongKey.env', { file: '/data/relais.db', reason: 'store.notDecrypted' }]);
  assert.equal(env.cause, wrong);
  assert.equal(env.message, `${wrong.message} The passphrase came from the RELAIS_PASSPHRASE variable: check its value (quotes, spaces) or unset it to be asked.`);
  const backup = explainWrongPassphrase(new AppError('WrongKey', 'store.wrongPassphrase'), { value: 'x', source: 'prompt' }, 'backup');
  assert.equal(backup.reason, 'cli.wrongKey.promptBackup');
  assert.equal(
    reasonText(backup.reason as ReasonKey, backup.params, 'fr'),
    "Phrase de récupération incorrecte : elle n'ouvre pas ce coffre. Rien n'a été modifié. La phrase a été tapée à l'invite : vérifiez la disposition du clavier et la touche Verr. Maj. Une sauvegarde ne s'ouvre qu'avec la phrase de récupération en vigueur quand elle a été faite : si la phrase a changé depuis, c'est peut-être une ancienne qu'il faut.",
  );
  assert.match(reasonText(env.reason as ReasonKey, env.params, 'nl'), /^De kluis \/data\/relais\.db kan met deze sleutel niet ontsleuteld worden: .* De wachtwoordzin kwam uit de variabele RELAIS_PASSPHRASE/);
  // No English left in the other languages: the nested store reason is translated too.
  for (const lang of ['fr', 'nl'] as const) assert.doesNotMatch(reasonText(env.reason as ReasonKey, env.params, lang), /passphrase came|cannot be decrypted/);
  // Another error passes through unchanged.
  const other = new AppError('StoreMissing', 'cli.noStoreIn', { dir: '/x' });
  assert.equal(explainWrongPassphrase(other, { value: 'x', source: 'prompt' }, 'store'), other);
});
