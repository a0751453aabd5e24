import { useTranslation } from 'react-i18next';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { type SaveTracker, useSaveState } from './autosave.ts';

/** The discreet autosave indicator: "saved" appears only once main answered that it committed. */
export function SaveIndicator({ tracker }: { tracker: SaveTracker }) {
  const { t, i18n } = useTranslation('calls');
  const { state, savedAt } = useSaveState(tracker);
  const text =
    state === 'saving' || state === 'pending'
      ? t('save.saving')
      : state === 'error'
        ? t('save.error')
        : state === 'saved' && savedAt
          ? t('save.saved', { time: formatDateTime(savedAt, i18n.language as UiLang, { timeStyle: 'medium' }) })
          : t('save.idle');
  return (
    <span className={`save-indicator ${state}`} role="status" data-testid="save-indicator" data-state={state === 'pending' ? 'saving' : state}>
      {text}
    </span>
  );
}
