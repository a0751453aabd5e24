import { afterSignIn, afterSignOut, audit, auditActorOf, newSecretHash, signInWithSecret } from '../access/accessSession.ts';
import { dayStart, nextDayStart } from '../domain/brusselsTime.ts';
import { type CallRow, callsRepository } from '../calls/callsRepository.ts';
import { callSummary, callView, canReopen, timerOf } from '../calls/callViews.ts';
import { findInStoreText } from '../guard/outgoingText.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import { computeTimer } from '../calls/timer.ts';
import type { callsContract, CallStatus } from '../contract/callsContract.ts';
import { type CallRecordDraft, isRecordComplete } from '../contract/callSchemas.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import { AppError, type ErrorIssue } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';
import { signedIn as signedInAs } from './signedIn.ts';
import type { Actor, HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';
import { repeatCaller } from '../sync/repeatCallers.ts';

// Profiles, the shift and the calls. Logs carry operation names and counts only, never
// note text, names or pseudonyms.

const signedIn = (c: HandlerContext): Actor => signedInAs(c, 'calls.signInFirst');

function repoOf(s: Services) {
  return callsRepository(s.store.database());
}

function findCall(s: Services, callId: string): CallRow {
  const row = repoOf(s).get(callId);
  if (!row) throw new AppError('NotFound', 'calls.notFound');
  return row;
}

/** A call the signed-in profile may change: its own, and not closed. */
function ownCall(s: Services, c: HandlerContext, callId: string, want?: CallStatus): CallRow {
  const me = signedIn(c);
  const row = findCall(s, callId);
  if (row.profile_id !== me.profileId) throw new AppError('Forbidden', 'calls.notYours', { responder: row.responder_name });
  if (row.status === 'closed' && want !== 'closed') throw new AppError('Conflict', 'calls.closedReopen');
  if (want === 'active' && row.status !== 'active') throw new AppError('Conflict', 'calls.alreadyEnded');
  return row;
}

function changed(s: Services, callId: string, status: CallStatus): void {
  s.emit('calls.changed', { callId, status });
}

function checkThemes(s: Services, record: CallRecordDraft): void {
  const known = directoryRepository(s.store.database()).themeCodes();
  const issues: ErrorIssue[] = (record.themes ?? []).flatMap((code, i) => (known.has(code) ? [] : [{ path: `record.themes.${i}`, message: `unknown theme ${code}` }]));
  if (issues.length) throw new AppError('InvalidInput', 'calls.unknownTheme', {}, issues);
}

/** Identifying data left in the call's free text, as issues a person can act on. */
function identifyingIssues(s: Services, callId: string): ErrorIssue[] {
  const repo = repoOf(s);
  const record = repo.record(callId);
  const issues: ErrorIssue[] = [];
  const db = s.store.database();
  for (const n of repo.notes(callId)) for (const f of findInStoreText(db, n.text)) issues.push({ path: `notes.${n.seq}`, message: f.kind });
  for (const [field, text] of [['pseudonym', record.pseudonym], ['knowThat', record.knowThat], ['unmetNeed', record.unmetNeed], ['languageOther', record.languageOther], ['heardFromOther', record.heardFromOther]] as const) {
    if (text) for (const f of findInStoreText(db, text)) issues.push({ path: `record.${field}`, message: f.kind });
  }
  return issues;
}

export const callsHandlers: HandlerMap<typeof callsContract> = {
  'profiles.list': (_input, s) => ({ profiles: profilesRepository(s.store.database()).list() }),
  'profiles.create': (input, s, c) => {
    const profile = profilesRepository(s.store.database()).create(input, s.clock.now(), newSecretHash(s, input.pin), 'profiles.existsPick');
    // Supervisors only (router): the audit names the supervisor who made it.
    audit(s, 'profile.create', { targetProfileId: profile.id, role: 'responder' }, auditActorOf(c.actor));
    s.log.info('profiles.created', {});
    return profile;
  },
  'profiles.signIn': ({ profileId, secret, newPin }, s) => {
    const current = s.session.profileId;
    if (current && current !== profileId && repoOf(s).activeOf(current)) {
      throw new AppError('Conflict', 'calls.inProgressSignIn');
    }
    // The PIN (responders) or passphrase (supervisors), with the growing delay after wrong ones (issue 8).
    signInWithSecret(s, profileId, secret, newPin);
    const profile = profilesRepository(s.store.database()).markSignedIn(profileId, s.clock.now());
    s.session.profileId = profile.id;
    s.session.role = profile.role;
    s.log.info('profiles.signed_in', { role: profile.role });
    afterSignIn(s);
    return profile;
  },
  'profiles.signOut': (_input, s) => {
    const current = s.session.profileId;
    if (current && repoOf(s).activeOf(current)) throw new AppError('Conflict', 'calls.inProgressSignOut');
    const who = current ? profilesRepository(s.store.database()).get(current) : null;
    s.session.profileId = null;
    s.session.role = null;
    s.log.info('profiles.signed_out', {});
    afterSignOut(s, { profileId: current, actor: who?.displayName ?? 'unknown', role: who?.role ?? null });
    return { signedOut: true as const };
  },
  'profiles.current': (_input, s) => {
    const id = s.session.profileId;
    return { profile: id ? profilesRepository(s.store.database()).get(id) : null };
  },

  'calls.start': (_input, s, c) => {
    const me = signedIn(c);
    const repo = repoOf(s);
    const now = s.clock.now();
    if (repo.activeOf(me.profileId)) throw new AppError('Conflict', 'calls.alreadyInProgress');
    const id = repo.start(me.profileId, now);
    s.log.info('calls.started', {});
    changed(s, id, 'active');
    return callView(repo, findCall(s, id), me.profileId, now);
  },
  'calls.clock': (_input, s) => ({ now: s.clock.now().toISOString(), flows: s.clock.onMove === undefined }),
  'calls.current': (_input, s, c) => {
    const me = signedIn(c);
    const repo = repoOf(s);
    const row = repo.activeOf(me.profileId);
    return { call: row ? { id: row.id, timer: timerOf(repo, row, s.clock.now()), lastActivityAt: row.last_activity_at } : null };
  },
  'calls.get': ({ callId }, s, c) => {
    const me = signedIn(c);
    const row = findCall(s, callId);
    // Reading is audited where it matters (issue 12): another responder's call record, by id only.
    if (row.profile_id !== me.profileId) audit(s, 'call.read_other', { callId }, auditActorOf(me));
    return callView(repoOf(s), row, me.profileId, s.clock.now());
  },
  'calls.pause': ({ callId }, s, c) => {
    const row = ownCall(s, c, callId, 'active');
    const repo = repoOf(s);
    const now = s.clock.now();
    repo.pause(callId, now);
    changed(s, callId, 'active');
    return timerOf(repo, row, now);
  },
  'calls.resume': ({ callId }, s, c) => {
    const row = ownCall(s, c, callId, 'active');
    const repo = repoOf(s);
    const now = s.clock.now();
    repo.resume(callId, now);
    changed(s, callId, 'active');
    return timerOf(repo, row, now);
  },
  'calls.end': ({ callId, at }, s, c) => {
    const me = signedIn(c);
    const row = ownCall(s, c, callId, 'active');
    const repo = repoOf(s);
    const now = s.clock.now();
    // A call interrupted by a crash may end when its last entry was written, not hours later.
    const endAt = at === 'lastActivity' ? new Date(Math.min(now.getTime(), Math.max(new Date(row.last_activity_at).getTime(), new Date(row.started_at).getTime()))) : now;
    const timer = computeTimer({ startedAt: row.started_at, endedAt: null, holds: repo.holds(callId) }, endAt);
    repo.end(callId, endAt, timer.elapsedMs, now);
    s.log.info('calls.ended', { at });
    changed(s, callId, 'ended');
    return callView(repo, findCall(s, callId), me.profileId, now);
  },
  'calls.addNote': ({ callId, text }, s, c) => {
    const row = ownCall(s, c, callId);
    const repo = repoOf(s);
    const now = s.clock.now();
    return repo.addNote(callId, text, timerOf(repo, row, now).elapsedMs, now);
  },
  'calls.updateNote': ({ callId, noteId, text }, s, c) => {
    ownCall(s, c, callId);
    return repoOf(s).updateNote(callId, noteId, text, s.clock.now());
  },
  'calls.deleteNote': ({ callId, noteId }, s, c) => {
    ownCall(s, c, callId);
    repoOf(s).deleteNote(callId, noteId, s.clock.now());
    return { deleted: true as const };
  },
  'calls.saveRecord': ({ callId, record }, s, c) => {
    ownCall(s, c, callId);
    checkThemes(s, record);
    const now = s.clock.now();
    repoOf(s).saveRecord(callId, record, now);
    return { savedAt: now.toISOString(), complete: isRecordComplete({ themes: record.themes ?? [], interventions: record.interventions ?? [], noRequest: record.noRequest }) };
  },
  'calls.addReferral': ({ callId, serviceId, serviceName }, s, c) => {
    ownCall(s, c, callId);
    const r = repoOf(s).addReferral(callId, serviceId, serviceName, s.clock.now());
    if (r.added) s.log.info('calls.referral_added', { count: r.count });
    return r;
  },
  'calls.close': ({ callId, record, keepFlagged }, s, c) => {
    const me = signedIn(c);
    const row = ownCall(s, c, callId);
    const repo = repoOf(s);
    const now = s.clock.now();
    if (row.status === 'active') throw new AppError('Conflict', 'calls.endBeforeClosing');
    // The record is saved first: a refused close never loses what was typed.
    if (record) {
      checkThemes(s, record);
      repo.saveRecord(callId, record, now);
    }
    const stored = repo.record(callId);
    const missing: ErrorIssue[] = [];
    if (!stored.noRequest) {
      if (!stored.themes.length) missing.push({ path: 'record.themes', message: 'choose at least one theme' });
      if (!stored.interventions.length) missing.push({ path: 'record.interventions', message: 'choose at least one intervention' });
    }
    stored.referrals.forEach((r, i) => {
      if (r.contacted && !r.consent) missing.push({ path: `record.referrals.${i}.consent`, message: "the caller's oral consent is needed before phoning a service on their behalf" });
    });
    if (missing.length) throw new AppError('InvalidInput', 'calls.recordIncomplete', {}, missing);
    if (!keepFlagged) {
      const flagged = identifyingIssues(s, callId);
      if (flagged.length) {
        throw new AppError('Conflict', 'calls.identifyingLeft', { flagged: flagged.length }, flagged);
      }
    }
    repo.close(callId, now);
    s.log.info('calls.closed', { keepFlagged });
    changed(s, callId, 'closed');
    return callView(repo, findCall(s, callId), me.profileId, now);
  },
  'calls.closeWithoutRequest': ({ callId, kind, lookedFor, keepFlagged }, s, c) => {
    const me = signedIn(c);
    const row = ownCall(s, c, callId);
    const repo = repoOf(s);
    const now = s.clock.now();
    if (!keepFlagged) {
      const flagged = identifyingIssues(s, callId);
      if (flagged.length) {
        throw new AppError('Conflict', 'calls.identifyingLeft', { flagged: flagged.length }, flagged);
      }
    }
    const run = s.store.database().transaction(() => {
      if (row.status === 'active') {
        const timer = computeTimer({ startedAt: row.started_at, endedAt: null, holds: repo.holds(callId) }, now);
        repo.end(callId, now, timer.elapsedMs, now);
      }
      repo.setNoRequest(callId, kind, lookedFor ?? null, now);
      repo.close(callId, now);
    });
    run();
    s.log.info('calls.closed_without_request', { kind });
    changed(s, callId, 'closed');
    return callView(repo, findCall(s, callId), me.profileId, now);
  },
  'calls.reopen': ({ callId }, s, c) => {
    const me = signedIn(c);
    const row = ownCall(s, c, callId, 'closed');
    const repo = repoOf(s);
    const now = s.clock.now();
    if (row.status !== 'closed') throw new AppError('Conflict', 'calls.notClosed');
    if (!canReopen(row, me.profileId, now)) throw new AppError('Forbidden', 'calls.reopenShiftOnly');
    repo.reopen(callId, now);
    s.log.info('calls.reopened', {});
    changed(s, callId, 'ended');
    return callView(repo, findCall(s, callId), me.profileId, now);
  },
  'calls.list': (input, s, c) => {
    const me = signedIn(c);
    const now = s.clock.now();
    const { rows, total } = repoOf(s).list({
      fromIso: input.from ? dayStart(input.from).toISOString() : undefined,
      toIso: input.to ? nextDayStart(input.to).toISOString() : undefined,
      theme: input.theme,
      profileId: input.profileId,
      commune: input.commune,
      q: input.q || undefined,
      toFinishOf: input.view === 'toFinish' ? me.profileId : undefined,
      limit: input.limit,
      offset: input.offset,
    });
    return { calls: rows.map((r) => callSummary(r, me.profileId, now)), total };
  },
  'calls.repeatCaller': (input, s, c) => {
    signedIn(c);
    return repeatCaller(s.store.database(), input.pseudonym, input.callId ?? null);
  },
};
