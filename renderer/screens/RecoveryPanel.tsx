import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/index.ts';
import type { StoreStatusView } from '../../src/contract/systemContract.ts';
import type { ErrorPayload } from '../../src/errors.ts';
import { invoke } from '../bridge.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useOperation } from '../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../i18n/i18n.ts';
import { usePushNotice } from '../components/NoticeBar.tsx';

type BackupEntry = OutputOf<'store.listBackups'>['backups'][number];

// The recovery screen's second door: when the store cannot be opened (damaged, key file lost,
// profile reset), restore one of the encrypted backups with the recovery passphrase it was
// made under. The current store is moved aside by main, never deleted.
export function RecoveryPanel({ onDone }: { onDone: (s: StoreStatusView) => void }) {
  const { t, i18n } = useTranslation();
  const backups = useOperation('store.listBackups', {});
  const list = backups.data ?? null;
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const pushNotice = usePushNotice();
  const { register, handleSubmit, formState, reset } = useForm<{ passphrase: string; confirm: boolean }>({ defaultValues: { passphrase: '', confirm: false } });

  const restore = handleSubmit(async ({ passphrase }) => {
    if (!chosen) return;
    setError(null);
    const r = await invoke('store.restoreBackup', { file: chosen.file, passphrase, force: true });
    if (r.ok) {
      // An older backup brings back its own passphrase: say so where the app opens next.
      if (r.value.passphraseChanged) pushNotice({ level: 'warning', message: t('recovery.passphraseChanged') });
      onDone(r.value.status);
    }
    else {
      setError(r.error);
      reset({ passphrase: '', confirm: true });
    }
  });

  const lang = i18n.language as UiLang;
  const usable = list?.backups.filter((b) => b.valid) ?? [];
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h3 id="recovery-title">{t('recovery.title')}</h3>
      <p className="hint">{t('recovery.intro')}</p>
      {list && usable.length === 0 && <p className="muted">{t('recovery.none', { folder: list.folder })}</p>}
      {usable.length > 0 && (
        <ul className="backup-list">
          {usable.map((b) => (
            <li key={b.file}>
              <label>
                <input type="radio" name="backup" checked={chosen?.file === b.file} onChange={() => setChosen(b)} />
                <span>
                  {b.createdAt ? formatDateTime(b.createdAt, lang) : b.name}
                  {b.reason && <span className="muted"> — {t(`recovery.reason.${b.reason}`)}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <form onSubmit={restore} noValidate>
          <label className="field">
            <span>{t('recovery.passphrase')}</span>
            <input type="password" autoComplete="off" {...register('passphrase', { required: true })} />
          </label>
          <label className="check">
            <input type="checkbox" {...register('confirm', { required: true })} />
            <span>{t('recovery.confirm')}</span>
          </label>
          <ErrorMessage error={error} />
          <button type="submit" className="danger" disabled={formState.isSubmitting || !formState.isValid}>
            {formState.isSubmitting ? t('recovery.working') : t('recovery.submit')}
          </button>
        </form>
      )}
      {!chosen && <ErrorMessage error={error ?? backups.error?.payload ?? null} />}
    </section>
  );
}
