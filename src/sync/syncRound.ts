import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';
import { linkClient, requireLink, type SyncDeps } from './hubEnrolment.ts';
import { moveCursor, recordSyncFailure, recordSyncSuccess, recordUpdateNeeded } from './hubLinkRepository.ts';
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
  applied: PulledCounts;
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

/** How many pulled items of each kind this round applied: screens showing them refresh at once (event `hub.pulled`). */
export interface PulledCounts {
  notes: number;
  services: number;
  callbacks: number;
  handovers: number;
  callerMarks: number;
}

const noneYet = (): PulledCounts => ({ notes: 0, services: 0, callbacks: 0, handovers: 0, callerMarks: 0 });

const SCHEMAS = { note: pulledNote, service: serviceWire, callback: callbackStateWire, handover: pulledHandover, callerMark: pulledCallerMark } as const;
type Understood = { [K in keyof typeof SCHEMAS]: { kind: K; id: string; deleted: boolean; data: z.infer<(typeof SCHEMAS)[K]> | null } }[keyof typeof SCHEMAS];

/**
 * A pulled item as this Relais understands it, or what it does not understand: an unknown
 * kind (a newer hub's), or a known kind whose content has a shape this version does not know.
 * Skipping either would lose data for good (the cursor would move past it), so the pull stops
 * before it instead. Each payload is parsed once, here.
 */
function understand(item: PulledItem): Understood | { notUnderstood: string } {
  if (!Object.hasOwn(SCHEMAS, item.kind)) return { notUnderstood: item.kind };
  const kind = item.kind as keyof typeof SCHEMAS;
  if (item.deleted) return { kind, id: item.id, deleted: true, data: null } as Understood;
  const parsed = SCHEMAS[kind].safeParse(item.payload);
  return parsed.success ? ({ kind, id: item.id, deleted: false, data: parsed.data } as Understood) : { notUnderstood: `${kind} (format)` };
}

/** Applies one understood item to this store (inside the page's transaction). Services are applied before, as a batch. */
function applyItem(db: Db, link: HubLink, item: Understood, at: string, counts: PulledCounts): void {
  if (item.kind === 'note' && item.data) {
    applyPulledNote(db, item.data);
    counts.notes++;
  } else if (item.kind === 'callback' && item.data) {
    applyPulledCallback(db, link, item.data, at);
    counts.callbacks++;
  } else if (item.kind === 'handover' && item.data) {
    applyPulledHandover(db, link.lineKey, item.data, at);
    counts.handovers++;
  } else if (item.kind === 'callerMark') {
    if (item.data) applyPulledMark(db, item.data, at);
    else dropPulledMark(db, item.id);
    counts.callerMarks++;
  }
}

export const pendingChanges = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

export async function syncRound(db: Db, now: () => Date, deps: SyncDeps = {}): Promise<SyncRoundResult> {
  const link = requireLink(db);
  const client = linkClient(link, deps);
  let pushed = 0;
  let pulled = 0;
  const applied = noneYet();
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
          // Its answer shows at once too (counted with the pulled callbacks: event hub.pulled).
          if (row.kind === 'callback' && takeAnswered(db, row.entity_id, row.payload, result)) applied.callbacks++;
          del.run(row.seq);
        }
      })();
      pushed += acked.size;
      if (acked.size + obsolete.length < rows.length) throw new AppError('HubRefused', 'hub.notAcknowledged');
    }
    for (;;) {
      const cursor = requireLink(db).cursor;
      const page = await client.pull(cursor, PULL_PAGE);
      // A change this version does not understand stops the pull just before it: what comes
      // before is applied and the cursor moves up to there, never past it (docs/federation.md).
      const usable: Understood[] = [];
      let stop: string | null = null;
      for (const raw of page.items) {
        const u = understand(raw);
        if ('notUnderstood' in u) {
          stop = u.notUnderstood;
          break;
        }
        usable.push(u);
      }
      const next = stop === null ? page.next : (page.items[usable.length - 1]?.seq ?? cursor);
      // Secure delete: a callback number erased by the hub is overwritten here, not just unlinked.
      const at = now().toISOString();
      withSecureDelete(db, () =>
        db.transaction(() => {
          // Services first: a note about a service new on the line finds it on this page.
          const services = usable.flatMap((i) => (i.kind === 'service' && i.data ? [i.data] : []));
          applyPulledServices(db, services, now());
          applied.services += services.length;
          for (const item of usable) applyItem(db, link, item, at, applied);
          moveCursor(db, next);
        })(),
      );
      pulled += usable.length;
      if (stop !== null) throw new AppError('HubRefused', 'hub.updateRelais', { kind: stop });
      if (!page.more) break;
    }
    recordSyncSuccess(db, now().toISOString());
    return { pushed, pulled, pending: pendingChanges(db), applied };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof AppError && e.reason === 'hub.updateRelais') recordUpdateNeeded(db, now().toISOString(), message, String(e.params?.kind ?? ''));
    else recordSyncFailure(db, now().toISOString(), message);
    // What was applied before the failure still shows at once.
    throw Object.assign(e instanceof Error ? e : new Error(message), { applied });
  }
}
