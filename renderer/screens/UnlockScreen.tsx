import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StoreStatusView } from '../../src/contract/systemContract.ts';
import type { ErrorPayload } from '../../src/errors.ts';
import { invoke } from '../bridge.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { RecoveryPanel } from './RecoveryPanel.tsx';

export function UnlockScreen({ status, onDone }: { status: StoreStatusView; onDone: (s: StoreStatusView) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorPayload | null>(status.problem);
  const { register, handleSubmit, formState, setFocus, resetField } = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' } });
  const submit = handleSubmit(async ({ passphrase }) => {
    setError(null);
    const r = await invoke('store.unlock', { passphrase });
    if (r.ok) {
      onDone(r.value);
    } else {
      setError(r.error);
      resetField('passphrase');
      setFocus('passphrase');
    }
  });
  return (
    <main className="gate-card" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('unlock.title')}</h2>
      <p>{t('unlock.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('unlock.passphrase')}</span>
          <input type="password" autoComplete="current-password" autoFocus {...register('passphrase', { required: true })} />
        </label>
        <ErrorMessage error={error} />
        {status.keystore.note && <p className="hint">{t('unlock.keystoreNote', { note: status.keystore.note })}</p>}
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('unlock.working') : t('unlock.submit')}
        </button>
      </form>
      <details className="recovery-door">
        <summary>{t('recovery.title')}</summary>
        <RecoveryPanel onDone={onDone} />
      </details>
    </main>
  );
}
