import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../src/contract/index.ts';
import { dayWords, type UiLang } from '../../i18n/i18n.ts';

type AuditEntry = OutputOf<'audit.list'>['entries'][number];

// The audit log read as sentences in the user's language ("Marie Dubois s'est connectée"),
// never its codes (`session.sign_in`) or ids (issue 16, point 10). The CSV export keeps the raw
// rows for whoever audits them.

/** The entry as one sentence; `names` turns a profile id into its display name. */
export function auditSentence(e: AuditEntry, t: TFunction, exists: (key: string) => boolean, names: ReadonlyMap<string, string>): string {
  const actor = e.actor === 'system' ? t('access:auditLog.system') : e.actor;
  const targetId = typeof e.detail.targetProfileId === 'string' ? e.detail.targetProfileId : null;
  const target = typeof e.detail.targetName === 'string' ? e.detail.targetName : (targetId && names.get(targetId)) || t('access:auditLog.someone');
  const key = `access:auditLog.action.${e.action}`;
  return exists(key) ? t(key, { actor, target }) : t('access:auditLog.action.other', { actor, action: e.action });
}

/** The facts of an entry worth reading (counts, period, format); ids and codes stay in the CSV. */
export function auditFacts(e: AuditEntry, t: TFunction, lang: UiLang): string {
  const d = e.detail;
  const facts: string[] = [];
  if (typeof d.format === 'string') facts.push(d.format.toUpperCase());
  if (d.public === true) facts.push(t('access:auditLog.public'));
  if (typeof d.from === 'string' && typeof d.to === 'string') facts.push(t('access:auditLog.period', { from: dayWords(d.from, lang), to: dayWords(d.to, lang) }));
  for (const k of ['added', 'updated', 'removed', 'count'] as const) if (typeof d[k] === 'number') facts.push(t(`access:auditLog.${k}`, { count: d[k] }));
  if (typeof d.notesRetentionMonths === 'number') facts.push(t('access:auditLog.months', { count: d.notesRetentionMonths }));
  if (typeof d.callbackNumberRetentionDays === 'number') facts.push(t('access:auditLog.days', { count: d.callbackNumberRetentionDays }));
  return facts.join(' · ');
}
