import type { CallSummary, CallView } from '../contract/callsContract.ts';
import { type Intervention, isRecordComplete } from '../contract/callSchemas.ts';
import { dayOf } from '../domain/brusselsTime.ts';
import type { CallRow, CallsRepository, SummaryRow } from './callsRepository.ts';
import { computeTimer, type TimerState } from './timer.ts';

// Turns stored rows into what the contract returns. `viewer` is the signed-in profile: it
// decides what they may still change (their own calls, not closed) or reopen (today's).

export function timerOf(repo: CallsRepository, row: CallRow, now: Date): TimerState {
  return computeTimer({ startedAt: row.started_at, endedAt: row.ended_at, holds: repo.holds(row.id) }, now);
}

/** A closed call may be reopened by its responder on the Brussels day it started (the shift). */
export function canReopen(row: { status: string; profile_id: string; started_at: string }, viewer: string | null, now: Date): boolean {
  return row.status === 'closed' && row.profile_id === viewer && dayOf(new Date(row.started_at)) === dayOf(now);
}

export function callView(repo: CallsRepository, row: CallRow, viewer: string | null, now: Date): CallView {
  const record = repo.record(row.id);
  return {
    id: row.id,
    profileId: row.profile_id,
    responderName: row.responder_name,
    centre: row.centre,
    status: row.status,
    timer: timerOf(repo, row, now),
    durationMs: row.duration_ms,
    closedAt: row.closed_at,
    lastActivityAt: row.last_activity_at,
    record,
    complete: isRecordComplete(record),
    notes: repo.notes(row.id),
    canReopen: canReopen(row, viewer, now),
    editable: row.status !== 'closed' && row.profile_id === viewer,
  };
}

export function callSummary(r: SummaryRow, viewer: string | null, now: Date): CallSummary {
  const themes = r.themes ? r.themes.split(',') : [];
  const interventions = (r.interventions ? r.interventions.split(',') : []) as Intervention[];
  return {
    id: r.id,
    profileId: r.profile_id,
    responderName: r.responder_name,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: r.duration_ms,
    themes,
    interventions,
    commune: r.commune,
    callerType: r.caller_type,
    language: r.language,
    pseudonym: r.pseudonym,
    noteCount: r.note_count,
    complete: isRecordComplete({ themes, interventions, noRequest: r.no_request }),
    noRequest: r.no_request,
    debrief: r.debrief === 1,
    excerpt: r.excerpt,
    canReopen: canReopen(r, viewer, now),
  };
}
