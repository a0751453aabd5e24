import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { hubContract } from '../../../src/contract/hubContract.ts';
import type { InputOf, OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, OperationError } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';
import { refusedInput } from '../../components/refusedInput.ts';
import { syncChipText } from '../../components/SyncChip.tsx';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';

type HubStatus = OutputOf<'hub.status'>;
type Device = OutputOf<'hub.devices'>['devices'][number];
const NO_DEVICES: Device[] = [];

// The contract's own input schemas; the device name may be left empty (main then names the PC).
const joinSchema = z
  .object({ url: z.string(), code: z.string(), deviceName: z.string() })
  .transform((f) => ({ url: f.url, code: f.code, ...(f.deviceName.trim() ? { deviceName: f.deviceName } : {}) }))
  .pipe(hubContract['hub.join'].input);
const inviteSchema = hubContract['hub.invite'].input;

/**
 * Administration → the line's hub (issue 14): join with a code, the sync facts, invite another
 * centre's PC, the devices list with revoke, leave. Supervisors only (the router checks).
 */
export function HubSection() {
  const { t, i18n } = useTranslation('access');
  const lang = i18n.language as UiLang;
  // The same hub.status the sync chip reads (one cache), refreshed by hub.status events.
  const status: HubStatus | null = useOperation('hub.status', {}).data ?? null;
  const devices: Device[] = useOperation('hub.devices', {}, { enabled: status?.joined === true }).data?.devices ?? NO_DEVICES;
  const invalidate = useInvalidate();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const joinForm = useForm<{ url: string; code: string; deviceName: string }, unknown, InputOf<'hub.join'>>({ resolver: zodResolver(joinSchema), defaultValues: { url: '', code: '', deviceName: '' } });
  const inviteForm = useForm<InputOf<'hub.invite'>>({ resolver: zodResolver(inviteSchema), defaultValues: { centre: '' } });
  const refused = (errors: Parameters<typeof refusedInput>[0]) => setError(refusedInput(errors));
  const [invitation, setInvitation] = useState<OutputOf<'hub.invite'> | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async <T,>(f: () => Promise<T>): Promise<T | null> => {
    setError(null);
    setBusy(true);
    try {
      return await f();
    } catch (e) {
      setError(e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) });
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  const reload = useCallback(() => invalidate('hub.status', 'hub.devices'), [invalidate]);

  const join = joinForm.handleSubmit(async (values) => {
    const r = await run(() => call('hub.join', values));
    if (r) {
      joinForm.setValue('code', '');
      await run(() => call('hub.syncNow', {}));
      await reload();
    }
  }, refused);
  const invite = inviteForm.handleSubmit(async (values) => {
    const r = await run(() => call('hub.invite', values));
    if (r) setInvitation(r);
  }, refused);
  const revoke = async (d: Device) => {
    if (!window.confirm(t('hub.revokeConfirm', { name: d.name, centre: d.centre }))) return;
    if (await run(() => call('hub.revokeDevice', { deviceId: d.id }))) await reload();
  };
  const leave = async () => {
    if (!window.confirm(t('hub.leaveConfirm'))) return;
    if (await run(() => call('hub.leave', {}))) await reload();
  };
  const syncNow = async () => {
    await run(() => call('hub.syncNow', {}));
    await reload();
  };

  return (
    <section className="panel" aria-labelledby="admin-hub-title">
      <h3 id="admin-hub-title">{t('hub.title')}</h3>
      <ErrorMessage error={error} />
      {status && !status.joined && (
        <form onSubmit={(e) => void join(e)} aria-label={t('hub.joinForm')}>
          <p className="muted">{t('hub.intro')}</p>
          <label className="field">
            <span>{t('hub.url')}</span>
            <input type="url" required placeholder="https://hub.example.be" {...joinForm.register('url')} />
          </label>
          <label className="field">
            <span>{t('hub.code')}</span>
            <input required autoComplete="off" spellCheck={false} {...joinForm.register('code')} />
          </label>
          <label className="field">
            <span>{t('hub.deviceName')}</span>
            <input maxLength={80} {...joinForm.register('deviceName')} />
          </label>
          <button type="submit" disabled={busy}>
            {t('hub.join')}
          </button>
        </form>
      )}
      {status?.joined && (
        <>
          <dl className="facts">
            <dt>{t('hub.url')}</dt>
            <dd>{status.url}</dd>
            <dt>{t('hub.thisPc')}</dt>
            <dd>
              {status.centre} — {status.deviceName} ({t(`hub.role.${status.role ?? 'member'}`)})
            </dd>
            <dt>{t('hub.sync')}</dt>
            <dd data-testid="hub-sync-facts">{syncChipText(status, Date.now(), (k, o) => String(t(k, { ...o, ns: 'common' })), lang)}</dd>
          </dl>
          <button type="button" onClick={() => void syncNow()} disabled={busy}>
            {t('hub.syncNow')}
          </button>
          <h4>{t('hub.devices')}</h4>
          <table>
            <thead>
              <tr>
                <th>{t('hub.col.centre')}</th>
                <th>{t('hub.col.name')}</th>
                <th>{t('hub.col.lastSync')}</th>
                <th>{t('hub.col.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <td>{d.centre}</td>
                  <td>
                    {d.name}
                    {d.thisDevice ? ` (${t('hub.thisDevice')})` : ''}
                  </td>
                  <td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt, lang) : t('hub.never')}</td>
                  <td>{d.revokedAt ? t('hub.revokedAt', { at: formatDateTime(d.revokedAt, lang) }) : t('hub.active')}</td>
                  <td>
                    {!d.revokedAt && !d.thisDevice && (
                      <button type="button" className="ghost" onClick={() => void revoke(d)}>
                        {t('hub.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form onSubmit={(e) => void invite(e)} aria-label={t('hub.inviteForm')}>
            <label className="field">
              <span>{t('hub.inviteCentre')}</span>
              <input required maxLength={80} {...inviteForm.register('centre')} />
            </label>
            <button type="submit" disabled={busy}>
              {t('hub.invite')}
            </button>
          </form>
          {invitation && (
            <p className="notice" role="status">
              {t('hub.invitation', { centre: invitation.centre, at: formatDateTime(invitation.expiresAt, lang) })} <code data-testid="hub-invitation">{invitation.code}</code>
            </p>
          )}
          <button type="button" className="ghost" onClick={() => void leave()} disabled={busy}>
            {t('hub.leave')}
          </button>
        </>
      )}
    </section>
  );
}
