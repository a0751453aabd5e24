import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryContract } from '../../../src/contract/directoryContract.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage, useExplain } from '../../components/ErrorMessage.tsx';
import { FieldIssue, issueAttributes } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';

type SaveResult = OutputOf<'directory.lexiconSave'>;

// The situation lexicon as maintainers edit it: one "fr: phrase => themes | keywords" per line.
// Nothing is saved while a line is wrong; each wrong line is listed with its number.
export function LexiconPanel() {
  const { t } = useTranslation('directory');
  const lexicon = useOperation('directory.lexiconGet', {});
  return (
    <section aria-labelledby="lexicon-title" className="panel lexicon">
      <h2 id="lexicon-title">{t('lexicon.title')}</h2>
      <p className="hint">{t('lexicon.intro')}</p>
      {lexicon.data && <p className="muted">{lexicon.data.edited ? t('lexicon.edited') : t('lexicon.default')}</p>}
      <ErrorMessage error={lexicon.error?.payload ?? null} />
      {/* The text as it was when the panel opened: a refresh after saving does not overwrite what is typed. */}
      {lexicon.data && <LexiconForm text={lexicon.data.text} />}
    </section>
  );
}

/** The lexicon's text on react-hook-form with the contract's rule (directory.lexiconSave); main reads each line. */
function LexiconForm({ text }: { text: string }) {
  const { t } = useTranslation('directory');
  // Items src/ explains come translated once they carry a reason key (i13 converts the producers).
  const explain = useExplain();
  const invalidate = useInvalidate();
  const [result, setResult] = useState<SaveResult | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { register, handleSubmit, formState } = useContractForm(directoryContract['directory.lexiconSave'].input, { defaultValues: { text } });

  const save = handleSubmit(async (values) => {
    setResult(null);
    const r = await invoke('directory.lexiconSave', values);
    if (r.ok) {
      setResult(r.value);
      // Whether the shipped default applies again (an empty text) or this one.
      if (r.value.saved) await invalidate('directory.lexiconGet');
    } else setError(r.error);
  });

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <ErrorMessage error={error} />
      <label className="field">
        <span>{t('lexicon.label')}</span>
        <textarea rows={18} spellCheck={false} {...issueAttributes(formState.errors.text, 'lexicon-text-err')} {...register('text')} />
        <FieldIssue error={formState.errors.text} id="lexicon-text-err" />
      </label>
      <button type="submit" className="primary" disabled={formState.isSubmitting}>{t('lexicon.save')}</button>
      {result?.saved && <p className="badge ok" role="status">{t('lexicon.saved', { count: result.entries })}</p>}
      {result && !result.saved && (
        <ul className="warnings" role="alert" aria-label={t('lexicon.problems')}>
          {result.problems.map((p) => (
            <li key={p.line}>{t('lexicon.line', { line: p.line })} {explain(p)}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
