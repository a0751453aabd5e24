import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AccessStatus, accessContract } from '../../../src/contract/accessContract.ts';
import type { InputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** The locked session: only the same profile's PIN opens it again; wrong ones delay the next try (main's clock). */
export function LockScreen({ status, onDone }: { status: AccessStatus; onDone: (s: AccessStatus) => void }) {
  const { t } = useTranslation('access');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  // The contract's own input schema: what main would refuse is refused here first.
  const { register, handleSubmit, reset, watch, formState } = useForm<InputOf<'access.unlock'>>({
    resolver: zodResolver(accessContract['access.unlock'].input),
    defaultValues: { secret: '' },
  });
  const busy = formState.isSubmitting;
  const submit = handleSubmit(async ({ secret }) => {
    setMessage(null);
    setError(null);
    const r = await invoke('access.unlock', { secret });
    reset({ secret: '' });
    if (r.ok) return onDone(r.value);
    const s = await invoke('access.status', {});
    const st = s.ok ? s.value : null;
    if (r.error.code === 'TooManyAttempts' && st?.retryAt) {
      setMessage(t('lock.wait', { seconds: Math.ceil((Date.parse(st.retryAt) - Date.parse(st.now)) / 1000) }));
    } else if (r.error.code === 'Forbidden') {
      setMessage(t('lock.wrong', { count: st?.failedAttempts ?? 1 }));
    } else setError(r.error);
  });
  return (
    <main className="gate-card" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('lock.title')}</h2>
      <p>{t('lock.intro', { name: status.profile?.displayName ?? '' })}</p>
      {status.lockReason && <p className="hint">{t(`lock.reason.${status.lockReason}`)}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('lock.pin')}</span>
          <input type="password" autoComplete="off" autoFocus maxLength={256} {...register('secret')} />
        </label>
        {message && (
          <p className="error" role="alert" data-testid="lock-message">
            {message}
          </p>
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy || watch('secret').length === 0}>
          {busy ? t('lock.working') : t('lock.submit')}
        </button>
      </form>
    </main>
  );
}
