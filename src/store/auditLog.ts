import type { Db } from './openDatabase.ts';

// The append-only audit log (migration 006): who did what, when. The detail holds counts,
// formats, flags and ids of profiles: never call content, callers' names or phone numbers
// (AUDIT_DETAIL_KEYS is the whole vocabulary; anything else is dropped before writing).

export const AUDIT_ACTIONS = [
  'session.sign_in',
  'session.sign_out',
  'session.lock',
  'session.unlock',
  'session.unlock_failed',
  'profile.first_supervisor',
  'profile.create',
  'profile.disable',
  'profile.enable',
  'profile.reset_secret',
  'profile.set_pin',
  'profile.role',
  'export.report',
  'export.directory',
  'export.audit',
  'directory.import',
  'directory.lexicon',
  'directory.service_create',
  'directory.service_edit',
  'directory.service_verify',
  'directory.service_status',
  'profile.right',
  'purge.apply',
  'retention.update',
  'backup.create',
  'backup.restore',
  'hub.join',
  'hub.invite',
  'hub.revoke_device',
  'hub.leave',
  'guard.override',
  /** Someone opened a call record of another responder (issue 12): the call id, never its content. */
  'call.read_other',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const AUDIT_DETAIL_KEYS = new Set(['format', 'public', 'from', 'to', 'kind', 'count', 'steps', 'reason', 'targetProfileId', 'targetName', 'role', 'cause', 'notesRetentionMonths', 'callbackNumberRetentionDays', 'added', 'updated', 'removed', 'version', 'attempts', 'source', 'bytes', 'centre', 'callId', 'serviceId', 'fields', 'status', 'note', 'right', 'granted']);

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditActor {
  profileId: string | null;
  /** A display name, or `relais-admin`, `system` (the hourly purge). */
  actor: string;
  role: 'responder' | 'supervisor' | null;
}

/** IT's administration CLI: it holds the store passphrase, not a profile. */
export const CLI_ACTOR: AuditActor = { profileId: null, actor: 'relais-admin', role: null };
/** Work the app does by itself (daily and on-quit backups, the hourly purge). */
export const SYSTEM_ACTOR: AuditActor = { profileId: null, actor: 'system', role: null };

export interface AuditEntry extends AuditActor {
  id: number;
  at: string;
  action: AuditAction;
  detail: AuditDetail;
}

function clean(detail: AuditDetail): AuditDetail {
  const out: AuditDetail = {};
  for (const [k, v] of Object.entries(detail)) {
    if (!AUDIT_DETAIL_KEYS.has(k)) continue;
    out[k] = typeof v === 'string' ? v.slice(0, 120) : v;
  }
  return out;
}

export function writeAudit(db: Db, now: Date, who: AuditActor, action: AuditAction, detail: AuditDetail = {}): void {
  db.prepare('INSERT INTO audit_log (at, profile_id, actor, role, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    now.toISOString(),
    who.profileId,
    who.actor.slice(0, 200) || 'unknown',
    who.role,
    action,
    JSON.stringify(clean(detail)),
  );
}

interface Row {
  id: number;
  at: string;
  profile_id: string | null;
  actor: string;
  role: 'responder' | 'supervisor' | null;
  action: AuditAction;
  detail: string;
}

/** The newest entry's id (0 when the log is empty): tells whether anything was appended since. */
// Asked twice per operation by the audit announcer (app/auditAnnouncer.ts): prepared once per
// database, not per call (preparing costs ~35 times the read itself).
const lastIdStatements = new WeakMap<Db, { get(): unknown }>();

export function lastAuditId(db: Db): number {
  let statement = lastIdStatements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck();
    lastIdStatements.set(db, statement);
  }
  return statement.get() as number;
}

export function listAudit(db: Db, q: { from?: string | undefined; to?: string | undefined; action?: string | undefined; limit: number; beforeId?: number | undefined }): { entries: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, key: string, value: unknown) => {
    where.push(sql);
    params[key] = value;
  };
  if (q.from) add('at >= @from', 'from', q.from);
  if (q.to) add('at < @to', 'to', q.to);
  if (q.action) add('action = @action', 'action', q.action);
  const total = db.prepare(`SELECT count(*) FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(params) as number;
  if (q.beforeId) add('id < @beforeId', 'beforeId', q.beforeId);
  const rows = db.prepare(`SELECT id, at, profile_id, actor, role, action, detail FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`).all({ ...params, limit: q.limit }) as Row[];
  return {
    total,
    entries: rows.map((r) => ({ id: r.id, at: r.at, profileId: r.profile_id, actor: r.actor, role: r.role, action: r.action, detail: JSON.parse(r.detail) as AuditDetail })),
  };
}

/** CSV (UTF-8 BOM, `;`), formula-looking cells neutralised; no call content exists to leak. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = ['at;actor;role;action;detail'];
  for (const e of entries) lines.push([e.at, e.actor, e.role ?? '', e.action, JSON.stringify(e.detail)].map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
