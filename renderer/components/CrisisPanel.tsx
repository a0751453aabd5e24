import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../data/useOperation.ts';
import { DemoBanner } from '../screens/directory/DemoBanner.tsx';
import { languageNames, openingHoursInWords, type WordsLang } from '../i18n/words.ts';

// The crisis panel (issue 16): the emergency and listening lines, one key away from anywhere
// (Alt+U, listed in F1), mid-call too. The entries are the directory's services flagged
// `crisis`, so the federation's directory keeps the numbers current; without any, the panel
// says how to add one.

export function CrisisPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const crisis = useOperation('directory.crisisLines', {});
  const lines = crisis.data?.lines ?? null;
  const failed = crisis.isError;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const lang = i18n.language;
  return (
    <dialog ref={ref} className="crisis" aria-labelledby="crisis-title" onClose={onClose} onCancel={onClose}>
      <h2 id="crisis-title">{t('crisis.title')}</h2>
      {failed ? (
        <p className="notice">{t('crisis.signIn')}</p>
      ) : lines === null ? (
        <p aria-busy="true">{t('crisis.loading')}</p>
      ) : lines.length === 0 ? (
        <p className="notice" data-testid="crisis-empty">{t('crisis.empty')}</p>
      ) : (
        <ul className="crisis-lines" data-testid="crisis-lines">
          {lines.map((l) => (
            <li key={l.id}>
              <DemoBanner serviceId={l.id} />
              <p className="crisis-number">
                <strong>{l.phone}</strong> <span>{l.name}</span>
              </p>
              {l.description && <p>{l.description}</p>}
              <p className="hint">
                {t('crisis.hours', { hours: l.hours === '24/7' ? t('crisis.allDay') : l.hours ? openingHoursInWords(l.hours, lang as WordsLang) : t('crisis.noHours') })}
                {l.languages.length > 0 && ` · ${languageNames(l.languages, lang as WordsLang)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="primary" onClick={onClose} autoFocus>
        {t('help.close')}
      </button>
    </dialog>
  );
}
