import { MAX_PULL_PAGE, type PulledItem } from '../sync/wire.ts';
import type { HubContext } from './hubContext.ts';

/**
 * The shared items changed after `after`, in sequence order, one page at a time. Sequence
 * numbers follow commit order (push.ts), so a cursor never skips a change committed late.
 */
export async function pullItems(ctx: HubContext, after: number, limit: number): Promise<{ items: PulledItem[]; next: number; more: boolean }> {
  const size = Math.max(1, Math.min(limit, MAX_PULL_PAGE));
  const rows = await ctx.db.query<{ seq: number; kind: PulledItem['kind']; id: string; deleted: boolean; payload: unknown }>(
    'SELECT seq, kind, id, deleted, payload FROM hub_items WHERE seq > $1 ORDER BY seq LIMIT $2',
    [after, size + 1],
  );
  const more = rows.length > size;
  const items = rows.slice(0, size).map((r) => ({ seq: r.seq, kind: r.kind, id: r.id, deleted: r.deleted, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
  return { items, next: items.at(-1)?.seq ?? after, more };
}
