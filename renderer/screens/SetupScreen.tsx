import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { StoreStatusView } from '../../src/contract/systemContract.ts';
import type { ErrorPayload } from '../../src/errors.ts';
import { invoke } from '../bridge.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

const MIN = 12;
const setupSchema = z
  .object({ passphrase: z.string().min(MIN, 'setup.tooShort').max(1024), confirm: z.string() })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'setup.mismatch' });
type SetupValues = z.infer<typeof setupSchema>;

export function SetupScreen({ onDone }: { onDone: (s: StoreStatusView) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { register, handleSubmit, formState } = useForm<SetupValues>({ resolver: zodResolver(setupSchema), defaultValues: { passphrase: '', confirm: '' } });
  const submit = handleSubmit(async (values) => {
    setError(null);
    const r = await invoke('store.init', { passphrase: values.passphrase });
    if (r.ok) onDone(r.value);
    else setError(r.error);
  });
  const { errors, isSubmitting } = formState;
  return (
    <main className="gate-card" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('setup.passphrase')}</span>
          <input type="password" autoComplete="new-password" autoFocus aria-invalid={!!errors.passphrase} aria-describedby="setup-hint" {...register('passphrase')} />
        </label>
        {errors.passphrase?.message && <p className="error" role="alert">{t(errors.passphrase.message)}</p>}
        <label className="field">
          <span>{t('setup.confirm')}</span>
          <input type="password" autoComplete="new-password" aria-invalid={!!errors.confirm} {...register('confirm')} />
        </label>
        {errors.confirm?.message && <p className="error" role="alert">{t(errors.confirm.message)}</p>}
        <p id="setup-hint" className="hint">{t('setup.hint')}</p>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('setup.working') : t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
