import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSummary } from '../../../src/contract/callsContract.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import { COMMUNES, OTHER_COMMUNE_CODES } from '../../../src/domain/communes.ts';
import { addDays, dayOf } from '../../../src/domain/brusselsTime.ts';
import { formatCallTime } from '../../../src/domain/duration.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, invoke, OperationError } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useOperation } from '../../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useNavigation } from '../../navigation.ts';
import { useRequests } from './requests.ts';
import { useShift } from './shift.ts';
import { ProfilePicker } from './ProfilePicker.tsx';
import { useTaxonomy } from './useTaxonomy.ts';
import { DateField } from '../../components/DateField.tsx';
import { communeName, communesSorted } from '../../i18n/communes.ts';

// Call history: today's and past calls, filtered by date, theme, responder and commune, with
// full-text search in the notes; "to finish" lists one's calls whose record is not closed.
// A call of the current shift can be reopened to complete it.

const PAGE = 50;

interface Filters {
  from: string;
  to: string;
  theme: string;
  profileId: string;
  commune: string;
  q: string;
}

type Profiles = OutputOf<'profiles.list'>['profiles'];
const NO_PROFILES: Profiles = [];

export function HistoryScreen() {
  const { t } = useTranslation('calls');
  const { loaded, profile } = useShift();
  if (!loaded) return <p aria-busy="true">{t('console.loading')}</p>;
  if (!profile) return <ProfilePicker />;
  return <HistoryOn />;
}

/** The history opens on main's Brussels day (its clock, not the window's: a test clock, a PC whose clock main corrects). */
function HistoryOn() {
  const { t } = useTranslation('calls');
  const clock = useOperation('calls.clock', {});
  if (!clock.data) return <p aria-busy="true">{t('console.loading')}</p>;
  return <History today={dayOf(clock.data.now)} />;
}

function History({ today }: { today: string }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const nav = useNavigation();
  const { profile } = useShift();
  const themes = useTaxonomy();
  const [view, setView] = useState<'all' | 'toFinish'>('all');
  const [filters, setFilters] = useState<Filters>(() => ({ from: today, to: today, theme: '', profileId: '', commune: '', q: '' }));
  const [calls, setCalls] = useState<CallSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const profiles: Profiles = useOperation('profiles.list', {}).data?.profiles ?? NO_PROFILES;
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const statusId = useId();

  useRequests({ 'history.search': () => searchRef.current?.focus() }, true);

  const load = useCallback(
    async (offset: number) => {
      const mine = ++seq.current;
      setBusy(true);
      const input =
        view === 'toFinish'
          ? { view: 'toFinish' as const, limit: PAGE, offset }
          : {
              limit: PAGE,
              offset,
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              ...(filters.theme ? { theme: filters.theme } : {}),
              ...(filters.profileId ? { profileId: filters.profileId } : {}),
              ...(filters.commune ? { commune: filters.commune } : {}),
              ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
            };
      const r = await invoke('calls.list', input);
      if (mine !== seq.current) return;
      setBusy(false);
      if (!r.ok) return setError(r.error);
      setError(null);
      setTotal(r.value.total);
      setCalls((list) => (offset === 0 ? r.value.calls : [...list, ...r.value.calls]));
    },
    [filters, view],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(0), filters.q ? 150 : 0);
    return () => clearTimeout(timer);
  }, [load, filters.q]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const themeLabel = useMemo(() => new Map(themes.map((th) => [th.code, th.labels[lang]])), [themes, lang]);
  const communeLabel = (code: string | null) => {
    if (!code) return '';
    const c = COMMUNES.find((x) => x.code === code);
    return c ? (lang === 'nl' ? c.nl : c.fr) : t(`record.communeOther.${code}`);
  };

  const open = (id: string, notice: 'reopened' | null = null) => {
    nav.go('console', undefined, notice ? { callId: id, notice } : { callId: id });
  };
  const reopen = async (id: string) => {
    try {
      await call('calls.reopen', { callId: id });
      open(id, 'reopened');
    } catch (e) {
      if (e instanceof OperationError) setError(e.payload);
    }
  };

  // Group rows by Brussels day, newest first (the list comes sorted).
  const groups = useMemo(() => {
    const out: Array<{ day: string; rows: CallSummary[] }> = [];
    for (const c of calls) {
      const day = dayOf(c.startedAt);
      const last = out[out.length - 1];
      if (last && last.day === day) last.rows.push(c);
      else out.push({ day, rows: [c] });
    }
    return out;
  }, [calls]);

  return (
    <section className="history" aria-labelledby="history-title">
      <header className="screen-header">
        <h1 id="history-title">{t('history.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('history.views')}>
          <button type="button" role="tab" aria-selected={view === 'all'} onClick={() => setView('all')}>
            {t('history.all')}
          </button>
          <button type="button" role="tab" aria-selected={view === 'toFinish'} onClick={() => setView('toFinish')}>
            {t('history.toFinish')}
          </button>
        </div>
      </header>
      {view === 'all' && (
        <form className="filters history-filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label={t('history.filters')}>
          <label className="field">
            <span>
              {t('history.search')} <kbd>Alt+S</kbd>
            </span>
            <input ref={searchRef} type="search" value={filters.q} maxLength={200} aria-keyshortcuts="Alt+S" aria-describedby={statusId} onChange={(e) => set({ q: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('history.from')}</span>
            <DateField value={filters.from} onChange={(from) => set({ from })} />
          </label>
          <label className="field">
            <span>{t('history.to')}</span>
            <DateField value={filters.to} onChange={(to) => set({ to })} />
          </label>
          <div className="button-row quick-dates">
            <button type="button" className="small" onClick={() => set({ from: today, to: today })}>{t('history.today')}</button>
            <button type="button" className="small" onClick={() => set({ from: addDays(today, -6), to: today })}>{t('history.week')}</button>
            <button type="button" className="small" onClick={() => set({ from: '', to: '' })}>{t('history.anyDate')}</button>
          </div>
          <label className="field">
            <span>{t('history.theme')}</span>
            <select value={filters.theme} onChange={(e) => set({ theme: e.target.value })}>
              <option value="">{t('history.any')}</option>
              {themes.map((th) => (
                <option key={th.code} value={th.code}>{th.labels[lang]}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('history.responder')}</span>
            <select value={filters.profileId} onChange={(e) => set({ profileId: e.target.value })}>
              <option value="">{t('history.any')}</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>{`${p.displayName} (${p.centre})`}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('history.commune')}</span>
            <select value={filters.commune} onChange={(e) => set({ commune: e.target.value })}>
              <option value="">{t('history.any')}</option>
              {OTHER_COMMUNE_CODES.map((c) => (
                <option key={c} value={c}>{t(`record.communeOther.${c}`)}</option>
              ))}
              {communesSorted(lang).map((c) => (
                <option key={c.code} value={c.code}>{communeName(c, lang)}</option>
              ))}
            </select>
          </label>
        </form>
      )}
      <ErrorMessage error={error} />
      <p id={statusId} className="results-count" role="status" aria-busy={busy}>
        {t('history.count', { count: total })}
      </p>
      {groups.map((g) => (
        <section key={g.day} className="history-day" aria-label={g.day === today ? t('history.todayHeading') : formatDateTime(`${g.day}T12:00:00Z`, lang, { dateStyle: 'full' })}>
          <h2>{g.day === today ? t('history.todayHeading') : formatDateTime(`${g.day}T12:00:00Z`, lang, { dateStyle: 'full' })}</h2>
          <table className="table history-table">
            <thead>
              <tr>
                <th scope="col">{t('history.col.time')}</th>
                <th scope="col">{t('history.col.duration')}</th>
                <th scope="col">{t('history.col.responder')}</th>
                <th scope="col">{t('history.col.themes')}</th>
                <th scope="col">{t('history.col.commune')}</th>
                <th scope="col">{t('history.col.notes')}</th>
                <th scope="col">{t('history.col.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('history.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((c) => (
                <tr
                  key={c.id}
                  data-testid="history-row"
                  className="clickable"
                  // A click anywhere on the row opens its call (the buttons keep their own action); the keyboard uses the row's button.
                  onClick={(e) => {
                    if (!(e.target as HTMLElement).closest('button')) open(c.id);
                  }}
                >
                  <td>{formatDateTime(c.startedAt, lang, { timeStyle: 'short' })}</td>
                  <td className="mono">{c.durationMs === null ? '—' : formatCallTime(c.durationMs)}</td>
                  <td>{c.responderName}</td>
                  <td>{c.noRequest ? <span className="muted">{t(`reportLabels:noRequest.${c.noRequest}`)}</span> : c.themes.map((code) => themeLabel.get(code) ?? code).join(', ')}</td>
                  <td>{communeLabel(c.commune)}</td>
                  <td className="excerpt">
                    {c.pseudonym && <span className="badge">{c.pseudonym}</span>} {c.excerpt}
                  </td>
                  <td>
                    <span className={`badge ${c.status === 'closed' ? 'ok' : 'warn'}`}>{t(`history.status.${c.status}`)}</span>
                    {c.status !== 'closed' && !c.complete && <span className="hint"> {t('history.incomplete')}</span>}
                  </td>
                  <td className="actions">
                    {c.canReopen ? (
                      <button type="button" className="small" onClick={() => void reopen(c.id)}>{t('history.reopen')}</button>
                    ) : (
                      <button type="button" className="small" onClick={() => open(c.id)}>{c.status === 'ended' && c.profileId === profile?.id ? t('history.complete') : t('history.open')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {calls.length < total && (
        <button type="button" onClick={() => void load(calls.length)} disabled={busy}>
          {t('history.more')}
        </button>
      )}
    </section>
  );
}
