import crypto from 'node:crypto';
import { callLink } from '../callbacks/callLink.ts';
import { callbacksRepository } from '../callbacks/callbacksRepository.ts';
import { callsRepository } from '../calls/callsRepository.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';
import { DEMO_RESPONDERS, type DemoCall, generateDemoCalls } from './demoCalls.ts';
import { addDays, DAY, dayOf } from '../domain/brusselsTime.ts';
import { setProfileRole } from './supervisorRole.ts';

// `relais-admin demo seed`: fills a store with fictitious calls through the call console's and
// the callbacks' repositories (the same writes the app makes), so demos, screenshots and the
// benchmarks run on records exactly like real ones. Writes in batches of one transaction.

const MINUTE = 60_000;
const BATCH = 2_000;

export interface SeedOptions {
  calls: number;
  days: number;
  now: Date;
  seed?: number;
  /** Every demo responder belongs to this centre (one centre's store); default: four centres. */
  centre?: string;
  onProgress?: (written: number, total: number) => void;
}

export interface SeedResult {
  calls: number;
  callbacks: number;
  profiles: number;
  from: string;
  to: string;
}

/** The demo responders (and one supervisor), created once and found again on a second run. */
export function ensureDemoProfiles(db: Db, now: Date, centre?: string): string[] {
  const profiles = profilesRepository(db);
  const existing = profiles.list();
  return DEMO_RESPONDERS.map((demo) => {
    const r = centre ? { ...demo, centre } : demo;
    const found = existing.find((p) => p.displayName === r.displayName && p.centre === r.centre);
    const id = found?.id ?? profiles.create({ displayName: r.displayName, centre: r.centre }, now, null, 'profiles.existsPick').id;
    if (r.role === 'supervisor') setProfileRole(db, id, 'supervisor');
    return id;
  });
}

/** The calls `seedDemoCalls` writes for these options (deterministic). */
export function plannedDemoCalls(opts: Pick<SeedOptions, 'calls' | 'days' | 'now' | 'seed'>): DemoCall[] {
  const today = dayOf(opts.now);
  const generated = generateDemoCalls({ calls: opts.calls, days: opts.days, endDay: today, seed: opts.seed ?? 20200330, now: opts.now });
  // A call that would end after "now" happened the same time a week earlier.
  return generated.map((c) => (Date.parse(c.startedAt) + c.durationMs > opts.now.getTime() ? { ...c, startedAt: new Date(Date.parse(c.startedAt) - 7 * DAY).toISOString() } : c));
}

export function seedDemoCalls(db: Db, opts: SeedOptions): SeedResult {
  const today = dayOf(opts.now);
  const calls = plannedDemoCalls(opts);
  const profileIds = ensureDemoProfiles(db, opts.now, opts.centre);
  const repo = callsRepository(db);
  const callbacks = callbacksRepository(db);
  const link = callLink(db);
  let callbackCount = 0;
  const writeOne = (c: DemoCall) => {
    const profileId = profileIds[c.responder] as string;
    const start = new Date(c.startedAt);
    const end = new Date(start.getTime() + c.durationMs);
    const id = repo.start(profileId, start);
    c.notes.forEach((text, i) => {
      const offset = Math.floor(((i + 1) * c.durationMs) / (c.notes.length + 1));
      repo.addNote(id, text, offset, new Date(start.getTime() + offset));
    });
    repo.saveRecord(
      id,
      {
        callerType: c.callerType,
        language: c.language,
        interpreter: c.interpreter,
        commune: c.commune as never,
        callerHistory: c.callerHistory,
        heardFrom: c.heardFrom as never,
        resolution: c.resolution,
        unmetNeed: c.unmetNeed,
        mayQuote: c.mayQuote,
        themes: c.noRequest ? [] : c.themes,
        interventions: c.noRequest ? [] : c.interventions,
        referrals: (c.noRequest ? [] : c.referrals).map((r) => ({ serviceId: r.serviceId, serviceName: r.serviceName, contacted: r.contacted, consent: r.contacted, outcome: r.outcome })),
        noRequest: c.noRequest,
        socialAidContact: c.socialAidContact,
        barriers: c.barriers,
        debrief: c.debrief,
        debriefReason: c.debrief ? 'Situation à partager en débriefing' : null,
      },
      end,
    );
    repo.end(id, end, c.durationMs, end);
    if (!c.unfinished) repo.close(id, new Date(end.getTime() + 2 * MINUTE));
    if (c.callback) {
      callbackCount++;
      writeCallback(c, id, profileId, end);
    }
  };
  const writeCallback = (c: DemoCall, callId: string, profileId: string, end: Date) => {
    const cb = c.callback!;
    const due = new Date(end.getTime() + cb.dueAfterMinutes * MINUTE);
    const cbId = crypto.randomUUID();
    callbacks.insert({
      id: cbId,
      callId,
      phoneE164: cb.phone,
      consentAt: end.toISOString(),
      language: cb.language,
      reason: 'Vérifier que l\'aide est bien arrivée',
      windowStart: due.toISOString(),
      windowEnd: new Date(due.getTime() + 120 * MINUTE).toISOString(),
      dueAt: due.toISOString(),
      assigneeProfileId: null,
      createdByProfileId: profileId,
      createdAt: end.toISOString(),
    });
    if (cb.status === 'pending') return;
    let at = due.getTime();
    for (let i = 0; i < cb.failedAttempts; i++) {
      callbacks.addAttempt(cbId, 'no_answer', new Date(at).toISOString(), profileId);
      at += 60 * MINUTE;
    }
    if (cb.status === 'done') callbacks.addAttempt(cbId, 'reached', new Date(at).toISOString(), profileId);
    const closedAt = new Date(Math.min(at, opts.now.getTime())).toISOString();
    callbacks.close(cbId, cb.status, cb.failedAttempts, closedAt);
    link.setCallbackOutcome(callId, cb.status === 'done' ? 'reached' : cb.status, new Date(closedAt));
    if (cb.status === 'withdrawn') callbacks.deleteNumber(cbId, 'consent_withdrawn', closedAt);
    else if (Date.parse(closedAt) < opts.now.getTime() - 30 * DAY) callbacks.deleteNumber(cbId, 'retention', opts.now.toISOString());
  };
  const batch = db.transaction((slice: readonly DemoCall[]) => {
    for (const c of slice) writeOne(c);
  });
  for (let i = 0; i < calls.length; i += BATCH) {
    batch(calls.slice(i, i + BATCH));
    opts.onProgress?.(Math.min(calls.length, i + BATCH), calls.length);
  }
  return { calls: calls.length, callbacks: callbackCount, profiles: profileIds.length, from: addDays(today, -(opts.days - 1)), to: today };
}
