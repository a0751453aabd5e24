import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessStatus } from '../../../src/contract/accessContract.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** The locked session: only the same profile's PIN opens it again; wrong ones delay the next try (main's clock). */
export function LockScreen({ status, onDone }: { status: AccessStatus; onDone: (s: AccessStatus) => void }) {
  const { t } = useTranslation('access');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setError(null);
    const r = await invoke('access.unlock', { secret });
    setBusy(false);
    setSecret('');
    if (r.ok) return onDone(r.value);
    const s = await invoke('access.status', {});
    const st = s.ok ? s.value : null;
    if (r.error.code === 'TooManyAttempts' && st?.retryAt) {
      setMessage(t('lock.wait', { seconds: Math.ceil((Date.parse(st.retryAt) - Date.parse(st.now)) / 1000) }));
    } else if (r.error.code === 'Forbidden') {
      setMessage(t('lock.wrong', { count: st?.failedAttempts ?? 1 }));
    } else setError(r.error);
  };
  return (
    <main className="gate-card" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('lock.title')}</h2>
      <p>{t('lock.intro', { name: status.profile?.displayName ?? '' })}</p>
      {status.lockReason && <p className="hint">{t(`lock.reason.${status.lockReason}`)}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('lock.pin')}</span>
          <input type="password" autoComplete="off" autoFocus value={secret} maxLength={256} onChange={(e) => setSecret(e.target.value)} />
        </label>
        {message && (
          <p className="error" role="alert" data-testid="lock-message">
            {message}
          </p>
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy || secret.length === 0}>
          {busy ? t('lock.working') : t('lock.submit')}
        </button>
      </form>
    </main>
  );
}
