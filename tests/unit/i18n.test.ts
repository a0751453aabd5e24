import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const localesDir = path.join(root, 'renderer', 'i18n', 'locales');
const LANGS = ['fr', 'nl', 'en'];

function flatten(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else {
    out.set(prefix, obj);
  }
  return out;
}

function load(lang: string, ns: string): Map<string, unknown> {
  return flatten(JSON.parse(fs.readFileSync(path.join(localesDir, lang, `${ns}.json`), 'utf8')));
}

const namespaces = fs.readdirSync(path.join(localesDir, 'fr')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

test('every language has the same namespaces', () => {
  for (const lang of LANGS) {
    const files = fs.readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    assert.deepEqual(files, [...namespaces].sort(), `namespaces of ${lang}`);
  }
});

for (const ns of namespaces) {
  test(`namespace "${ns}" has every key, non-empty, in fr, nl and en`, () => {
    const fr = load('fr', ns);
    for (const lang of LANGS) {
      const other = load(lang, ns);
      const missing = [...fr.keys()].filter((k) => !other.has(k));
      const extra = [...other.keys()].filter((k) => !fr.has(k));
      assert.deepEqual(missing, [], `${lang}/${ns}.json lacks keys`);
      assert.deepEqual(extra, [], `${lang}/${ns}.json has keys French lacks`);
      for (const [k, v] of other) assert.ok(typeof v === 'string' && v.trim() !== '', `${lang}/${ns}.json: ${k} is empty`);
      // Interpolation placeholders must match, or a translation silently drops a value.
      for (const [k, v] of fr) {
        const want = [...String(v).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        const got = [...String(other.get(k)).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        assert.deepEqual(got, want, `${lang}/${ns}.json: ${k} placeholders`);
      }
    }
  });
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

// The namespaces src/ shares with the renderer (reasons, notifications, report labels).
const sharedDir = path.join(root, 'src', 'domain', 'locales');
const sharedNamespaces = fs.readdirSync(path.join(sharedDir, 'fr')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

test('the renderer\'s namespaces do not shadow a shared one', () => {
  assert.deepEqual(namespaces.filter((ns) => sharedNamespaces.includes(ns)), []);
});

test('every literal key the renderer passes to t() exists in French', () => {
  const all = new Map(namespaces.map((ns) => [ns, load('fr', ns)]));
  for (const ns of sharedNamespaces) all.set(ns, flatten(JSON.parse(fs.readFileSync(path.join(sharedDir, 'fr', `${ns}.json`), 'utf8'))));
  const missing: string[] = [];
  for (const file of sourceFiles(path.join(root, 'renderer'))) {
    const text = fs.readFileSync(file, 'utf8');
    const defaultNs = /useTranslation\(\s*'(\w+)'/.exec(text)?.[1] ?? 'common';
    for (const m of text.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
      const raw = m[1] as string;
      const [ns, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [defaultNs, raw];
      const keys = all.get(ns);
      const found = keys && (keys.has(key) || [...keys.keys()].some((k) => k.startsWith(`${key}_`)));
      if (!found) missing.push(`${path.relative(root, file)}: ${ns}:${key}`);
    }
  }
  assert.deepEqual(missing, []);
});
