import crypto from 'node:crypto';
import { accessStatus, afterSignIn, audit, lockSession, needsFirstSupervisor, newSecretHash, noteActivity, unlockSession } from '../access/accessSession.ts';
import { auditCsv, listAudit } from '../store/auditLog.ts';
import { readNotesRetentionMonths, writeNotesRetentionMonths } from '../access/retentionSettings.ts';
import { readCallbackSettings } from '../callbacks/callbackSettings.ts';
import type { accessContract } from '../contract/accessContract.ts';
import { dayOf } from '../domain/brusselsTime.ts';
import { AppError } from '../errors.ts';
import { runPurge } from '../retention/purge.ts';
import { assertNotLastSupervisor } from '../reports/supervisorRole.ts';
import type { HandlerMap } from './handlerMap.ts';
import type { Services } from '../services/services.ts';

// Access (issue 8): first supervisor, lock/unlock, profile management, audit log, retention.

interface AdminRow {
  id: string;
  display_name: string;
  centre: string;
  role: 'responder' | 'supervisor';
  pin_hash: string | null;
  active: number;
  directory_maintainer: number;
  failed_attempts: number;
  created_at: string;
  last_signed_in_at: string | null;
}

const ADMIN_COLS = 'id, display_name, centre, role, pin_hash, active, failed_attempts, created_at, last_signed_in_at, directory_maintainer';

function adminView(r: AdminRow) {
  return {
    id: r.id,
    displayName: r.display_name,
    centre: r.centre,
    role: r.role,
    hasPin: r.pin_hash !== null,
    maintainer: r.directory_maintainer === 1,
    active: r.active === 1,
    failedAttempts: r.failed_attempts,
    createdAt: r.created_at,
    lastSignedInAt: r.last_signed_in_at,
  };
}

function adminGet(s: Services, id: string) {
  const row = s.store.database().prepare(`SELECT ${ADMIN_COLS} FROM profiles WHERE id = ?`).get(id) as AdminRow | undefined;
  if (!row) throw new AppError('NotFound', 'profiles.notFound');
  return row;
}

function clean(v: string): string {
  return v.trim().replace(/\s+/g, ' ');
}

function insertProfile(s: Services, input: { displayName: string; centre: string }, role: 'responder' | 'supervisor', secret: string): string {
  const db = s.store.database();
  const displayName = clean(input.displayName);
  const centre = clean(input.centre);
  if (db.prepare('SELECT 1 FROM profiles WHERE display_name = ? COLLATE NOCASE AND centre = ? COLLATE NOCASE').pluck().get(displayName, centre)) {
    throw new AppError('Conflict', 'profiles.exists', { name: displayName, centre }, [{ path: 'displayName', message: 'already exists for this centre' }]);
  }
  const id = crypto.randomUUID();
  db.prepare('INSERT INTO profiles (id, display_name, centre, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, displayName, centre, role, newSecretHash(s, secret), s.clock.now().toISOString());
  return id;
}

function retention(s: Services) {
  const db = s.store.database();
  const p = s.config.values.purge;
  return {
    notesRetentionMonths: readNotesRetentionMonths(db, p.notesRetentionMonths),
    notesRetentionMaxMonths: p.notesRetentionMonths,
    callbackNumberRetentionDays: readCallbackSettings(db, p.callbackNumberRetentionDays).numberRetentionDays,
    callbackNumberRetentionMaxDays: p.callbackNumberRetentionDays,
  };
}

function me(s: Services): { profileId: string | null; actor: string; role: 'responder' | 'supervisor' | null } {
  const id = s.session.profileId;
  const name = id ? (s.store.database().prepare('SELECT display_name FROM profiles WHERE id = ?').pluck().get(id) as string | undefined) : undefined;
  return { profileId: id, actor: name ?? 'unknown', role: s.session.role };
}

export const accessHandlers: HandlerMap<typeof accessContract> = {
  'access.status': (_i, s) => accessStatus(s),
  'access.createFirstSupervisor': (input, s) => {
    s.store.database();
    if (!needsFirstSupervisor(s)) throw new AppError('Conflict', 'access.supervisorExists');
    const id = insertProfile(s, input, 'supervisor', input.passphrase);
    s.session.profileId = id;
    s.session.role = 'supervisor';
    s.store.database().prepare('UPDATE profiles SET last_signed_in_at = ? WHERE id = ?').run(s.clock.now().toISOString(), id);
    audit(s, 'profile.first_supervisor', { targetProfileId: id, role: 'supervisor' });
    s.log.info('profiles.first_supervisor', {});
    afterSignIn(s);
    return accessStatus(s);
  },
  'access.lock': (_i, s) => {
    if (!s.session.profileId) throw new AppError('Conflict', 'access.noOneSignedIn');
    return lockSession(s, 'manual');
  },
  'access.unlock': ({ secret }, s) => {
    s.store.database();
    return unlockSession(s, secret);
  },
  'access.activity': (_i, s) => ({ lockAt: noteActivity(s).toISOString() }),

  'profiles.admin.list': (_i, s) => ({
    profiles: (s.store.database().prepare(`SELECT ${ADMIN_COLS} FROM profiles ORDER BY active DESC, display_name COLLATE NOCASE`).all() as AdminRow[]).map(adminView),
  }),
  'profiles.admin.create': (input, s) => {
    const id = insertProfile(s, input, 'responder', input.pin);
    audit(s, 'profile.create', { targetProfileId: id, role: 'responder' });
    s.log.info('profiles.created', { role: 'responder' });
    return adminView(adminGet(s, id));
  },
  'profiles.admin.setActive': ({ profileId, active }, s) => {
    if (profileId === s.session.profileId) throw new AppError('Conflict', 'access.cannotDisableSelf');
    adminGet(s, profileId);
    if (!active) assertNotLastSupervisor(s.store.database(), profileId, 'disable');
    s.store.database().prepare('UPDATE profiles SET active = ?, disabled_at = ? WHERE id = ?').run(active ? 1 : 0, active ? null : s.clock.now().toISOString(), profileId);
    audit(s, active ? 'profile.enable' : 'profile.disable', { targetProfileId: profileId });
    return adminView(adminGet(s, profileId));
  },
  'profiles.admin.resetPin': ({ profileId, pin }, s) => {
    const row = adminGet(s, profileId);
    if (row.role !== 'responder') throw new AppError('Conflict', 'access.pinOnlyResponder');
    s.store.database().prepare('UPDATE profiles SET pin_hash = ?, failed_attempts = 0, last_failed_at = NULL WHERE id = ?').run(newSecretHash(s, pin), profileId);
    audit(s, 'profile.reset_secret', { targetProfileId: profileId });
    return adminView(adminGet(s, profileId));
  },

  'audit.list': (input, s) => listAudit(s.store.database(), input),
  'audit.exportCsv': (input, s) => {
    const { entries } = listAudit(s.store.database(), { ...input, limit: 1_000_000 });
    const csv = auditCsv(entries.slice().reverse());
    audit(s, 'export.audit', { format: 'csv', count: entries.length, from: input.from ?? null, to: input.to ?? null });
    return { fileName: `relais-audit-${dayOf(s.clock.now())}.csv`, csv, rows: entries.length };
  },

  'retention.get': (_i, s) => retention(s),
  'retention.update': ({ notesRetentionMonths }, s) => {
    const max = s.config.values.purge.notesRetentionMonths;
    if (notesRetentionMonths > max) throw new AppError('InvalidInput', 'access.retentionCeiling', { max }, [{ path: 'notesRetentionMonths', message: `at most ${max}` }]);
    writeNotesRetentionMonths(s.store.database(), notesRetentionMonths, max, s.clock.now());
    audit(s, 'retention.update', { notesRetentionMonths });
    return retention(s);
  },
  'retention.preview': (_i, s) => runPurge(s.store.database(), s.clock.now(), { steps: s.purgeSteps, dryRun: true, policy: s.config.values.purge }),
  'retention.apply': (_i, s) => runPurge(s.store.database(), s.clock.now(), { steps: s.purgeSteps, log: s.log, policy: s.config.values.purge, actor: me(s) }),
};
