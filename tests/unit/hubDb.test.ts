import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type HubDb, type HubLocation, openHubDb } from '../../src/hub/db/hubDb.ts';
import { hubSchemaVersion, migrateHub } from '../../src/hub/db/hubMigrate.ts';
import { hubMigrations } from '../../src/hub/db/migrations/index.ts';
import { ENGINES, tempHubDb } from './helpers/hubDatabases.ts';

for (const engine of ENGINES) {
  describe(`hub database on ${engine}`, () => {
    let db: HubDb;
    let location: HubLocation;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, location, drop } = await tempHubDb(engine));
    });
    after(async () => {
      await db.close();
      await drop();
    });

    test('the numbered migrations build the schema once; running them again changes nothing', async () => {
      assert.equal(await hubSchemaVersion(db), 0);
      const first = await migrateHub(db);
      const latest = Math.max(...hubMigrations.map((m) => m.version));
      assert.deepEqual(first, { from: 0, to: latest });
      assert.deepEqual(await migrateHub(db), { from: latest, to: latest });
      const tables = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
      for (const t of ['hub_codes', 'hub_devices', 'hub_items', 'hub_receipts', 'hub_schema', 'hub_sequence', 'hub_call_facts']) {
        assert.ok(tables.some((r) => r.table_name === t), `table ${t}`);
      }
      const seq = await db.query<{ value: number }>('SELECT value FROM hub_sequence');
      assert.deepEqual(seq, [{ value: 0 }], 'bigint comes back as a number on both engines');
    });

    test('a database newer than this hub is refused, not downgraded', async () => {
      await db.query(`INSERT INTO hub_schema (version, name) VALUES (999, 'future')`);
      await assert.rejects(() => migrateHub(db), /newer than this Relais Hub understands/);
      await db.query('DELETE FROM hub_schema WHERE version = 999');
    });

    test('a failed migration step leaves nothing behind', async () => {
      const before = await hubSchemaVersion(db);
      const broken = [...hubMigrations, { version: 500, name: 'broken', sql: 'CREATE TABLE half_made (id int); SELECT no_such_function();' }];
      await assert.rejects(() => migrateHub(db, broken));
      assert.equal(await hubSchemaVersion(db), before);
      const rows = await db.query(`SELECT to_regclass('half_made') AS t`);
      assert.deepEqual(rows, [{ t: null }]);
    });

    test('a transaction commits when its function resolves and rolls back when it throws', async () => {
      await db.transaction((tx) => tx.query(`INSERT INTO hub_meta (key, value) VALUES ('a', '1')`));
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO hub_meta (key, value) VALUES ('b', '2')`);
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.deepEqual(await db.query('SELECT key FROM hub_meta ORDER BY key'), [{ key: 'a' }]);
    });

    test('concurrent transactions do not interleave their statements on one connection', async () => {
      // On PGlite they are queued; on PostgreSQL each has its own connection. Either way each
      // transaction sees only its own uncommitted rows.
      const run = (tag: string) =>
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO hub_meta (key, value) VALUES ($1, $2)', [`c-${tag}`, tag]);
          await new Promise((r) => setTimeout(r, 20));
          const mine = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM hub_meta WHERE key LIKE 'c-%'`);
          return mine[0]?.n;
        });
      const counts = await Promise.all([run('x'), run('y'), run('z')]);
      if (engine === 'pglite') assert.deepEqual(counts, [1, 2, 3], 'PGlite runs them one after the other');
      else assert.ok(counts.every((n) => n !== undefined && n >= 1 && n <= 3));
      assert.deepEqual(await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM hub_meta WHERE key LIKE 'c-%'`), [{ n: 3 }]);
    });

    test('what was committed is there after the database is closed and opened again', async () => {
      await db.query(`INSERT INTO hub_meta (key, value) VALUES ('durable', 'yes')`);
      await db.close();
      db = await openHubDb(location);
      assert.deepEqual(await db.query(`SELECT value FROM hub_meta WHERE key = 'durable'`), [{ value: 'yes' }]);
      assert.deepEqual(await migrateHub(db), { from: await hubSchemaVersion(db), to: await hubSchemaVersion(db) });
    });
  });
}

test('two hub processes starting together on one PostgreSQL migrate once', async () => {
  const { db, location, close } = await tempHubDb('postgres');
  const other = await openHubDb(location);
  try {
    const [a, b] = await Promise.all([migrateHub(db), migrateHub(other)]);
    // One migrates from nothing; the other waits for the lock and finds the schema up to date.
    assert.deepEqual([a.from, b.from].sort(), [0, Math.max(...hubMigrations.map((m) => m.version))]);
    assert.deepEqual(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_schema'), [{ n: hubMigrations.length }]);
  } finally {
    await other.close();
    await close();
  }
});
