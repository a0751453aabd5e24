import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SUPERVISOR_PASSPHRASE_MIN, type AccessStatus } from '../../../src/contract/accessContract.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

const firstSupervisorSchema = z
  .object({
    displayName: z.string().trim().min(1, 'first.nameRequired').max(80),
    centre: z.string().trim().min(1, 'first.centreRequired').max(120),
    passphrase: z.string().min(SUPERVISOR_PASSPHRASE_MIN, 'first.tooShort').max(256),
    confirm: z.string(),
  })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'first.mismatch' });
type FirstSupervisorValues = z.infer<typeof firstSupervisorSchema>;

/**
 * First run, once the store exists (or an open store without any supervisor): the first
 * supervisor's profile, with a passphrase. They then create responders' profiles and see the
 * audit log; main refuses the operation once a supervisor exists.
 */
export function FirstSupervisorScreen({ onDone }: { onDone: (s: AccessStatus) => void }) {
  const { t } = useTranslation('access');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { register, handleSubmit, formState } = useForm<FirstSupervisorValues>({
    resolver: zodResolver(firstSupervisorSchema),
    defaultValues: { displayName: '', centre: '', passphrase: '', confirm: '' },
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    const r = await invoke('access.createFirstSupervisor', { displayName: values.displayName, centre: values.centre, passphrase: values.passphrase });
    if (r.ok) onDone(r.value);
    else setError(r.error);
  });
  const { errors, isSubmitting } = formState;
  const fieldError = (id: string, message: string | undefined) =>
    message && (
      <p id={id} className="error" role="alert">
        {t(message)}
      </p>
    );
  return (
    <main className="gate-card" aria-labelledby="first-supervisor-title">
      <h2 id="first-supervisor-title">{t('first.title')}</h2>
      <p>{t('first.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('first.name')}</span>
          <input autoComplete="off" autoFocus maxLength={80} aria-invalid={!!errors.displayName} {...register('displayName')} />
        </label>
        {fieldError('first-name-error', errors.displayName?.message)}
        <label className="field">
          <span>{t('first.centre')}</span>
          <input autoComplete="off" maxLength={120} aria-invalid={!!errors.centre} {...register('centre')} />
        </label>
        {fieldError('first-centre-error', errors.centre?.message)}
        <label className="field">
          <span>{t('first.passphrase')}</span>
          <input type="password" autoComplete="new-password" maxLength={256} aria-invalid={!!errors.passphrase} aria-describedby="first-hint" {...register('passphrase')} />
        </label>
        {fieldError('first-passphrase-error', errors.passphrase?.message)}
        <label className="field">
          <span>{t('first.confirm')}</span>
          <input type="password" autoComplete="new-password" maxLength={256} aria-invalid={!!errors.confirm} {...register('confirm')} />
        </label>
        {fieldError('first-confirm-error', errors.confirm?.message)}
        <p id="first-hint" className="hint">{t('first.hint')}</p>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('first.working') : t('first.submit')}
        </button>
      </form>
    </main>
  );
}
