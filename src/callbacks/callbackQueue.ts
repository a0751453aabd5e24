import type { CallbackView } from '../contract/callbacksContract.ts';
import type { CallLink } from './callLink.ts';
import { bucketOf, latenessMs, sortQueue } from './callbackSchedule.ts';
import { type AttemptRow, type CallbackRow, callbacksRepository } from './callbacksRepository.ts';
import type { Db } from '../store/openDatabase.ts';
import { displayPhone } from '../domain/phoneNumber.ts';
import { type CallSummary, readCallSummaries } from './callSummary.ts';

// The queue as the responders see it: due now, overdue (most late first), upcoming, done —
// every open callback whoever holds it (handover: the next shift sees them all), with the
// holder's name. A closed callback no longer shows its number: nobody needs to dial it.

export interface QueueOptions {
  holder: 'all' | 'mine' | 'team';
  doneLimit: number;
  /** At most this many callbacks per open list (due now, overdue, upcoming); `counts` has the totals. */
  limit?: number;
}

export interface QueueView {
  now: string;
  counts: Record<'dueNow' | 'overdue' | 'upcoming' | 'done', number>;
  dueNow: CallbackView[];
  overdue: CallbackView[];
  upcoming: CallbackView[];
  done: CallbackView[];
}

interface ViewContext {
  now: Date;
  summaries: Map<string, CallSummary>;
  me: string | null;
  maxFailedAttempts: number;
  names: Map<string, string>;
  attempts: Map<string, AttemptRow[]>;
}

function takeOf(c: CallbackRow): CallbackView['take'] {
  if (!c.takeState) return null;
  const note = c.takeNote ? (JSON.parse(c.takeNote) as { name?: string; centre?: string; at?: string }) : null;
  // Refused: who won, as the hub said (or as pulled since, when the hub's answer named nobody).
  const by = c.takeState === 'refused' ? (note?.name ? { name: note.name, centre: note.centre ?? null, at: note.at ?? null } : c.holderName ? { name: c.holderName, centre: c.holderCentre, at: c.heldAt } : null) : null;
  return { state: c.takeState, by };
}

function holderOf(c: CallbackRow, v: ViewContext): CallbackView['holder'] {
  if (c.assigneeProfileId) return { profileId: c.assigneeProfileId, name: v.names.get(c.assigneeProfileId) ?? '?' };
  // Held by someone at another centre (shared through the hub): their centre and since when.
  if (c.holderName) return { profileId: null, name: c.holderName, centre: c.holderCentre, at: c.heldAt };
  return null;
}

function toView(c: CallbackRow, v: ViewContext): CallbackView {
  const open = c.status === 'pending';
  const phone = open ? c.phoneE164 : null;
  return {
    id: c.id,
    callId: c.callId,
    origin: c.origin,
    originCentre: c.originCentre,
    shared: c.shared === 1,
    status: c.status,
    bucket: bucketOf(c, v.now),
    phone,
    phoneDisplay: phone ? displayPhone(phone) : null,
    hasNumber: c.phoneE164 !== null,
    language: c.language as CallbackView['language'],
    reason: c.reason,
    windowStart: c.windowStart,
    windowEnd: c.windowEnd,
    dueAt: c.dueAt,
    latenessMs: open ? latenessMs(c, v.now) : 0,
    failedAttempts: c.failedAttempts,
    maxFailedAttempts: v.maxFailedAttempts,
    attempts: (v.attempts.get(c.id) ?? []).map((a) => ({ result: a.result, at: a.at, by: a.byProfileId ? (v.names.get(a.byProfileId) ?? null) : a.byName ? (a.byCentre ? `${a.byName} (${a.byCentre})` : a.byName) : null })),
    holder: holderOf(c, v),
    mine: c.assigneeProfileId !== null && c.assigneeProfileId === v.me,
    take: takeOf(c),
    forNext: c.forNext,
    call: c.callId ? (v.summaries.get(c.callId) ?? null) : c.callSummary ? (JSON.parse(c.callSummary) as CallSummary) : null,
    createdBy: c.createdByProfileId ? (v.names.get(c.createdByProfileId) ?? null) : c.createdByName,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    numberDeletedAt: c.numberDeletedAt,
    numberDeletedReason: c.numberDeletedReason,
  };
}

/** Views of the given rows: one query for their attempts, one lookup per distinct profile. */
export function callbackViews(db: Db, link: CallLink, rows: readonly CallbackRow[], now: Date, me: string | null, maxFailedAttempts: number): CallbackView[] {
  const attempts = callbacksRepository(db).attemptsFor(rows.map((r) => r.id));
  const profileIds = new Set<string>();
  for (const r of rows) {
    if (r.assigneeProfileId) profileIds.add(r.assigneeProfileId);
    if (r.createdByProfileId) profileIds.add(r.createdByProfileId);
  }
  for (const list of attempts.values()) for (const a of list) if (a.byProfileId) profileIds.add(a.byProfileId);
  const summaries = readCallSummaries(db, rows.flatMap((r) => (r.callId ? [r.callId] : [])));
  const ctx: ViewContext = { summaries, now, me, maxFailedAttempts, names: link.profileNames(profileIds), attempts };
  return rows.map((r) => toView(r, ctx));
}

export function buildQueue(db: Db, link: CallLink, opts: QueueOptions, now: Date, me: string | null, maxFailedAttempts: number): QueueView {
  const repo = callbacksRepository(db);
  const keep = (r: CallbackRow) => opts.holder === 'all' || (opts.holder === 'team' ? r.assigneeProfileId === null : r.assigneeProfileId !== null && r.assigneeProfileId === me);
  const open = repo.listOpen().filter(keep);
  const closed = opts.doneLimit > 0 ? repo.listClosed(opts.doneLimit).filter(keep) : [];
  // Sort the rows, then build views (attempts, names, dialling format) only for what is shown:
  // with a thousand upcoming callbacks the screen asks for the first fifty.
  const sorted = sortQueue([...open, ...closed], now);
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const shown = { dueNow: sorted.dueNow.slice(0, limit), overdue: sorted.overdue.slice(0, limit), upcoming: sorted.upcoming.slice(0, limit), done: sorted.done };
  const views = callbackViews(db, link, [...shown.dueNow, ...shown.overdue, ...shown.upcoming, ...shown.done], now, me, maxFailedAttempts);
  let i = 0;
  const take = (n: number) => views.slice(i, (i += n));
  return {
    now: now.toISOString(),
    counts: { dueNow: sorted.dueNow.length, overdue: sorted.overdue.length, upcoming: sorted.upcoming.length, done: sorted.done.length },
    dueNow: take(shown.dueNow.length),
    overdue: take(shown.overdue.length),
    upcoming: take(shown.upcoming.length),
    done: take(shown.done.length),
  };
}
