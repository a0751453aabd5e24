import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMUNES } from '../../../src/domain/communes.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import { SearchCombobox } from '../../components/SearchCombobox.tsx';
import { useOperation } from '../../data/useOperation.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import type { UiLang } from '../../i18n/i18n.ts';
import { useFocusRequest } from '../../navigation.ts';
import { ImportExportPanel } from './ImportExportPanel.tsx';
import { LexiconPanel } from './LexiconPanel.tsx';
import { ToVerifyPanel } from './ToVerifyPanel.tsx';
import { useMaintainer } from './useMaintainer.ts';
import { useReferToActiveCall } from '../calls/index.ts';
import { ProfilePicker } from '../calls/ProfilePicker.tsx';
import { useShift } from '../calls/shift.ts';
import { ResultRow } from './ResultRow.tsx';
import { ServiceCard } from './ServiceCard.tsx';
import { useThemes } from '../calls/useTaxonomy.ts';
import { DemoBanner, DirectoryEmptyHint } from './DemoBanner.tsx';
import { languageName } from '../../i18n/words.ts';
import { communeName, communesSorted } from '../../i18n/communes.ts';

type Results = OutputOf<'directory.search'>['results'];
interface Filters {
  commune: string;
  theme: string;
  language: string;
  openNow: boolean;
  includeInactive: boolean;
}
const NO_RESULTS: Results = [];
const NO_FILTERS: Filters = { commune: '', theme: '', language: '', openNow: false, includeInactive: false };
const LANGUAGE_FILTERS = ['fr', 'nl', 'en', 'ar', 'es', 'pt', 'tr', 'ro', 'pl', 'ru', 'uk', 'de', 'it'];

/** The directory is for the profile on shift (issue 8: main refuses it to no one signed in): the picker first. */
export function DirectoryScreen() {
  const { loaded, profile } = useShift();
  if (!loaded) return null;
  if (!profile) return <ProfilePicker />;
  return <DirectorySearchScreen />;
}

function DirectorySearchScreen() {
  const { t, i18n } = useTranslation('directory');
  const lang = i18n.language as UiLang;
  const { maintainer, toVerify } = useMaintainer();
  const themes = useThemes();
  const referToCall = useReferToActiveCall();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<'search' | 'import' | 'lexicon' | 'toVerify'>('search');
  const searchRef = useRef<HTMLInputElement>(null);

  useFocusRequest('directory.search', () => {
    setTab('search');
    requestAnimationFrame(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    });
  });

  // Search as you type; the previous answer stays until the new one comes.
  const search = useOperation(
    'directory.search',
    {
      query,
      limit: 30,
      ...(filters.commune ? { commune: filters.commune } : {}),
      ...(filters.theme ? { theme: filters.theme } : {}),
      ...(filters.language ? { language: filters.language } : {}),
      ...(filters.openNow ? { openNow: true } : {}),
      ...(filters.includeInactive ? { includeInactive: true } : {}),
    },
    { enabled: tab === 'search', keepPrevious: true },
  );
  const results: Results = search.data?.results ?? NO_RESULTS;
  const answered = search.isSuccess && !search.isPlaceholderData;
  // The query the list answers (kept while the next answer comes), for tests and screenshots.
  const resultsFor = useRef<string | null>(null);
  if (answered) resultsFor.current = query;
  const error = search.error?.payload ?? null;

  const chips: Array<{ key: keyof Filters; label: string }> = [];
  if (filters.commune) chips.push({ key: 'commune', label: `${t('filters.commune')}: ${COMMUNES.find((c) => c.code === filters.commune)?.[lang === 'nl' ? 'nl' : 'fr'] ?? filters.commune}` });
  if (filters.theme) chips.push({ key: 'theme', label: `${t('filters.theme')}: ${themes.get(filters.theme)?.labels[lang] ?? filters.theme}` });
  if (filters.language) chips.push({ key: 'language', label: `${t('filters.language')}: ${languageName(filters.language, lang)}` });
  if (filters.openNow) chips.push({ key: 'openNow', label: t('filters.openNow') });
  if (filters.includeInactive) chips.push({ key: 'includeInactive', label: t('filters.includeInactive') });
  const clear = (key: keyof Filters) => setFilters((f) => ({ ...f, [key]: NO_FILTERS[key] }));

  return (
    <section aria-labelledby="directory-title" className="directory">
      <header className="screen-header">
        <h1 id="directory-title">{t('title')}</h1>
        <div role="tablist" aria-label={t('title')} className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'search'} onClick={() => setTab('search')}>{t('tabs.search')}</button>
          <button type="button" role="tab" aria-selected={tab === 'import'} onClick={() => setTab('import')}>{t('tabs.import')}</button>
          {maintainer && (
            <button type="button" role="tab" aria-selected={tab === 'toVerify'} onClick={() => setTab('toVerify')}>{t('tabs.toVerify', { count: toVerify })}</button>
          )}
          {maintainer && (
            <button type="button" role="tab" aria-selected={tab === 'lexicon'} onClick={() => setTab('lexicon')}>{t('tabs.lexicon')}</button>
          )}
        </div>
      </header>
      <DemoBanner />
      <DirectoryEmptyHint />
      {tab === 'import' ? (
        <ImportExportPanel />
      ) : tab === 'lexicon' ? (
        <LexiconPanel />
      ) : tab === 'toVerify' ? (
        <div className="directory-panes">
          <ToVerifyPanel
            onOpen={(id) => {
              setSelected(id);
              setTab('search');
            }}
          />
        </div>
      ) : (
        <div className="directory-panes">
          <div className="directory-search">
            <SearchCombobox
              label={<>{t('search.label')} <kbd>Ctrl+K</kbd></>}
              inputRef={searchRef}
              placeholder={t('search.placeholder')}
              autoFocus
              query={query}
              onQueryChange={setQuery}
              items={results}
              answeredFor={answered ? query : null}
              itemKey={(r) => r.id}
              renderItem={(r) => <ResultRow result={r} lang={lang} />}
              optionClassName={(r) => (r.id === selected ? 'open' : undefined)}
              onPick={(r) => setSelected(r.id)}
              listLabel={t('search.results')}
              listClassName="results"
              listData={{ 'data-query': resultsFor.current ?? undefined }}
              keepList
              waitForAnswer
            >
              <div className="filters">
                <select aria-label={t('filters.commune')} value={filters.commune} onChange={(e) => setFilters((f) => ({ ...f, commune: e.target.value }))}>
                  <option value="">{t('filters.anyCommune')}</option>
                  {communesSorted(lang).map((c) => (
                    <option key={c.code} value={c.code}>{communeName(c, lang)}</option>
                  ))}
                </select>
                <select aria-label={t('filters.theme')} value={filters.theme} onChange={(e) => setFilters((f) => ({ ...f, theme: e.target.value }))}>
                  <option value="">{t('filters.anyTheme')}</option>
                  {[...themes.values()].map((th) => (
                    <option key={th.code} value={th.code}>{th.labels[lang]}</option>
                  ))}
                </select>
                <select aria-label={t('filters.language')} value={filters.language} onChange={(e) => setFilters((f) => ({ ...f, language: e.target.value }))}>
                  <option value="">{t('filters.anyLanguage')}</option>
                  {LANGUAGE_FILTERS.map((l) => (
                    <option key={l} value={l}>{languageName(l, lang)}</option>
                  ))}
                </select>
                <label className="check">
                  <input type="checkbox" checked={filters.openNow} onChange={(e) => setFilters((f) => ({ ...f, openNow: e.target.checked }))} />
                  <span>{t('filters.openNow')}</span>
                </label>
                <label className="check">
                  <input type="checkbox" checked={filters.includeInactive} onChange={(e) => setFilters((f) => ({ ...f, includeInactive: e.target.checked }))} />
                  <span>{t('filters.includeInactive')}</span>
                </label>
              </div>
              {chips.length > 0 && (
                <ul className="chips" aria-label={t('filters.active')}>
                  {chips.map((c) => (
                    <li key={c.key}>
                      <button type="button" className="chip" onClick={() => clear(c.key)} aria-label={t('filters.remove', { filter: c.label })}>
                        {c.label} <span aria-hidden="true">×</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <ErrorMessage error={error} />
              <p className="muted results-count" aria-live="polite">{t('search.count', { count: results.length })}</p>
            </SearchCombobox>
          </div>
          <div className="directory-card">{selected ? <ServiceCard id={selected} onRefer={referToCall} maintainer={maintainer} /> : <p className="muted empty-card">{t('search.pick')}</p>}</div>
        </div>
      )}
    </section>
  );
}
