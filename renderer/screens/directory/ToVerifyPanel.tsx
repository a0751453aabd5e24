import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryUpkeepContract } from '../../../src/contract/directoryUpkeepContract.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldIssue, issueAttributes } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useInvalidate, useOperation } from '../../data/useOperation.ts';

type Item = OutputOf<'directory.toVerify'>['items'][number];
/** The verification note, with the contract's rule for it (directory.verify). */
const noteSchema = directoryUpkeepContract['directory.verify'].input.pick({ note: true });

// The "to verify" worklist (issue 17), most urgent first. Arrows move, V marks the selected
// service verified today (with the optional note typed in the box), Enter opens its card.
export function ToVerifyPanel({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('directory');
  const list = useOperation('directory.toVerify', {});
  const items: Item[] | null = list.data?.items ?? null;
  const [selected, setSelected] = useState(0);
  // The selection stays in the list when verifying shortens it.
  const active = items ? Math.min(selected, Math.max(0, items.length - 1)) : selected;
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  const error = actionError ?? list.error?.payload ?? null;
  const listRef = useRef<HTMLUListElement>(null);
  const invalidate = useInvalidate();
  const { register, handleSubmit, reset, formState } = useContractForm(noteSchema, { defaultValues: { note: '' } });
  useEffect(() => listRef.current?.focus(), [items === null]);

  const verify = (item: Item | undefined) =>
    handleSubmit(async ({ note }) => {
      if (!item) return;
      const r = await invoke('directory.verify', { id: item.id, ...(note ? { note } : {}) });
      if (r.ok) {
        setDone(item.name);
        reset();
        await invalidate('directory.toVerify', 'directory.maintainerStatus', 'directory.get');
        listRef.current?.focus();
      } else setActionError(r.error);
    })();

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!items) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected(Math.min(active + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected(Math.max(active - 1, 0));
    } else if (e.key === 'v' || e.key === 'V') {
      e.preventDefault();
      void verify(items[active]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const it = items[active];
      if (it) onOpen(it.id);
    }
  };

  return (
    <section aria-labelledby="to-verify-title" className="panel to-verify">
      <h2 id="to-verify-title">{t('toVerify.title')}</h2>
      <p className="hint">{t('toVerify.intro')}</p>
      <ErrorMessage error={error} />
      <label className="field">
        <span>{t('toVerify.note')}</span>
        <input maxLength={500} {...issueAttributes(formState.errors.note, 'to-verify-note-err')} {...register('note')} />
        <FieldIssue error={formState.errors.note} id="to-verify-note-err" />
      </label>
      <p role="status" className="muted">{done ? t('toVerify.done', { name: done }) : ''}</p>
      {items && items.length === 0 && <p className="badge ok">{t('toVerify.empty')}</p>}
      {items && items.length > 0 && (
        <ul ref={listRef} role="listbox" tabIndex={0} aria-label={t('toVerify.title')} aria-activedescendant={`to-verify-${active}`} className="results" onKeyDown={onKeyDown}>
          {items.map((it, i) => (
            <li key={it.id} id={`to-verify-${i}`} role="option" aria-selected={i === active} onClick={() => setSelected(i)} onDoubleClick={() => onOpen(it.id)}>
              <span className="result-name">{it.name}</span>
              {it.commune && <span className="muted"> — {it.commune}</span>}{' '}
              <span className={it.reason === 'unreachable' ? 'badge danger' : 'badge warn'}>
                {it.reason === 'unreachable'
                  ? t('toVerify.unreachable', { count: it.unreachableNotes })
                  : it.reason === 'stale'
                    ? t('toVerify.stale', { date: it.lastVerified })
                    : t('toVerify.never')}
              </span>{' '}
              <button type="button" onClick={() => void verify(it)}>{t('toVerify.verify')}</button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted"><kbd>↑</kbd> <kbd>↓</kbd> · <kbd>V</kbd> {t('toVerify.keyVerify')} · <kbd>Enter</kbd> {t('toVerify.keyOpen')}</p>
    </section>
  );
}
