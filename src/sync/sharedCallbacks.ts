import crypto from 'node:crypto';
import type { CallbackShare, FollowUpInput } from '../callbacks/callbackShare.ts';
import { type AttemptResult, type CallbackStatus, callbacksRepository } from '../callbacks/callbacksRepository.ts';
import { readCallSummary, type CallSummary } from '../callbacks/callSummary.ts';
import { callLink } from '../callbacks/callLink.ts';
import { savePulledFollowUp } from '../callbacks/followUps.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import { serviceKind } from '../reports/serviceKinds.ts';
import type { Db } from '../store/openDatabase.ts';
import type { HubLink } from './hubLinkRepository.ts';
import { type LineKey, openTextWithLineKey, sealWithLineKey } from './lineKey.ts';
import type { CallbackOpWire, CallbackStateWire, ChangeWire, PushResult } from './wire.ts';

// The workstation's side of shared callbacks (issue 15):
// - callbackShare: what callback actions write to the outbox (one operation per change, in the
//   action's transaction); a new callback is sealed only when it is pushed, from the row as it
//   stands then;
// - applyPulledCallback: the hub's state of a callback, written here (a callback of another
//   centre is added, with its number and context opened with the line key);
// - takeAnswered: the hub's answer to a take made here (confirmed, or refused with who won).
//
// Sealed: the number (`callback:<id>:number`) and the context (`callback:<id>:context`: reason,
// "pour qui rappellera", pseudonym and the call's summary). The associated data bind each
// ciphertext to its callback and field: a value moved elsewhere does not open.

export interface CallbackContext {
  reason: string;
  forNext: string | null;
  call: CallSummary | null;
}

export const aadOf = (callbackId: string, field: 'number' | 'context') => `callback:${callbackId}:${field}`;

type QueuedCreate = { type: 'create'; replay?: true };

function enqueue(db: Db, callbackId: string, op: CallbackOpWire | QueuedCreate, at: string): void {
  db.prepare(`INSERT INTO sync_outbox (change_id, kind, entity_id, payload, created_at) VALUES (?, 'callback', ?, ?, ?)`).run(crypto.randomUUID(), callbackId, JSON.stringify(op), at);
}

/** The outbox side of callback actions, or null when this PC is not joined to a hub. */
export function callbackShare(db: Db): CallbackShare | null {
  if (!db.prepare('SELECT 1 FROM hub_link').get()) return null;
  const now = () => new Date().toISOString();
  return {
    created(row) {
      callbacksRepository(db).markShared(row.id, row.assigneeProfileId ? 1 : 0);
      enqueue(db, row.id, { type: 'create' }, row.createdAt);
    },
    took(row, holder) {
      enqueue(db, row.id, { type: 'take', holder, expectRev: row.holderRev }, holder?.at ?? now());
    },
    attempted(row, a) {
      if (row.shared !== 1) return;
      enqueue(db, row.id, { type: 'attempt', uid: a.uid, result: a.result, at: a.at, by: a.by, status: row.status, dueAt: row.dueAt }, a.at);
    },
    snoozed(row) {
      if (row.shared === 1) enqueue(db, row.id, { type: 'snooze', dueAt: row.dueAt }, row.updatedAt);
    },
    withdrew(row, at) {
      if (row.shared === 1) enqueue(db, row.id, { type: 'withdraw', at }, at);
    },
    followedUp(row, f) {
      if (row.shared !== 1) return;
      const summary = row.callId ? readCallSummary(db, row.callId) : row.callSummary ? (JSON.parse(row.callSummary) as CallSummary) : null;
      const firstTheme = summary?.themes[0] ?? null;
      const names = new Map((summary?.referrals ?? []).map((r) => [r.serviceId, r.serviceName]));
      const followUp = {
        callId: row.callId ?? row.originCallId ?? row.id,
        recordedAt: f.recordedAt,
        by: f.by,
        referrals: f.referrals.map((r) => ({ serviceId: r.serviceId, kind: serviceKind(r.serviceId, names.get(r.serviceId) ?? '', firstTheme), help: r.help })),
        newRequest: f.newRequest,
        anotherCallback: f.anotherCallback,
      };
      enqueue(db, row.id, { type: 'followUp', followUp }, f.recordedAt);
    },
  };
}

/** Queues for the hub every open callback of this PC not shared yet (joining a hub); returns how many. */
export function shareOpenCallbacks(db: Db): number {
  const rows = db.prepare(`SELECT id, created_at AS createdAt, assignee_profile_id AS assignee FROM callbacks WHERE origin = 'local' AND shared = 0 AND status = 'pending' AND phone_e164 IS NOT NULL ORDER BY created_at`).all() as Array<{ id: string; createdAt: string; assignee: string | null }>;
  const repo = callbacksRepository(db);
  for (const r of rows) {
    repo.markShared(r.id, r.assignee ? 1 : 0);
    enqueue(db, r.id, { type: 'create' }, r.createdAt);
  }
  return rows.length;
}

/**
 * `relais-admin hub resync` (issue 15): this PC's part of every shared callback goes to the outbox
 * again, as operations the hub applies idempotently — a hub restored from an older dump gets back
 * what it lost, an up-to-date hub changes nothing (the cursor then goes back to 0 and the pull
 * brings this PC up to the hub's state, e.g. after its own restore from an old backup):
 * - a callback scheduled here: created again (the hub keeps the first; without its number when
 *   the number was already erased here, so its metadata and follow-up still count);
 * - attempts made here (each by its id: never twice), the last one carrying the state it led to;
 * - this PC's follow-up; a withdrawal; the number's erasure;
 * - the holder, when someone here holds it and the take is confirmed: a take naming the revision
 *   before this PC's, so a hub that lost it accepts it and a hub where someone took it since
 *   refuses it (nothing changes here: only a provisional take learns from a refusal).
 * Operations not yet acknowledged are still in the outbox and are not queued twice.
 */
export function queueCallbackReplay(db: Db): number {
  const rows = db
    .prepare(
      `SELECT id, origin, status, due_at AS dueAt, created_at AS createdAt, closed_at AS closedAt, phone_e164 AS phone, number_deleted_at AS erasedAt, number_deleted_reason AS erasedReason,
         assignee_profile_id AS assignee, held_at AS heldAt, holder_rev AS holderRev, take_state AS takeState
       FROM callbacks WHERE shared = 1 ORDER BY created_at, id`,
    )
    .all() as Array<{ id: string; origin: 'local' | 'hub'; status: CallbackStatus; dueAt: string; createdAt: string; closedAt: string | null; phone: string | null; erasedAt: string | null; erasedReason: 'retention' | 'consent_withdrawn' | null; assignee: string | null; heldAt: string | null; holderRev: number; takeState: string | null }>;
  const attemptsOf = db.prepare(`SELECT uid, result, at, by_profile_id AS byId FROM callback_attempts WHERE callback_id = ? AND by_name IS NULL ORDER BY at, id`);
  const nameOf = profilesRepository(db).displayName;
  const followUpOf = db.prepare(`SELECT recorded_at AS recordedAt, by_name AS by, referrals, new_request AS newRequest, another_callback AS anotherCallback FROM callback_follow_ups WHERE callback_id = ? AND origin = 'local'`);
  const queuedOps = db.prepare(`SELECT DISTINCT json_extract(payload, '$.type') FROM sync_outbox WHERE kind = 'callback' AND entity_id = ?`).pluck();
  const share = callbackShare(db);
  let queued = 0;
  for (const r of rows) {
    const pending = new Set(queuedOps.all(r.id) as string[]);
    const add = (op: CallbackOpWire | QueuedCreate, at: string) => {
      if (pending.has(op.type)) return;
      enqueue(db, r.id, op, at);
      queued++;
    };
    if (r.origin === 'local') add({ type: 'create', replay: true }, r.createdAt);
    const holder = r.takeState !== 'provisional' && r.takeState !== 'refused' ? nameOf(r.assignee) : null;
    if (r.assignee && holder && r.holderRev > 0) add({ type: 'take', holder: { profileId: r.assignee, name: holder, at: r.heldAt ?? r.createdAt }, expectRev: r.holderRev - 1 }, r.heldAt ?? r.createdAt);
    const attempts = (attemptsOf.all(r.id) as Array<{ uid: string; result: AttemptResult; at: string; byId: string | null }>).map(({ byId, ...a }) => ({ ...a, by: nameOf(byId) }));
    attempts.forEach((a, i) => {
      const last = i === attempts.length - 1;
      // Only the last attempt closes it (if it is closed here); earlier ones left it pending.
      const status = last && r.status !== 'withdrawn' ? r.status : 'pending';
      // Always: the hub keeps each attempt once, by its id.
      enqueue(db, r.id, { type: 'attempt', uid: a.uid, result: a.result, at: a.at, by: a.by, status, dueAt: r.dueAt }, a.at);
      queued++;
    });
    const f = followUpOf.get(r.id) as { recordedAt: string; by: string | null; referrals: string; newRequest: number; anotherCallback: number } | undefined;
    const row = f && share && !pending.has('followUp') ? callbacksRepository(db).get(r.id) : null;
    if (f && share && row) {
      share.followedUp(row, { recordedAt: f.recordedAt, by: f.by, referrals: JSON.parse(f.referrals) as FollowUpInput['referrals'], newRequest: f.newRequest === 1, anotherCallback: f.anotherCallback === 1 });
      queued++;
    }
    if (r.status === 'withdrawn') add({ type: 'withdraw', at: r.closedAt ?? r.createdAt }, r.closedAt ?? r.createdAt);
    if (!r.phone && r.erasedAt && r.erasedReason) add({ type: 'eraseNumber', at: r.erasedAt, reason: r.erasedReason }, r.erasedAt);
  }
  return queued;
}

interface CallbackRowDb {
  id: string;
  call_id: string | null;
  phone_e164: string | null;
  consent_at: string;
  language: string;
  reason: string;
  window_start: string;
  window_end: string | null;
  due_at: string;
  created_at: string;
  for_next: string | null;
  assignee_profile_id: string | null;
  held_at: string | null;
  created_by_profile_id: string | null;
}

/** The wire change of a queued callback operation, built at push time; null when nothing is left to send. */
export function callbackChange(db: Db, link: HubLink, changeId: string, callbackId: string, payload: string): ChangeWire | null {
  const op = JSON.parse(payload) as CallbackOpWire | QueuedCreate;
  if (op.type !== 'create') return { id: changeId, kind: 'callback', callbackId, op };
  const row = db.prepare('SELECT * FROM callbacks WHERE id = ?').get(callbackId) as CallbackRowDb | undefined;
  // Gone (its call purged) or its number already erased before it ever left: nothing to share —
  // except when replayed (resync) for a hub that may have lost it: its metadata goes again.
  const replay = 'replay' in op && op.replay === true;
  if (!row || !row.call_id || (!row.phone_e164 && !replay)) return null;
  const nameOf = profilesRepository(db).displayName;
  const holderName = nameOf(row.assignee_profile_id);
  const context: CallbackContext = { reason: row.reason, forNext: row.for_next, call: readCallSummary(db, row.call_id) };
  return {
    id: changeId,
    kind: 'callback',
    callbackId,
    op: {
      type: 'create',
      callId: row.call_id,
      consentAt: row.consent_at,
      language: row.language,
      windowStart: row.window_start,
      windowEnd: row.window_end,
      dueAt: row.due_at,
      createdAt: row.created_at,
      createdBy: nameOf(row.created_by_profile_id),
      holder: row.assignee_profile_id && holderName ? { profileId: row.assignee_profile_id, name: holderName, at: row.held_at ?? row.created_at } : null,
      number: row.phone_e164 ? sealWithLineKey(link.lineKey, row.phone_e164, aadOf(callbackId, 'number')) : null,
      context: sealWithLineKey(link.lineKey, JSON.stringify(context), aadOf(callbackId, 'context')),
    },
  };
}

/** The hub's answer to a take made here: confirmed, or refused with who holds it since when; true when it was a take. */
export function takeAnswered(db: Db, callbackId: string, payload: string, result: PushResult): boolean {
  const op = JSON.parse(payload) as CallbackOpWire | QueuedCreate;
  if (op.type !== 'take' || !op.holder) return false;
  // Only a take still provisional here learns from the answer (the repository checks it).
  if (result.outcome === 'accepted') {
    callbacksRepository(db).answerTake(callbackId, { confirmed: true });
    return true;
  }
  // Refused: the winner's name and centre come with the next pull; the note keeps them for the message.
  callbacksRepository(db).answerTake(callbackId, { confirmed: false, note: result.reason && result.reason.startsWith('{') ? result.reason : JSON.stringify({ code: 'taken' }) });
  return true;
}

export type PulledCallbackOutcome = 'added' | 'updated' | 'unreadable' | 'skipped';

function open(keys: LineKey, sealed: string, aad: string): string | null {
  try {
    return openTextWithLineKey(keys, sealed, aad);
  } catch {
    return null;
  }
}

/**
 * Writes the hub's state of a callback here, inside the pull's transaction. A callback of
 * another centre is added with its number and context opened with the line key; one that does
 * not open (another line's key, tampered) is left out and counted, never half-written.
 */
export function applyPulledCallback(db: Db, link: HubLink, s: CallbackStateWire, nowIso: string): PulledCallbackOutcome {
  const local = db.prepare('SELECT origin, call_id, phone_e164, status, take_state, due_at FROM callbacks WHERE id = ?').get(s.callbackId) as
    | { origin: 'local' | 'hub'; call_id: string | null; phone_e164: string | null; status: string; take_state: string | null; due_at: string }
    | undefined;
  const mine = s.holder && s.holder.deviceId === link.deviceId && profilesRepository(db).get(s.holder.profileId) ? s.holder.profileId : null;
  const holderCols = {
    assignee: mine,
    holderName: s.holder && !mine ? s.holder.name : null,
    holderCentre: s.holder && !mine ? s.holder.centre : null,
    heldAt: s.holder?.at ?? null,
  };
  const repo = callbacksRepository(db);
  let outcome: PulledCallbackOutcome;
  if (!local) {
    // Scheduled here yet not here: this store was restored from a backup older than the
    // callback. It comes back as the hub knows it (nothing lost), beside the other centres' ones.
    // Closed and past the hub's retention (its sealed values purged): nothing left to make or show here.
    if (!s.context) return 'skipped';
    const number = s.number ? open(link.lineKey, s.number, aadOf(s.callbackId, 'number')) : null;
    const contextText = open(link.lineKey, s.context, aadOf(s.callbackId, 'context'));
    if (!contextText || (s.number && !number) || (s.status === 'pending' && !number)) return 'unreadable';
    const context = JSON.parse(contextText) as CallbackContext;
    repo.insertPulled({
      id: s.callbackId,
      number,
      consentAt: s.consentAt,
      language: s.language,
      reason: context.reason,
      windowStart: s.windowStart,
      windowEnd: s.windowEnd,
      dueAt: s.dueAt,
      status: s.status,
      failed: s.failedAttempts,
      createdAt: s.createdAt,
      now: nowIso,
      closedAt: s.status === 'pending' ? null : (s.closedAt ?? nowIso),
      erasedAt: number ? null : (s.numberErasedAt ?? nowIso),
      erasedReason: number ? null : (s.numberErasedReason ?? 'retention'),
      centre: s.centre,
      callId: s.callId,
      createdBy: s.createdBy,
      summary: context.call ? JSON.stringify(context.call) : null,
      forNext: context.forNext,
      rev: s.holderRev,
      ...holderCols,
    });
    outcome = 'added';
  } else {
    const closing = s.status !== 'pending';
    repo.applyHubState({ id: s.callbackId, status: s.status, failed: s.failedAttempts, dueAt: s.dueAt, closedAt: closing ? (s.closedAt ?? nowIso) : null, rev: s.holderRev, now: nowIso, ...holderCols });
    if (!s.number && local.phone_e164) {
      repo.eraseNumberFromHub(s.callbackId, s.numberErasedAt ?? nowIso, s.numberErasedReason ?? 'retention');
      // The erase came from the hub: the trigger's echo back to the hub is not needed.
      db.prepare(`DELETE FROM sync_outbox WHERE kind = 'callback' AND entity_id = ? AND json_extract(payload, '$.type') = 'eraseNumber'`).run(s.callbackId);
    }
    // The call scheduled here learns how its callback ended, wherever it was made.
    if (local.call_id && closing && local.status === 'pending') {
      callLink(db).setCallbackOutcome(local.call_id, s.status === 'done' ? 'reached' : (s.status as Exclude<typeof s.status, 'pending' | 'done'>), new Date(nowIso));
    }
    outcome = 'updated';
  }
  for (const a of s.attempts) if (a.deviceId !== link.deviceId) repo.addPulledAttempt(s.callbackId, a);
  // A follow-up written here stays as written; one written elsewhere comes with the hub's state.
  if (s.followUp) {
    const summary = db.prepare('SELECT call_id, call_summary FROM callbacks WHERE id = ?').get(s.callbackId) as { call_id: string | null; call_summary: string | null };
    const names = new Map(((summary.call_id ? readCallSummary(db, summary.call_id) : summary.call_summary ? (JSON.parse(summary.call_summary) as CallSummary) : null)?.referrals ?? []).map((r) => [r.serviceId, r.serviceName]));
    savePulledFollowUp(db, s.callbackId, { ...s.followUp, referrals: s.followUp.referrals.map((r) => ({ serviceId: r.serviceId, serviceName: names.get(r.serviceId) ?? r.serviceId, help: r.help })) });
  }
  return outcome;
}
