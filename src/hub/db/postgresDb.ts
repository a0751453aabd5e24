import pg from 'pg';
import type { HubDb, HubSql } from './hubDb.ts';

// bigint columns (sequence numbers, counts) come back as JS numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** A real PostgreSQL through a pool: concurrent requests run concurrent transactions. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<HubDb> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, idleTimeoutMillis: 10_000 });
  // A connection lost between queries must not crash the hub process: the next query reconnects.
  pool.on('error', () => undefined);
  // Fail now, with the server's reason, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const query = async <R extends object>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) =>
    (await client.query(text, params as unknown[] | undefined)).rows as R[];
  return {
    engine: 'postgres',
    query: (text, params) => query(pool, text, params),
    exec: async (text) => void (await pool.query(text)),
    async transaction(fn) {
      const client = await pool.connect();
      const tx: HubSql = { query: (text, params) => query(client, text, params), exec: async (text) => void (await client.query(text)) };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch {
          // The connection itself broke: destroy it rather than return it to the pool.
          client.release(true);
        }
        throw e;
      }
    },
    close: () => pool.end(),
  };
}
