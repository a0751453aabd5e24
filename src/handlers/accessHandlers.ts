import { accessStatus, afterSignIn, audit, auditActorOf, lockSession, needsFirstSupervisor, newSecretHash, noteActivity, unlockSession } from '../access/accessSession.ts';
import { type AuditActor, auditCsv, listAudit } from '../store/auditLog.ts';
import { readNotesRetentionMonths, writeNotesRetentionMonths } from '../access/retentionSettings.ts';
import { readCallbackSettings } from '../callbacks/callbackSettings.ts';
import type { accessContract } from '../contract/accessContract.ts';
import { dayOf } from '../domain/brusselsTime.ts';
import { AppError } from '../errors.ts';
import { adminView, type ProfileRecord, profilesRepository } from '../profiles/profilesRepository.ts';
import { runPurge } from '../retention/purge.ts';
import { assertNotLastSupervisor } from '../reports/supervisorRole.ts';
import type { HandlerMap } from './handlerMap.ts';
import { saveExport } from './saveExport.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';

// Access (issue 8): first supervisor, lock/unlock, profile management, audit log, retention.

const profiles = (s: Services) => profilesRepository(s.store.database());

function adminGet(s: Services, id: string): ProfileRecord {
  const row = profiles(s).record(id);
  if (!row) throw new AppError('NotFound', 'profiles.notFound');
  return row;
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

function me(c: HandlerContext): AuditActor {
  return auditActorOf(c.actor) ?? { profileId: null, actor: 'unknown', role: null };
}

export const accessHandlers: HandlerMap<typeof accessContract> = {
  'access.status': (_i, s) => accessStatus(s),
  'access.createFirstSupervisor': (input, s) => {
    s.store.database();
    if (!needsFirstSupervisor(s)) throw new AppError('Conflict', 'access.supervisorExists');
    const { id } = profiles(s).create({ displayName: input.displayName, centre: input.centre, role: 'supervisor' }, s.clock.now(), newSecretHash(s, input.passphrase));
    s.session.profileId = id;
    s.session.role = 'supervisor';
    profiles(s).markSignedIn(id, s.clock.now());
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
    profiles: profiles(s).adminList(),
  }),
  'profiles.admin.create': (input, s, c) => {
    const { id } = profiles(s).create({ displayName: input.displayName, centre: input.centre }, s.clock.now(), newSecretHash(s, input.pin));
    audit(s, 'profile.create', { targetProfileId: id, role: 'responder' }, auditActorOf(c.actor));
    s.log.info('profiles.created', { role: 'responder' });
    return adminView(adminGet(s, id));
  },
  'profiles.admin.setActive': ({ profileId, active }, s, c) => {
    if (profileId === s.session.profileId) throw new AppError('Conflict', 'access.cannotDisableSelf');
    adminGet(s, profileId);
    if (!active) assertNotLastSupervisor(s.store.database(), profileId, 'disable');
    profiles(s).setActive(profileId, active, s.clock.now());
    audit(s, active ? 'profile.enable' : 'profile.disable', { targetProfileId: profileId }, auditActorOf(c.actor));
    return adminView(adminGet(s, profileId));
  },
  'profiles.admin.resetPin': ({ profileId, pin }, s, c) => {
    const row = adminGet(s, profileId);
    if (row.role !== 'responder') throw new AppError('Conflict', 'access.pinOnlyResponder');
    profiles(s).setSecret(profileId, newSecretHash(s, pin));
    audit(s, 'profile.reset_secret', { targetProfileId: profileId }, auditActorOf(c.actor));
    return adminView(adminGet(s, profileId));
  },

  'audit.list': (input, s) => listAudit(s.store.database(), input),
  'audit.exportCsv': async (input, s) => {
    const { entries } = listAudit(s.store.database(), { ...input, limit: 1_000_000 });
    const csv = auditCsv(entries.slice().reverse());
    // Saved by main; the router audits a saved export after it (access/auditedOperations.ts).
    const saved = await saveExport(s, { fileName: `relais-audit-${dayOf(s.clock.now())}.csv`, mimeType: 'text/csv;charset=utf-8', bytes: Buffer.from(csv, 'utf8') });
    return { ...saved, rows: entries.length };
  },

  'retention.get': (_i, s) => retention(s),
  'retention.update': ({ notesRetentionMonths }, s, c) => {
    const max = s.config.values.purge.notesRetentionMonths;
    if (notesRetentionMonths > max) throw new AppError('InvalidInput', 'access.retentionCeiling', { max }, [{ path: 'notesRetentionMonths', message: `at most ${max}` }]);
    writeNotesRetentionMonths(s.store.database(), notesRetentionMonths, max, s.clock.now());
    audit(s, 'retention.update', { notesRetentionMonths }, auditActorOf(c.actor));
    return retention(s);
  },
  'retention.preview': (_i, s) => runPurge(s.store.database(), s.clock.now(), { steps: s.purgeSteps, dryRun: true, policy: s.config.values.purge }),
  'retention.apply': (_i, s, c) => runPurge(s.store.database(), s.clock.now(), { steps: s.purgeSteps, log: s.log, policy: s.config.values.purge, actor: me(c) }),
};
