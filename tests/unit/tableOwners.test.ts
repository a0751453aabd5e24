import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// One owner per table (issue 13): the table in docs/architecture.md ("One owner per table") names
// the files that may write each table; any other file of src/ that inserts, updates or deletes
// rows of it fails here. Migrations create the tables and are left out; so is src/hub (the hub's
// own PostgreSQL tables, another database).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** table → files (relative to src/) allowed to write it, read from the architecture doc. */
function ownerMap(doc: string): Map<string, string[]> {
  const start = doc.indexOf('## One owner per table');
  assert.ok(start >= 0, 'docs/architecture.md has a "One owner per table" section');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 5));
  const owners = new Map<string, string[]>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const [tables = '', files = ''] = line.split('|').slice(1).map((c) => c.trim());
    const allowed = [...files.matchAll(/`([\w/.]+\.ts)`/g)].map((m) => m[1] as string);
    for (const t of tables.matchAll(/`([a-z_]+)`/g)) owners.set(t[1] as string, allowed);
  }
  return owners;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' || p === path.join(root, 'src', 'hub') ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const writesTo = (text: string, table: string) => new RegExp(String.raw`\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+${table}\b`, 'i').test(text);

/** "file writes table, which it does not own", for every such pair. */
function strayWrites(files: Array<{ rel: string; text: string }>, owners: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const { rel, text } of files) {
    for (const [table, allowed] of owners) if (writesTo(text, table) && !allowed.includes(rel)) out.push(`${rel} writes ${table} (owner: ${allowed.join(', ') || 'none named'})`);
  }
  return out;
}

test('every table of the owner map is written only by its owner', () => {
  const owners = ownerMap(fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8'));
  assert.deepEqual(owners.get('profiles'), ['profiles/profilesRepository.ts']);
  assert.ok(owners.size >= 20, `${owners.size} tables in the map`);
  const files = sourceFiles(path.join(root, 'src')).map((f) => ({ rel: path.relative(path.join(root, 'src'), f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));
  assert.deepEqual(strayWrites(files, owners), []);
});

test('the check bites: a handler updating profiles itself is refused, the repository is not', () => {
  const owners = new Map([['profiles', ['profiles/profilesRepository.ts']]]);
  const stray = [
    { rel: 'handlers/accessHandlers.ts', text: "db.prepare('UPDATE profiles SET pin_hash = ? WHERE id = ?')" },
    { rel: 'access/accessSession.ts', text: 'db.prepare(`insert into profiles (id) values (?)`)' },
    { rel: 'reports/supervisorRole.ts', text: "db.prepare('DELETE FROM profiles WHERE id = ?')" },
    { rel: 'profiles/profilesRepository.ts', text: "db.prepare('UPDATE profiles SET role = ?')" },
    { rel: 'reports/collectFacts.ts', text: "db.prepare('SELECT id, centre FROM profiles')" },
  ];
  assert.deepEqual(strayWrites(stray, owners), [
    'handlers/accessHandlers.ts writes profiles (owner: profiles/profilesRepository.ts)',
    'access/accessSession.ts writes profiles (owner: profiles/profilesRepository.ts)',
    'reports/supervisorRole.ts writes profiles (owner: profiles/profilesRepository.ts)',
  ]);
});

const readsProfiles = (text: string) => /\b(?:FROM|JOIN)\s+profiles\b/i.test(text);

test('profiles is read with SQL only by its owner and the read-only report queries the doc names; the others ask the repository', () => {
  const doc = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
  const paragraph = doc.slice(doc.indexOf('Read-only report queries'), doc.indexOf('| table(s) |'));
  const allowed = ['profiles/profilesRepository.ts', ...[...paragraph.matchAll(/`([\w/.]+\.ts)`/g)].map((m) => m[1] as string)];
  assert.ok(allowed.includes('reports/shiftSummary.ts'), allowed.join(', '));
  const readers = sourceFiles(path.join(root, 'src'))
    .map((f) => ({ rel: path.relative(path.join(root, 'src'), f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }))
    .filter((f) => readsProfiles(f.text) && !allowed.includes(f.rel))
    .map((f) => f.rel);
  assert.deepEqual(readers, []);
  // The check bites.
  assert.ok(readsProfiles("db.prepare('SELECT display_name FROM profiles WHERE id = ?')"));
  assert.ok(readsProfiles('FROM calls c JOIN profiles p ON p.id = c.profile_id'));
  assert.ok(!readsProfiles('profilesRepository(db).displayName(id)'));
});
