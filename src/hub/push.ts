import type { ChangeWire, PushResult } from '../sync/wire.ts';
import type { HubSql } from './db/hubDb.ts';
import type { Device } from './devices.ts';
import type { HubContext } from './hubContext.ts';
import { applyCallbackOp } from './callbacks.ts';
import { upsertService } from './hubServices.ts';

export interface PushHooks {
  /** Tests: runs inside the transaction just before the sequence numbers are taken. */
  beforeSequence?: () => Promise<void>;
}

/**
 * Stores a device's changes in one transaction: each change id is claimed in hub_receipts
 * (a change id seen before is acknowledged with its first outcome, never applied twice), then
 * the new ones take consecutive numbers from the sequence row — the last step before COMMIT,
 * under that row's lock, so numbers follow commit order — and are applied to the hub's tables.
 */
export async function pushChanges(ctx: HubContext, device: Device, changes: readonly ChangeWire[], hooks: PushHooks = {}): Promise<PushResult[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const results = new Map<string, PushResult>();
    const fresh: ChangeWire[] = [];
    for (const change of changes) {
      if (results.has(change.id) || fresh.some((c) => c.id === change.id)) continue;
      const claimed = await tx.query('INSERT INTO hub_receipts (change_id, device_id, outcome, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (change_id) DO NOTHING RETURNING change_id', [change.id, device.id, 'accepted', now]);
      if (claimed.length) {
        fresh.push(change);
      } else {
        const [r] = await tx.query<{ outcome: PushResult['outcome']; seq: number | null; reason: string | null }>('SELECT outcome, seq, reason FROM hub_receipts WHERE change_id = $1', [change.id]);
        results.set(change.id, { id: change.id, outcome: r?.outcome ?? 'accepted', seq: r?.seq ?? null, reason: r?.reason ?? null, duplicate: true });
      }
    }
    if (fresh.length) {
      await hooks.beforeSequence?.();
      const [row] = await tx.query<{ value: number }>('UPDATE hub_sequence SET value = value + $1 WHERE id = 1 RETURNING value', [fresh.length]);
      let seq = (row?.value ?? fresh.length) - fresh.length;
      for (const change of fresh) {
        seq++;
        const outcome = await apply(tx, device, change, seq);
        await tx.query('UPDATE hub_receipts SET seq = $2, outcome = $3, reason = $4 WHERE change_id = $1', [change.id, outcome.seq, outcome.outcome, outcome.reason]);
        results.set(change.id, { id: change.id, ...outcome, duplicate: false });
      }
    }
    return changes.map((c) => results.get(c.id) as PushResult);
  });
}

type Outcome = Pick<PushResult, 'outcome' | 'seq' | 'reason'>;

async function apply(tx: HubSql, device: Device, change: ChangeWire, seq: number): Promise<Outcome> {
  switch (change.kind) {
    case 'note': {
      // A note is written once; the same note under another change id (a workstation restored
      // from a backup replays its outbox with new ids) is the same note: nothing changes.
      const payload = { ...change.note, centre: device.centre };
      const rows = await tx.query(`INSERT INTO hub_items (kind, id, seq, payload, device_id) VALUES ('note', $1, $2, $3, $4) ON CONFLICT (kind, id) DO NOTHING RETURNING seq`, [change.note.uid, seq, JSON.stringify(payload), device.id]);
      if (rows.length) return { outcome: 'accepted', seq, reason: null };
      const [cur] = await tx.query<{ seq: number }>(`SELECT seq FROM hub_items WHERE kind = 'note' AND id = $1`, [change.note.uid]);
      return { outcome: 'accepted', seq: cur?.seq ?? null, reason: 'already on the hub' };
    }
    case 'handover': {
      // Sealed under the line key: the hub stores and forwards it, stamped with the writer's
      // centre, and cannot read it. Written once, like a reachability note.
      const payload = { ...change.handover, centre: device.centre };
      const rows = await tx.query(`INSERT INTO hub_items (kind, id, seq, payload, device_id) VALUES ('handover', $1, $2, $3, $4) ON CONFLICT (kind, id) DO NOTHING RETURNING seq`, [change.handover.uid, seq, JSON.stringify(payload), device.id]);
      if (rows.length) return { outcome: 'accepted', seq, reason: null };
      return { outcome: 'accepted', seq: null, reason: 'already on the hub' };
    }
    case 'callerMark': {
      // One mark per call (its id), replaced when the call is closed again; a mark without a
      // hash is withdrawn: its sealed content is erased here and every workstation drops it.
      const { mark } = change;
      if (mark.hash === null) {
        const rows = await tx.query(`UPDATE hub_items SET payload = NULL, deleted = true, seq = $2, device_id = $3 WHERE kind = 'callerMark' AND id = $1 AND NOT deleted RETURNING seq`, [mark.id, seq, device.id]);
        return { outcome: 'accepted', seq: rows.length ? seq : null, reason: rows.length ? null : 'no such mark' };
      }
      const payload = { ...mark, centre: device.centre };
      await tx.query(
        `INSERT INTO hub_items (kind, id, seq, payload, device_id) VALUES ('callerMark', $1, $2, $3, $4)
         ON CONFLICT (kind, id) DO UPDATE SET payload = excluded.payload, seq = excluded.seq, deleted = false, device_id = excluded.device_id`,
        [mark.id, seq, JSON.stringify(payload), device.id],
      );
      return { outcome: 'accepted', seq, reason: null };
    }
    case 'callFacts': {
      // Closing a call again (after a reopen) replaces its facts: one row per call id.
      await tx.query(
        `INSERT INTO hub_call_facts (call_id, device_id, centre, started_at, facts, seq) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (call_id) DO UPDATE SET device_id = excluded.device_id, centre = excluded.centre, started_at = excluded.started_at, facts = excluded.facts, seq = excluded.seq`,
        [change.callId, device.id, device.centre, change.facts.startedAt, JSON.stringify(change.facts), seq],
      );
      return { outcome: 'accepted', seq, reason: null };
    }
    case 'callback':
      return applyCallbackOp(tx, device, change.callbackId, change.op, seq);
    case 'service': {
      // A maintainer's edit to the line's directory: the service as it now stands replaces the
      // hub's, under a new sequence number, so every workstation pulls it (last push wins).
      await upsertService(tx, change.service, seq, device.id);
      return { outcome: 'accepted', seq, reason: null };
    }
  }
}
