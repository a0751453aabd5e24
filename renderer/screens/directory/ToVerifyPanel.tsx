import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

type Item = OutputOf<'directory.toVerify'>['items'][number];

// The "to verify" worklist (issue 17), most urgent first. Arrows move, V marks the selected
// service verified today (with the optional note typed in the box), Enter opens its card.
export function ToVerifyPanel({ onOpen, onChanged }: { onOpen: (id: string) => void; onChanged: () => void }) {
  const { t } = useTranslation('directory');
  const [items, setItems] = useState<Item[] | null>(null);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const load = useCallback(() => {
    void invoke('directory.toVerify', {}).then((r) => {
      if (r.ok) {
        setItems(r.value.items);
        setActive((a) => Math.min(a, Math.max(0, r.value.items.length - 1)));
      } else setError(r.error);
    });
  }, []);
  useEffect(load, [load]);
  useEffect(() => listRef.current?.focus(), [items === null]);

  const verify = async (item: Item | undefined) => {
    if (!item) return;
    const text = note.trim();
    const r = await invoke('directory.verify', { id: item.id, ...(text ? { note: text } : {}) });
    if (r.ok) {
      setDone(item.name);
      setNote('');
      load();
      onChanged();
      listRef.current?.focus();
    } else setError(r.error);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!items) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
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
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p role="status" className="muted">{done ? t('toVerify.done', { name: done }) : ''}</p>
      {items && items.length === 0 && <p className="badge ok">{t('toVerify.empty')}</p>}
      {items && items.length > 0 && (
        <ul ref={listRef} role="listbox" tabIndex={0} aria-label={t('toVerify.title')} aria-activedescendant={`to-verify-${active}`} className="results" onKeyDown={onKeyDown}>
          {items.map((it, i) => (
            <li key={it.id} id={`to-verify-${i}`} role="option" aria-selected={i === active} onClick={() => setActive(i)} onDoubleClick={() => onOpen(it.id)}>
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
