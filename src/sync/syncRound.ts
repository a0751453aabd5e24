import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';
import { linkClient, requireLink, type SyncDeps } from './hubEnrolment.ts';
import { moveCursor, recordSyncFailure, recordSyncSuccess } from './hubLinkRepository.ts';
import { applyPulledMark, dropPulledMark, readCallerMark } from './callerMarks.ts';
import { applyPulledHandover, readLocalHandover } from './sharedHandover.ts';
import { applyPulledNote, applyPulledServices, readCallFacts, readLocalNote, readLocalService } from './sharedRecords.ts';
import { applyPulledCallback, callbackChange, takeAnswered } from './sharedCallbacks.ts';
import { withSecureDelete } from '../retention/secureDelete.ts';
import { callbackStateWire, type ChangeWire, type PulledItem, type PushResult, pulledCallerMark, pulledHandover, pulledNote, serviceWire } from './wire.ts';
import type { HubLink } from './hubLinkRepository.ts';

// One sync round: push the outbox (oldest first, in batches; a row leaves the outbox only once
// the hub acknowledged its change id), then pull every page after the cursor, each page
// applied with its cursor move in one SQLite transaction. At-least-once end to end: a change
// sent twice (lost answer, restored backup) is acknowledged by the hub and not applied twice.

export const PUSH_BATCH = 200;
export const PULL_PAGE = 1000;

export interface SyncRoundResult {
  pushed: number;
  pulled: number;
  pending: number;
}

interface OutboxRow {
  seq: number;
  change_id: string;
  kind: string;
  entity_id: string;
  payload: string;
}

/** Builds the wire change of an outbox row from the store as it stands; null when there is nothing left to send. */
function changeOf(db: Db, link: HubLink, row: OutboxRow): ChangeWire | null {
  if (row.kind === 'note') {
    const note = readLocalNote(db, row.entity_id);
    return note ? { id: row.change_id, kind: 'note', note } : null;
  }
  if (row.kind === 'callFacts') {
    // Reopened since: its next close writes a new outbox row.
    const facts = readCallFacts(db, row.entity_id);
    return facts ? { id: row.change_id, kind: 'callFacts', callId: row.entity_id, facts } : null;
  }
  if (row.kind === 'callback') return callbackChange(db, link, row.change_id, row.entity_id, row.payload);
  if (row.kind === 'service') {
    const service = readLocalService(db, row.entity_id);
    return service ? { id: row.change_id, kind: 'service', service } : null;
  }
  if (row.kind === 'handover') {
    const handover = readLocalHandover(db, link.lineKey, row.entity_id);
    return handover ? { id: row.change_id, kind: 'handover', handover } : null;
  }
  if (row.kind === 'callerMark') {
    const mark = readCallerMark(db, link.lineKey, row.entity_id);
    return mark ? { id: row.change_id, kind: 'callerMark', mark } : null;
  }
  return null;
}

/** Applies one pulled item to this store (inside the page's transaction); an item of a shape this PC does not expect is skipped. */
function applyItem(db: Db, link: HubLink, item: PulledItem, at: string): void {
  if (item.kind === 'note' && !item.deleted) {
    const note = pulledNote.safeParse(item.payload);
    if (note.success) applyPulledNote(db, note.data);
  } else if (item.kind === 'callback') {
    const state = callbackStateWire.safeParse(item.payload);
    if (state.success) applyPulledCallback(db, link, state.data, at);
  } else if (item.kind === 'handover' && !item.deleted) {
    const note = pulledHandover.safeParse(item.payload);
    if (note.success) applyPulledHandover(db, link.lineKey, note.data, at);
  } else if (item.kind === 'callerMark') {
    if (item.deleted) {
      dropPulledMark(db, item.id);
    } else {
      const mark = pulledCallerMark.safeParse(item.payload);
      if (mark.success) applyPulledMark(db, mark.data, at);
    }
  }
}

export const pendingChanges = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

export async function syncRound(db: Db, now: () => Date, deps: SyncDeps = {}): Promise<SyncRoundResult> {
  const link = requireLink(db);
  const client = linkClient(link, deps);
  let pushed = 0;
  let pulled = 0;
  try {
    for (;;) {
      const rows = db.prepare('SELECT seq, change_id, kind, entity_id, payload FROM sync_outbox ORDER BY seq LIMIT ?').all(PUSH_BATCH) as OutboxRow[];
      if (!rows.length) break;
      const changes: ChangeWire[] = [];
      const obsolete: number[] = [];
      for (const row of rows) {
        const change = changeOf(db, link, row);
        if (change) changes.push(change);
        else obsolete.push(row.seq);
      }
      const acked = new Map<string, PushResult>();
      if (changes.length) {
        for (const r of await client.push(changes)) acked.set(r.id, r);
      }
      const del = db.prepare('DELETE FROM sync_outbox WHERE seq = ?');
      db.transaction(() => {
        for (const seq of obsolete) del.run(seq);
        for (const row of rows) {
          const result = acked.get(row.change_id);
          if (!result) continue;
          // A take made here learns whether it stands (issue 15: the hub referees between centres).
          if (row.kind === 'callback') takeAnswered(db, row.entity_id, row.payload, result);
          del.run(row.seq);
        }
      })();
      pushed += acked.size;
      if (acked.size + obsolete.length < rows.length) throw new AppError('HubRefused', 'hub.notAcknowledged');
    }
    for (;;) {
      const cursor = requireLink(db).cursor;
      const page = await client.pull(cursor, PULL_PAGE);
      // Secure delete: a callback number erased by the hub is overwritten here, not just unlinked.
      const at = now().toISOString();
      withSecureDelete(db, () =>
        db.transaction(() => {
          // Services first: a note about a service new on the line finds it on this page.
          const services = page.items.filter((i) => i.kind === 'service' && !i.deleted).flatMap((i) => {
            const s = serviceWire.safeParse(i.payload);
            return s.success ? [s.data] : [];
          });
          applyPulledServices(db, services, now());
          for (const item of page.items) applyItem(db, link, item, at);
          moveCursor(db, page.next);
        })(),
      );
      pulled += page.items.length;
      if (!page.more) break;
    }
    recordSyncSuccess(db, now().toISOString());
    return { pushed, pulled, pending: pendingChanges(db) };
  } catch (e) {
    recordSyncFailure(db, now().toISOString(), e instanceof Error ? e.message : String(e));
    throw e;
  }
}
