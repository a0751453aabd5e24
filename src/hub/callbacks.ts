import type { CallbackOpWire, CallbackStateWire, PushResult } from '../sync/wire.ts';
import type { HubSql } from './db/hubDb.ts';
import type { Device } from './devices.ts';

// Shared callbacks on the hub (issue 15). Each callback is one row of hub_items (kind
// 'callback'): its metadata in clear, its number and context as the line-key ciphertext the
// scheduling workstation sent. Workstations push operations; the hub applies them one at a
// time under the row's lock (SELECT … FOR UPDATE: two hub processes on one PostgreSQL serialise
// on it too) and every accepted change gives the row a new sequence number, so every
// workstation pulls the new state.
//
// The hub is the referee for who holds a callback: a take names the holder revision its
// workstation saw; if the holder changed since, the take is refused with who holds it and
// since when, and nothing else of the taker's is refused (attempts are always kept).

type Outcome = Pick<PushResult, 'outcome' | 'seq' | 'reason'>;

/** Why a take was refused, as the refused workstation reads it from the push result. */
export interface TakeRefusal {
  code: 'taken' | 'closed' | 'unknown';
  name?: string;
  centre?: string;
  at?: string;
}

const refused = (r: TakeRefusal): Outcome => ({ outcome: 'refused', seq: null, reason: JSON.stringify(r) });

async function load(tx: HubSql, callbackId: string): Promise<CallbackStateWire | null> {
  const [row] = await tx.query<{ payload: unknown }>(`SELECT payload FROM hub_items WHERE kind = 'callback' AND id = $1 FOR UPDATE`, [callbackId]);
  if (!row) return null;
  return (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as CallbackStateWire;
}

async function save(tx: HubSql, state: CallbackStateWire, seq: number): Promise<Outcome> {
  await tx.query(`UPDATE hub_items SET payload = $2, seq = $3 WHERE kind = 'callback' AND id = $1`, [state.callbackId, JSON.stringify(state), seq]);
  return { outcome: 'accepted', seq, reason: null };
}

export async function applyCallbackOp(tx: HubSql, device: Device, callbackId: string, op: CallbackOpWire, seq: number): Promise<Outcome> {
  if (op.type === 'create') {
    const state: CallbackStateWire = {
      callbackId,
      centre: device.centre,
      deviceId: device.id,
      callId: op.callId,
      consentAt: op.consentAt,
      language: op.language,
      windowStart: op.windowStart,
      windowEnd: op.windowEnd,
      dueAt: op.dueAt,
      createdAt: op.createdAt,
      createdBy: op.createdBy,
      status: 'pending',
      failedAttempts: 0,
      closedAt: null,
      holder: op.holder ? { ...op.holder, centre: device.centre, deviceId: device.id } : null,
      holderRev: op.holder ? 1 : 0,
      attempts: [],
      number: op.number,
      // Sent again by a resync after its number was erased (number null): the withdrawal or
      // erase order replayed after it says when and why.
      numberErasedAt: null,
      numberErasedReason: null,
      context: op.context,
      followUp: null,
    };
    // Scheduled once; the same callback sent again (restored backup, replayed outbox) changes nothing.
    const rows = await tx.query(`INSERT INTO hub_items (kind, id, seq, payload, device_id) VALUES ('callback', $1, $2, $3, $4) ON CONFLICT (kind, id) DO NOTHING RETURNING seq`, [callbackId, seq, JSON.stringify(state), device.id]);
    return rows.length ? { outcome: 'accepted', seq, reason: null } : { outcome: 'accepted', seq: null, reason: 'already on the hub' };
  }

  const state = await load(tx, callbackId);
  if (!state) return refused({ code: 'unknown' });
  switch (op.type) {
    case 'take': {
      if (state.status !== 'pending') return refused({ code: 'closed' });
      const same = op.holder && state.holder && state.holder.deviceId === device.id && state.holder.profileId === op.holder.profileId;
      if (same) return { outcome: 'accepted', seq: null, reason: 'already held' };
      if (op.expectRev !== state.holderRev) {
        // Someone else's take (or give-back) got here first: the winner stays.
        return refused(state.holder ? { code: 'taken', name: state.holder.name, centre: state.holder.centre, at: state.holder.at } : { code: 'taken' });
      }
      state.holder = op.holder ? { ...op.holder, centre: device.centre, deviceId: device.id } : null;
      state.holderRev += 1;
      return save(tx, state, seq);
    }
    case 'attempt': {
      if (state.attempts.some((a) => a.uid === op.uid)) return { outcome: 'accepted', seq: null, reason: 'already on the hub' };
      state.attempts.push({ uid: op.uid, result: op.result, at: op.at, by: op.by, centre: device.centre, deviceId: device.id });
      state.attempts.sort((a, b) => a.at.localeCompare(b.at));
      // An attempt made after someone else closed it is kept (nothing of anyone's is lost) but
      // does not reopen or re-close the callback.
      if (state.status === 'pending') {
        if (op.result !== 'reached') state.failedAttempts += 1;
        state.status = op.status;
        state.dueAt = op.dueAt;
        if (op.status !== 'pending') state.closedAt = op.at;
      }
      return save(tx, state, seq);
    }
    case 'snooze': {
      if (state.status !== 'pending') return refused({ code: 'closed' });
      state.dueAt = op.dueAt;
      return save(tx, state, seq);
    }
    case 'withdraw': {
      if (state.status === 'pending') {
        state.status = 'withdrawn';
        state.closedAt = op.at;
      }
      eraseNumber(state, op.at, 'consent_withdrawn');
      return save(tx, state, seq);
    }
    case 'eraseNumber': {
      if (!state.number && state.numberErasedAt) return { outcome: 'accepted', seq: null, reason: 'already erased' };
      eraseNumber(state, op.at, op.reason);
      return save(tx, state, seq);
    }
    case 'followUp': {
      state.followUp = { ...op.followUp, centre: device.centre };
      return save(tx, state, seq);
    }
  }
}

/** The ciphertext of the number leaves the hub's row (docs/federation.md: what backups keep). */
function eraseNumber(state: CallbackStateWire, at: string, reason: 'retention' | 'consent_withdrawn'): void {
  if (!state.number && state.numberErasedAt) return;
  state.number = null;
  state.numberErasedAt = at;
  state.numberErasedReason = reason;
}
