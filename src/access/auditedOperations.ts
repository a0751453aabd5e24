import type { InputOf, OperationName, OutputOf } from '../contract/index.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';
import type { AuditAction, AuditDetail } from '../store/auditLog.ts';
import { audit, auditActorOf } from './accessSession.ts';

// Operations the router records in the audit log after they succeed: the action and a detail
// of formats, flags, periods and counts read from the input and answer — never their content.
// Sign-in/out, lock/unlock, profile changes, purges and restores write their own entries (they
// know more; a restore signs everyone out, so its actor is read before, issue 12).

/** The entry of a successful operation, or null when there is nothing to record (an export whose save was cancelled: nothing left the app). */
type Rule<N extends OperationName> = (input: InputOf<N>, output: OutputOf<N>) => { action: AuditAction; detail: AuditDetail } | null;
type Rules = { [N in OperationName]?: Rule<N> };

/** An export is recorded once main saved it; a cancelled save wrote nothing and records nothing. */
function saved(output: { savedTo: string | null }, entry: { action: AuditAction; detail: AuditDetail }): { action: AuditAction; detail: AuditDetail } | null {
  return output.savedTo === null ? null : entry;
}

export const AUDITED_OPERATIONS: Rules = {
  'reports.export': (i, o) => saved(o, { action: 'export.report', detail: { kind: 'period', format: i.format, public: false, from: i.from, to: i.to } }),
  'reports.exportPublic': (i, o) => saved(o, { action: 'export.report', detail: { kind: 'period', format: i.format, public: true, from: i.from, to: i.to } }),
  'reports.lineExport': (i, o) => saved(o, { action: 'export.report', detail: { kind: 'line', format: i.format, public: i.flavour === 'public', from: i.from, to: i.to } }),
  'audit.exportCsv': (i, o) => saved(o, { action: 'export.audit', detail: { format: 'csv', count: o.rows, from: i.from ?? null, to: i.to ?? null } }),
  'directory.lineImportApply': (_i, o) => ({ action: 'directory.import', detail: { source: 'hub', added: o.counts.added, updated: o.counts.changed, count: o.counts.rejected } }),
  'directory.export': (i, o) => saved(o, { action: 'export.directory', detail: { format: i.format, public: i.public ?? false, count: o.count } }),
  'directory.importApply': (_i, o) => ({ action: 'directory.import', detail: { added: o.counts.added, updated: o.counts.changed, count: o.counts.rejected } }),
  'directory.lexiconSave': (_i, o) => ({ action: 'directory.lexicon', detail: { count: o.entries, cause: o.saved ? 'saved' : 'refused' } }),
  'directory.saveService': (i, o) => ({ action: o.created ? 'directory.service_create' : 'directory.service_edit', detail: { serviceId: i.service.id, fields: o.fields.join(','), count: o.fields.length } }),
  'directory.verify': (i) => ({ action: 'directory.service_verify', detail: { serviceId: i.id, note: Boolean(i.note) } }),
  'directory.setStatus': (i) => ({ action: 'directory.service_status', detail: { serviceId: i.id, status: i.status } }),
  'directory.setMaintainer': (i) => ({ action: 'profile.right', detail: { targetProfileId: i.profileId, right: 'directory_maintainer', granted: i.maintainer } }),
  'feed.apply': () => ({ action: 'directory.import', detail: { source: 'feed' } }),
  'store.backupNow': (_i, o) => ({ action: 'backup.create', detail: { reason: o.reason, bytes: o.bytes } }),
  'hub.join': (i, o) => ({ action: 'hub.join', detail: { role: o.role, source: new URL(i.url).host } }),
  'hub.invite': () => ({ action: 'hub.invite', detail: { kind: 'invitation' } }),
  'hub.revokeDevice': () => ({ action: 'hub.revoke_device', detail: { kind: 'device' } }),
  'hub.leave': (_i, o) => ({ action: 'hub.leave', detail: { count: o.droppedChanges } }),
};

/**
 * Operations whose handler writes its own entry (it knows more than input and answer). Like the
 * ruled ones, each runs with its entry in one transaction. Not `profiles.signIn` nor
 * `access.unlock`: a wrong secret must stay counted (and audited) although the operation fails,
 * which a rolled-back transaction would undo.
 */
export const SELF_AUDITED: ReadonlySet<OperationName> = new Set<OperationName>([
  'access.createFirstSupervisor',
  'access.lock',
  'profiles.admin.create',
  'profiles.create',
  'profiles.admin.setActive',
  'profiles.admin.resetPin',
  'profiles.signOut',
  'retention.update',
]);

/**
 * Audited operations that cannot run inside one SQLite transaction, and why; their entry is
 * written right after their own commit. Exports change nothing but the log (the entry is the
 * only write), and wait on main's save dialog, which no transaction may span. A backup is VACUUM INTO, which SQLite refuses inside a transaction.
 * Inviting a workstation and revoking a device change only the hub (over the network, which no
 * SQLite transaction can hold) and nothing here: their entry follows the hub's answer, alone;
 * a call the hub refused or never answered records nothing. An entry the log then refuses fails
 * the operation (the invitation code is not shown), but the hub's change stays.
 */
export const AUDIT_AFTER_COMMIT: ReadonlySet<OperationName> = new Set<OperationName>([
  'reports.export',
  'reports.exportPublic',
  'reports.lineExport',
  'audit.exportCsv',
  'directory.lineImportApply',
  'directory.export',
  'store.backupNow',
  'hub.invite',
  'hub.revokeDevice',
]);

/**
 * Audited operations that parse off-thread (the import), download (the feed) or talk to the hub
 * (joining, leaving) before their one write: the handler runs that write through
 * context.auditedWrite, whose transaction holds the entry too (the rule gets the write's result:
 * the import's diff; the join's and the leave's answer; the feed's rule reads nothing). When the
 * handler writes nothing (a feed already up to date), the entry follows alone. The hub's side of
 * a join or a leave is done before and cannot be taken back: an entry the log refuses leaves this
 * PC not joined (the hub lists a device its operator can revoke) or still joined (leave again).
 */
export const AUDIT_IN_WRITE: ReadonlySet<OperationName> = new Set<OperationName>(['directory.importApply', 'feed.apply', 'hub.join', 'hub.leave']);

/** Whether the router runs `name` and its audit entry in one transaction. */
export function auditedInTransaction(name: OperationName): boolean {
  return (name in AUDITED_OPERATIONS || SELF_AUDITED.has(name)) && !AUDIT_AFTER_COMMIT.has(name) && !AUDIT_IN_WRITE.has(name);
}

export function auditRuleOf(name: OperationName): Rule<OperationName> | undefined {
  return AUDITED_OPERATIONS[name] as Rule<OperationName> | undefined;
}

/** The router's afterSuccess hook (wired in app/appCore.ts): audits an operation that has a rule. */
export function auditOperation(name: OperationName, input: unknown, value: unknown, services: Services, context: HandlerContext): void {
  const rule = auditRuleOf(name);
  if (!rule) return;
  const entry = rule(input as never, value as never);
  if (!entry) return;
  audit(services, entry.action, entry.detail, auditActorOf(context.actor));
}
