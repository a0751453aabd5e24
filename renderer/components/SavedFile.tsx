import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../src/contract/savedFile.ts';
import type { ErrorPayload } from '../../src/errors.ts';
import { OperationError } from '../bridge.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

// Every export button of the app: main saves the file itself (its save dialog) and answers where
// it went; the window says so — "Enregistré dans …", or that the save was cancelled — or why it
// failed. One export at a time per group of buttons.

export interface FileExport {
  /** Which export is running (the caller's key), or null. */
  busy: string | null;
  /** Runs one export: `save` asks main (an export operation) and resolves with its answer. */
  run(key: string, save: () => Promise<SavedFile>): Promise<void>;
  /** What the last export did: the notice, or the error. */
  outcome: React.ReactNode;
}

export function useFileExport(): FileExport {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const run = useCallback(async (key: string, save: () => Promise<SavedFile>) => {
    setBusy(key);
    setSaved(null);
    setError(null);
    try {
      setSaved(await save());
    } catch (e) {
      setError(e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) });
    } finally {
      setBusy(null);
    }
  }, []);
  const outcome = (
    <div aria-live="polite" className="saved-file">
      {busy && <p className="muted">{t('savedFile.saving')}</p>}
      {saved &&
        (saved.savedTo ? (
          <p className="notice" data-saved-to={saved.savedTo}>
            {t('savedFile.savedTo', { path: saved.savedTo })}
          </p>
        ) : (
          <p className="muted" data-save-cancelled={saved.fileName}>
            {t('savedFile.cancelled', { file: saved.fileName })}
          </p>
        ))}
      <ErrorMessage error={error} />
    </div>
  );
  return { busy, run, outcome };
}
