import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/index.ts';
import { SearchCombobox } from '../../components/SearchCombobox.tsx';
import { useOperation } from '../../data/useOperation.ts';
import { useSettled } from '../../data/useSettled.ts';
import { DemoBanner } from '../directory/DemoBanner.tsx';

type Result = OutputOf<'directory.search'>['results'][number];

export interface ReferralSearchHandle {
  focus(): void;
}

const NONE: Result[] = [];
/** Debounced a little: the engine is fast, the bridge round trip is what we save. */
const DEBOUNCE_MS = 80;

/**
 * The directory, searched inline without leaving the call (the directory's own search engine,
 * `directory.search`): type, arrow keys, Enter adds the service to the call's referrals.
 */
export const ReferralSearch = forwardRef<ReferralSearchHandle, { commune: string | null; exclude: ReadonlySet<string>; onPick: (r: { id: string; name: string }) => void }>(
  function ReferralSearch({ commune, exclude, onPick }, handle) {
    const { t } = useTranslation('calls');
    const [query, setQuery] = useState('');
    const inputRef = useRef<HTMLInputElement>(null);

    useImperativeHandle(handle, () => ({
      focus: () => {
        inputRef.current?.focus();
        inputRef.current?.select();
      },
    }));

    const asked = useSettled(query.trim(), query.trim() ? DEBOUNCE_MS : 0);

    const where = commune && commune !== 'outside' && commune !== 'unknown' ? { commune } : {};
    const search = useOperation('directory.search', { query: asked, limit: 8, ...where }, { enabled: asked !== '', keepPrevious: true });
    const answered = asked !== '' && search.isSuccess && !search.isPlaceholderData && asked === query.trim();
    const results = useMemo(() => (asked && search.data ? search.data.results.filter((x) => !exclude.has(x.id)) : NONE), [asked, search.data, exclude]);

    const pick = (r: Result) => {
      onPick({ id: r.id, name: r.name });
      setQuery('');
      inputRef.current?.focus();
    };

    return (
      <div className="referral-search">
        <DemoBanner />
        <SearchCombobox
          label={<>{t('referrals.search')} <kbd>Alt+D</kbd></>}
          inputRef={inputRef}
          keyShortcuts="Alt+D"
          placeholder={t('referrals.placeholder')}
          query={query}
          onQueryChange={setQuery}
          items={query.trim() ? results : NONE}
          answeredFor={answered ? query : null}
          itemKey={(r) => r.id}
          renderItem={(r) => r.name}
          onPick={pick}
          listLabel={t('referrals.results')}
          listClassName="results compact"
        >
          <span className="visually-hidden" role="status">{answered ? t('referrals.resultCount', { count: results.length }) : ''}</span>
        </SearchCombobox>
      </div>
    );
  },
);
