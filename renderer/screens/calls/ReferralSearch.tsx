import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/index.ts';
import { invoke } from '../../bridge.ts';
import { DemoBanner } from '../directory/DemoBanner.tsx';

type Result = OutputOf<'directory.search'>['results'][number];

export interface ReferralSearchHandle {
  focus(): void;
}

/**
 * The directory, searched inline without leaving the call (the directory's own search engine,
 * `directory.search`): type, arrow keys, Enter adds the service to the call's referrals.
 */
export const ReferralSearch = forwardRef<ReferralSearchHandle, { commune: string | null; exclude: ReadonlySet<string>; onPick: (r: { id: string; name: string }) => void }>(
  function ReferralSearch({ commune, exclude, onPick }, handle) {
    const { t } = useTranslation('calls');
    const [query, setQuery] = useState('');
    const [results, setResults] = useState<Result[]>([]);
    const [active, setActive] = useState(0);
    const [status, setStatus] = useState('');
    const inputRef = useRef<HTMLInputElement>(null);
    const seq = useRef(0);
    const listId = useId();

    useImperativeHandle(handle, () => ({
      focus: () => {
        inputRef.current?.focus();
        inputRef.current?.select();
      },
    }));

    useEffect(() => {
      const q = query.trim();
      const mine = ++seq.current;
      if (!q) {
        setResults([]);
        setStatus('');
        return;
      }
      // Debounced a little: the engine is fast, the bridge round trip is what we save.
      const timer = setTimeout(() => {
        void invoke('directory.search', { query: q, limit: 8, ...(commune && commune !== 'outside' && commune !== 'unknown' ? { commune } : {}) }).then((r) => {
          if (mine !== seq.current) return;
          const list = r.ok ? r.value.results.filter((x) => !exclude.has(x.id)) : [];
          setResults(list);
          setActive(0);
          setStatus(t('referrals.resultCount', { count: list.length }));
        });
      }, 80);
      return () => clearTimeout(timer);
    }, [query, commune, exclude, t]);

    const pick = (r: Result | undefined) => {
      if (!r) return;
      onPick({ id: r.id, name: r.name });
      setQuery('');
      setResults([]);
      inputRef.current?.focus();
    };

    return (
      <div className="referral-search">
        <DemoBanner />
        <label className="field">
          <span>
            {t('referrals.search')} <kbd>Alt+D</kbd>
          </span>
          <input
            ref={inputRef}
            type="search"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
            aria-keyshortcuts="Alt+D"
            placeholder={t('referrals.placeholder')}
            value={query}
            maxLength={200}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setActive((a) => Math.min(a + 1, results.length - 1));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                pick(results[active]);
              } else if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
        </label>
        <span className="visually-hidden" role="status">{status}</span>
        {results.length > 0 && (
          <ul id={listId} role="listbox" className="results compact" aria-label={t('referrals.results')}>
            {results.map((r, i) => (
              <li
                key={r.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(r)}
              >
                {r.name}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  },
);
