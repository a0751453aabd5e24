import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shortcut } from '../shortcuts.ts';

export function HelpOverlay({ shortcuts, onClose }: { shortcuts: readonly Shortcut[]; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="help" aria-labelledby="help-title" onClose={onClose} onCancel={onClose}>
      <h2 id="help-title">{t('help.title')}</h2>
      <table>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys}>
              <td><kbd>{s.keys}</kbd></td>
              <td>{t(s.labelKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" onClick={onClose} autoFocus>
        {t('help.close')}
      </button>
    </dialog>
  );
}
