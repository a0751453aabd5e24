import type { AccessStatus } from '../contract/accessContract.ts';
import { AppError } from '../errors.ts';
import { type ProfileRecord, profilesRepository } from '../profiles/profilesRepository.ts';
import type { Actor } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';
import { type AuditAction, type AuditActor, type AuditDetail, writeAudit } from '../store/auditLog.ts';
import { hashSecret, PIN_SCRYPT, verifySecret } from './secretHash.ts';

// The session on a shared PC, decided in main from the injected clock: sign-in with the
// profile's PIN (responders) or passphrase (supervisors), the lock (idle for N minutes, OS
// screen lock or suspend, by hand) and the growing delay after wrong secrets. A lock never
// ends a call nor loses anything: calls live in the store and their timer is computed from the
// clock; the lock only refuses operations until the same profile's secret is given again.

/** Wrong secrets allowed before the delay starts. */
export const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/** The wait after `failures` wrong secrets in a row: none up to 5, then 30 s doubling, at most 15 min. */
export function attemptDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

const profiles = (s: Services) => profilesRepository(s.store.database());

function retryAtOf(row: Pick<ProfileRecord, 'failedAttempts' | 'lastFailedAt'> | null): Date | null {
  if (!row?.lastFailedAt) return null;
  const wait = attemptDelayMs(row.failedAttempts);
  return wait ? new Date(Date.parse(row.lastFailedAt) + wait) : null;
}

/** The audit log's actor of the profile the router resolved (context.actor); undefined when none is signed in. */
export const auditActorOf = (a: Actor | null): AuditActor | undefined => (a ? { profileId: a.profileId, actor: a.displayName, role: a.role } : undefined);

/**
 * Writes an entry. Handlers name their actor (`auditActorOf(context.actor)`); without one, the
 * session's profile is read: the session's own acts (sign-in, lock, unlock), which also run
 * outside the router (the idle lock, main's OS lock), those that just signed someone in, and the
 * outgoing-text guard's override (a supervisor's, checked on the session like the router does).
 */
export function audit(s: Services, action: AuditAction, detail: AuditDetail = {}, who?: AuditActor): void {
  if (!s.store.isOpen()) return;
  const db = s.store.database();
  let actor = who;
  if (!actor) {
    const id = s.session.profileId;
    const name = id ? profilesRepository(db).displayName(id) : null;
    actor = { profileId: id, actor: name ?? (s.app.shell === 'cli' ? 'relais-admin' : 'unknown'), role: s.session.role };
  }
  writeAudit(db, s.clock.now(), actor, action, detail);
}

export function needsFirstSupervisor(s: Services): boolean {
  if (!s.store.isOpen()) return false;
  return !profiles(s).hasUsableSupervisor();
}

export function idleLockMinutes(s: Services): number {
  return s.config.values.idleLockMinutes;
}

export function accessStatus(s: Services): AccessStatus {
  const now = s.clock.now();
  const id = s.session.profileId;
  const row = id && s.store.isOpen() ? profiles(s).record(id) : null;
  const retryAt = retryAtOf(row);
  return {
    needsFirstSupervisor: needsFirstSupervisor(s),
    profile: row ? { id: row.id, displayName: row.displayName, centre: row.centre, role: row.role } : null,
    locked: Boolean(s.session.locked),
    lockedAt: s.session.lockedAt ?? null,
    lockReason: s.session.lockReason ?? null,
    failedAttempts: row?.failedAttempts ?? 0,
    retryAt: retryAt && retryAt > now ? retryAt.toISOString() : null,
    idleLockMinutes: idleLockMinutes(s),
    now: now.toISOString(),
  };
}

function changed(s: Services): AccessStatus {
  const status = accessStatus(s);
  s.emit('access.changed', status);
  return status;
}

/**
 * Checks a secret against a profile's hash, with the growing delay: during the wait nothing is
 * checked (TooManyAttempts, nothing written); a wrong secret counts one more failure; a right
 * one clears them. Never a lockout: after the wait, the right PIN always opens.
 */
function checkSecret(s: Services, row: ProfileRecord, secret: string): void {
  const now = s.clock.now();
  const retryAt = retryAtOf(row);
  if (retryAt && retryAt > now) {
    const seconds = Math.ceil((retryAt.getTime() - now.getTime()) / 1000);
    throw new AppError('TooManyAttempts', 'access.tooManyAttempts', { seconds }, [{ path: 'retryAt', message: retryAt.toISOString() }]);
  }
  if (!row.secretHash || !verifySecret(secret, row.secretHash)) {
    const failures = row.failedAttempts + 1;
    profiles(s).recordFailedAttempt(row.id, failures, now);
    audit(s, 'session.unlock_failed', { attempts: failures }, { profileId: row.id, actor: row.displayName, role: row.role });
    const wait = attemptDelayMs(failures);
    throw new AppError(
      wait ? 'TooManyAttempts' : 'Forbidden',
      wait ? 'access.wrongPinWait' : 'access.wrongPin',
      wait ? { failures, seconds: Math.ceil(wait / 1000) } : { failures, free: FREE_ATTEMPTS },
      wait ? [{ path: 'retryAt', message: new Date(now.getTime() + wait).toISOString() }] : [{ path: 'secret', message: 'wrong' }],
    );
  }
  if (row.failedAttempts) profiles(s).clearFailedAttempts(row.id);
}

/**
 * Sign-in with the profile's secret. A responder profile made before issue 8 (or by the demo
 * seed) has no PIN: it cannot sign in without one, it chooses it now (`newPin`, once).
 */
export function signInWithSecret(s: Services, profileId: string, secret: string | undefined, newPin?: string): void {
  const row = profiles(s).record(profileId);
  if (!row || !row.active) throw new AppError('NotFound', 'profiles.responderNotFound');
  if (row.secretHash) {
    if (newPin !== undefined) throw new AppError('Conflict', 'access.pinAlreadySet', {}, [{ path: 'newPin', message: 'already set' }]);
    if (secret === undefined) throw new AppError('Forbidden', 'access.pinNeeded', {}, [{ path: 'secret', message: 'required' }]);
    checkSecret(s, row, secret);
  } else if (row.role === 'supervisor') {
    if (!needsFirstSupervisor(s)) throw new AppError('Forbidden', 'access.supervisorNeedsPassphrase');
  } else {
    if (newPin === undefined) throw new AppError('Forbidden', 'access.choosePin', {}, [{ path: 'newPin', message: 'required' }]);
    profiles(s).setSecret(row.id, newSecretHash(s, newPin), { onlyIfUnset: true });
    audit(s, 'profile.set_pin', { targetProfileId: row.id }, { profileId: row.id, actor: row.displayName, role: row.role });
  }
}

export function afterSignIn(s: Services): void {
  s.session.locked = false;
  s.session.lockedAt = null;
  s.session.lockReason = null;
  s.session.lastActivityMs = s.clock.now().getTime();
  audit(s, 'session.sign_in');
  changed(s);
}

export function afterSignOut(s: Services, who: { profileId: string | null; actor: string; role: 'responder' | 'supervisor' | null }): void {
  s.session.locked = false;
  s.session.lockedAt = null;
  s.session.lockReason = null;
  s.session.lastActivityMs = null;
  audit(s, 'session.sign_out', {}, who);
  changed(s);
}

/** Locks the session (idle, OS screen lock or suspend, by hand). Nothing to do when no one is signed in. */
export function lockSession(s: Services, reason: 'idle' | 'os' | 'manual'): AccessStatus {
  if (!s.session.profileId || s.session.locked) return accessStatus(s);
  s.session.locked = true;
  s.session.lockedAt = s.clock.now().toISOString();
  s.session.lockReason = reason;
  audit(s, 'session.lock', { cause: reason });
  s.log.info('session.locked', { reason });
  return changed(s);
}

export function unlockSession(s: Services, secret: string): AccessStatus {
  if (!s.session.locked || !s.session.profileId) throw new AppError('Conflict', 'access.notLocked');
  const row = profiles(s).record(s.session.profileId);
  if (!row) throw new AppError('NotFound', 'access.lockedProfileGone');
  checkSecret(s, row, secret);
  s.session.locked = false;
  s.session.lockedAt = null;
  s.session.lockReason = null;
  s.session.lastActivityMs = s.clock.now().getTime();
  audit(s, 'session.unlock');
  s.log.info('session.unlocked', {});
  return changed(s);
}

export function noteActivity(s: Services): Date {
  const now = s.clock.now().getTime();
  s.session.lastActivityMs = now;
  return new Date(now + idleLockMinutes(s) * 60_000);
}

/** Run by the core's tick: locks a signed-in session idle for the configured minutes. */
export function lockIfIdle(s: Services): boolean {
  // The CLI has no screen to leave unattended: IT runs it with the recovery passphrase.
  if (s.app.shell === 'cli') return false;
  if (!s.session.profileId || s.session.locked) return false;
  const last = s.session.lastActivityMs;
  if (last === null || last === undefined) {
    s.session.lastActivityMs = s.clock.now().getTime();
    return false;
  }
  if (s.clock.now().getTime() - last < idleLockMinutes(s) * 60_000) return false;
  lockSession(s, 'idle');
  return true;
}

export function newSecretHash(s: Services, secret: string): string {
  return hashSecret(secret, s.secretScrypt ?? PIN_SCRYPT);
}
