import { zodResolver } from '@hookform/resolvers/zod';
import { type InputHTMLAttributes, useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accessContract } from '../../../src/contract/accessContract.ts';
import type { InputOf, OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, OperationError } from '../../bridge.ts';
import { useFileExport } from '../../components/SavedFile.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useShift } from '../calls/shift.ts';
import { auditFacts, auditSentence } from './auditSentence.ts';
import { HubSection } from './HubSection.tsx';

type AdminProfile = OutputOf<'profiles.admin.list'>['profiles'][number];
const NO_PROFILES: AdminProfile[] = [];
type AuditEntry = OutputOf<'audit.list'>['entries'][number];
const NO_ENTRIES: AuditEntry[] = [];
type Retention = OutputOf<'retention.get'>;
type PurgeReport = OutputOf<'retention.preview'>;

/** What a supervisor manages (issue 8), through operations main reserves to supervisors. */
export function AdminScreen() {
  const { t } = useTranslation('access');
  const { loaded, profile } = useShift();
  if (!loaded) return null;
  return (
    <div className="admin">
      <div className="screen-header">
        <h2>{t('admin.title')}</h2>
      </div>
      {profile?.role !== 'supervisor' ? (
        <p className="notice">{t('admin.reserved')}</p>
      ) : (
        <>
          <ProfilesSection />
          <RetentionSection />
          <HubSection />
          <AuditSection />
        </>
      )}
    </div>
  );
}

/** Runs an operation, keeping its typed error for display. */
function useRun(): [ErrorPayload | null, <T>(f: () => Promise<T>) => Promise<T | null>] {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const run = useCallback(async <T,>(f: () => Promise<T>): Promise<T | null> => {
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) });
      return null;
    }
  }, []);
  return [error, run];
}

function PinInput({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="password" inputMode="numeric" autoComplete="off" required maxLength={12} {...input} />
    </label>
  );
}

function ProfilesSection() {
  const { t, i18n } = useTranslation('access');
  const lang = i18n.language as UiLang;
  const list = useOperation('profiles.admin.list', {});
  const profiles: AdminProfile[] = list.data?.profiles ?? NO_PROFILES;
  const [actionError, run] = useRun();
  const error = actionError ?? list.error?.payload ?? null;
  const invalidate = useInvalidate();
  const [resetFor, setResetFor] = useState<AdminProfile | null>(null);
  const [status, setStatus] = useState('');
  // The contract's own input schemas: what main would refuse is refused here first (a PIN
  // outside the rule says so in the status line, as main's refusal would).
  const createForm = useForm<InputOf<'profiles.admin.create'>>({
    resolver: zodResolver(accessContract['profiles.admin.create'].input),
    defaultValues: { displayName: '', centre: '', pin: '' },
  });
  const resetForm = useForm<{ pin: string }>({
    resolver: zodResolver(accessContract['profiles.admin.resetPin'].input.pick({ pin: true })),
    defaultValues: { pin: '' },
  });
  const refused = (errors: { displayName?: unknown; centre?: unknown; pin?: unknown }) =>
    setStatus(t(errors.displayName ? 'first.nameRequired' : errors.centre ? 'first.centreRequired' : 'admin.pinRule'));
  // The picker's list and the audit's names read the same profiles: both asked again.
  const reload = () => void invalidate('profiles.admin.list', 'profiles.list');

  const create = createForm.handleSubmit(async (values) => {
    const p = await run(() => call('profiles.admin.create', values));
    if (!p) return;
    createForm.reset();
    setStatus(t('admin.created', { name: p.displayName }));
    reload();
  }, refused);
  const setActive = async (p: AdminProfile, active: boolean) => {
    if (await run(() => call('profiles.admin.setActive', { profileId: p.id, active }))) {
      setStatus(t(active ? 'admin.enabled' : 'admin.disabled', { name: p.displayName }));
      reload();
    }
  };
  // The directory maintainer right (issue 17): a supervisor gives or takes it back; the router checks it and it is audited.
  const setMaintainer = async (p: AdminProfile, maintainer: boolean) => {
    if (await run(() => call('directory.setMaintainer', { profileId: p.id, maintainer }))) {
      setStatus(t(maintainer ? 'admin.maintainerGranted' : 'admin.maintainerWithdrawn', { name: p.displayName }));
      reload();
    }
  };
  const reset = resetForm.handleSubmit(async ({ pin }) => {
    if (!resetFor) return;
    if (await run(() => call('profiles.admin.resetPin', { profileId: resetFor.id, pin }))) {
      setStatus(t('admin.pinReset', { name: resetFor.displayName }));
      setResetFor(null);
      resetForm.reset();
      reload();
    }
  }, refused);

  return (
    <section className="panel" aria-labelledby="admin-profiles-title">
      <h3 id="admin-profiles-title">{t('admin.profiles')}</h3>
      <ErrorMessage error={error} />
      <p role="status" className="muted">
        {status}
      </p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.col.name')}</th>
            <th scope="col">{t('admin.col.role')}</th>
            <th scope="col">{t('admin.col.state')}</th>
            <th scope="col">{t('admin.col.lastSignIn')}</th>
            <th scope="col">{t('admin.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr key={p.id} data-testid="admin-profile">
              <td>
                {p.displayName} <span className="muted">{p.centre}</span>
              </td>
              <td>
                {t(`admin.role.${p.role}`)}
                {p.maintainer && <span className="badge" data-testid="maintainer-badge"> · {t('admin.maintainer')}</span>}
              </td>
              <td>{p.active ? (p.hasPin ? t('admin.state.active') : t('admin.state.noPin')) : t('admin.state.disabled')}</td>
              <td>{p.lastSignedInAt ? formatDateTime(p.lastSignedInAt, lang) : '—'}</td>
              <td>
                <button type="button" onClick={() => void setActive(p, !p.active)}>
                  {t(p.active ? 'admin.disable' : 'admin.enable', { name: p.displayName })}
                </button>{' '}
                {p.role === 'supervisor' && p.active && (
                  <button type="button" onClick={() => void setMaintainer(p, !p.maintainer)}>
                    {t(p.maintainer ? 'admin.withdrawMaintainer' : 'admin.grantMaintainer', { name: p.displayName })}
                  </button>
                )}{' '}
                {p.role === 'responder' && (
                  <button type="button" onClick={() => setResetFor(p)}>
                    {t('admin.resetPin', { name: p.displayName })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetFor && (
        <form onSubmit={(e) => void reset(e)} aria-label={t('admin.resetTitle', { name: resetFor.displayName })}>
          <PinInput label={t('admin.newPin', { name: resetFor.displayName })} {...resetForm.register('pin')} />
          <button type="submit" className="primary">
            {t('admin.resetSubmit')}
          </button>{' '}
          <button type="button" onClick={() => setResetFor(null)}>
            {t('admin.cancel')}
          </button>
        </form>
      )}
      <form onSubmit={(e) => void create(e)} aria-labelledby="admin-new-title">
        <h4 id="admin-new-title">{t('admin.newResponder')}</h4>
        <label className="field">
          <span>{t('admin.name')}</span>
          <input maxLength={80} required autoComplete="off" {...createForm.register('displayName')} />
        </label>
        <label className="field">
          <span>{t('admin.centre')}</span>
          <input maxLength={120} required autoComplete="off" {...createForm.register('centre')} />
        </label>
        <PinInput label={t('admin.pin')} {...createForm.register('pin')} />
        <button type="submit" className="primary">
          {t('admin.create')}
        </button>
      </form>
    </section>
  );
}

function RetentionSection() {
  const { t, i18n } = useTranslation('access');
  const [actionError, run] = useRun();
  const current = useOperation('retention.get', {});
  const error = actionError ?? current.error?.payload ?? null;
  const [saved, setSaved] = useState<Retention | null>(null);
  const retention = saved ?? current.data ?? null;
  const [report, setReport] = useState<PurgeReport | null>(null);
  // The contract's own input schema (a whole number of months, 1 to 120); main has the last word.
  const form = useForm<InputOf<'retention.update'>>({ resolver: zodResolver(accessContract['retention.update'].input) });
  const { reset } = form;
  const months = retention?.notesRetentionMonths;
  useEffect(() => {
    if (months !== undefined) reset({ notesRetentionMonths: months });
  }, [months, reset]);
  const save = form.handleSubmit(async (values) => {
    const r = await run(() => call('retention.update', values));
    if (r) {
      setSaved(r);
      setReport(null);
    }
  });
  const preview = async () => setReport(await run(() => call('retention.preview', {})));
  const apply = async () => setReport(await run(() => call('retention.apply', {})));
  return (
    <section className="panel" aria-labelledby="admin-retention-title">
      <h3 id="admin-retention-title">{t('admin.retention')}</h3>
      <ErrorMessage error={error} />
      {retention && (
        <form onSubmit={(e) => void save(e)}>
          <label className="field">
            <span>{t('admin.notesMonths', { max: retention.notesRetentionMaxMonths })}</span>
            <input type="number" min={1} max={retention.notesRetentionMaxMonths} required {...form.register('notesRetentionMonths', { valueAsNumber: true })} />
          </label>
          <p className="hint">{t('admin.callbackDays', { days: retention.callbackNumberRetentionDays })}</p>
          <button type="submit">{t('admin.saveRetention')}</button>
        </form>
      )}
      <p>
        <button type="button" onClick={() => void preview()}>
          {t('admin.preview')}
        </button>{' '}
        {report?.dryRun && (
          <button type="button" className="primary" onClick={() => void apply()}>
            {t('admin.apply', { count: report.total })}
          </button>
        )}
      </p>
      {report && (
        <div role="status" data-testid="purge-report">
          <p>{t(report.dryRun ? 'admin.previewTotal' : 'admin.appliedTotal', { count: report.total })}</p>
          <ul>
            {report.steps.map((s) => (
              <li key={s.step} data-step={s.step}>
                {/* The step said in the user's language; a step this screen does not know yet still shows its count. */}
                {i18n.exists(`access:admin.purgeStep.${s.step}`, { count: s.count })
                  ? t(`admin.purgeStep.${s.step}`, { count: s.count, months: retention?.notesRetentionMonths ?? '', days: retention?.callbackNumberRetentionDays ?? '' })
                  : t('admin.purgeStep.other', { count: s.count, step: s.step })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function AuditSection() {
  const { t, i18n } = useTranslation('access');
  const lang = i18n.language as UiLang;
  // The log follows what happens (a sign-in on this PC, an action in another section): main's
  // `audit.appended` event refreshes it (invalidation.ts), no polling.
  const log = useOperation('audit.list', { limit: 200 });
  const entries: AuditEntry[] = log.data?.entries ?? NO_ENTRIES;
  const total = log.data?.total ?? 0;
  const error = log.error?.payload ?? null;
  // Target profiles by name: the same cached list the profiles section shows.
  const profiles = useOperation('profiles.admin.list', {}).data?.profiles;
  const names = useMemo<ReadonlyMap<string, string>>(() => new Map((profiles ?? []).map((p) => [p.id, p.displayName])), [profiles]);
  const invalidate = useInvalidate();
  const load = () => void invalidate('audit.list');
  // Main writes the CSV (its save dialog) and audits a saved export; the log shows that entry.
  const exp = useFileExport();
  const exportCsv = () =>
    void exp.run('csv', async () => {
      const saved = await call('audit.exportCsv', {});
      load();
      return saved;
    });
  return (
    <section className="panel" aria-labelledby="admin-audit-title">
      <h3 id="admin-audit-title">{t('admin.audit')}</h3>
      <ErrorMessage error={error} />
      <p className="muted">{t('admin.auditCount', { shown: entries.length, total })} {t('auditLog.follows')}</p>
      <button type="button" disabled={exp.busy !== null} onClick={exportCsv}>
        {t('admin.exportCsv')}
      </button>
      {exp.outcome}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.col.at')}</th>
            <th scope="col">{t('admin.col.actor')}</th>
            <th scope="col">{t('admin.col.action')}</th>
            <th scope="col">{t('admin.col.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td>{formatDateTime(e.at, lang)}</td>
              <td>{e.actor === 'system' ? t('auditLog.system') : e.actor}</td>
              <td data-action={e.action}>{auditSentence(e, t, (k) => i18n.exists(k), names)}</td>
              <td>{auditFacts(e, t, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
