import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage, useExplain } from '../../components/ErrorMessage.tsx';

type SaveResult = OutputOf<'directory.lexiconSave'>;

// The situation lexicon as maintainers edit it: one "fr: phrase => themes | keywords" per line.
// Nothing is saved while a line is wrong; each wrong line is listed with its number.
export function LexiconPanel() {
  const { t } = useTranslation('directory');
  // Items src/ explains come translated once they carry a reason key (i13 converts the producers).
  const explain = useExplain();
  const [text, setText] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  const [result, setResult] = useState<SaveResult | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void invoke('directory.lexiconGet', {}).then((r) => {
      if (r.ok) {
        setText(r.value.text);
        setEdited(r.value.edited);
      } else setError(r.error);
    });
  }, []);

  const save = async () => {
    if (text === null) return;
    setBusy(true);
    setResult(null);
    const r = await invoke('directory.lexiconSave', { text });
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      if (r.value.saved) setEdited(r.value.entries > 0);
    } else setError(r.error);
  };

  return (
    <section aria-labelledby="lexicon-title" className="panel lexicon">
      <h2 id="lexicon-title">{t('lexicon.title')}</h2>
      <p className="hint">{t('lexicon.intro')}</p>
      <p className="muted">{edited ? t('lexicon.edited') : t('lexicon.default')}</p>
      <ErrorMessage error={error} />
      {text !== null && (
        <>
          <label className="field">
            <span>{t('lexicon.label')}</span>
            <textarea value={text} rows={18} spellCheck={false} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>{t('lexicon.save')}</button>
        </>
      )}
      {result?.saved && <p className="badge ok" role="status">{t('lexicon.saved', { count: result.entries })}</p>}
      {result && !result.saved && (
        <ul className="warnings" role="alert" aria-label={t('lexicon.problems')}>
          {result.problems.map((p) => (
            <li key={p.line}>{t('lexicon.line', { line: p.line })} {explain(p)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
