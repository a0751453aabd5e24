import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// docs/glossary.md (issue 16): one word per concept. Each term is used by that language's
// screens, and the words to avoid (e.g. "gids" beside "sociale kaart") appear in none of them.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LANGS = ['fr', 'nl', 'en'] as const;

// The screens' own namespaces and those src/ shares with them (reasons, report labels…).
function localeText(lang: string): string {
  const dirs = [path.join(root, 'renderer', 'i18n', 'locales', lang), path.join(root, 'src', 'domain', 'locales', lang)];
  const values: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') values.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const dir of dirs) for (const f of fs.readdirSync(dir)) walk(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  return values.join('\n').toLowerCase();
}

function glossaryRows(): string[][] {
  const md = fs.readFileSync(path.join(root, 'docs', 'glossary.md'), 'utf8');
  return md
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| FR'))
    .map((l) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
}

test('glossary: every key term is the word the screens use, in each language', () => {
  const rows = glossaryRows();
  assert.ok(rows.length >= 10, 'the glossary lists the key concepts');
  const texts = Object.fromEntries(LANGS.map((l) => [l, localeText(l)]));
  for (const row of rows) {
    LANGS.forEach((lang, i) => {
      const term = row[i]!;
      assert.ok(texts[lang]!.includes(term.toLowerCase()), `${lang}: "${term}" is used by the screens`);
    });
  }
});

test('glossary: the Dutch words to avoid appear in no Dutch screen (one term per concept)', () => {
  const nl = localeText('nl');
  for (const row of glossaryRows()) {
    const avoid = row[3];
    if (!avoid) continue;
    assert.equal(new RegExp(`\\b${avoid.toLowerCase()}\\b`, 'u').test(nl), false, `nl: "${avoid}" replaced by "${row[1]}"`);
  }
});
