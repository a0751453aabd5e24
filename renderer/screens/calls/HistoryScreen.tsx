import { useEffect, useId, useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type CallSummary, callsContract } from '../../../src/contract/callsContract.ts';
import type { InputOf, OutputOf } from '../../../src/contract/index.ts';
import { COMMUNES, OTHER_COMMUNE_CODES } from '../../../src/domain/communes.ts';
import { addDays, dayOf } from '../../../src/domain/brusselsTime.ts';
import { formatCallTime } from '../../../src/domain/duration.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, OperationError } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldIssue, issueAttributes } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useOperation } from '../../data/useOperation.ts';
import { usePagedOperation } from '../../data/usePagedOperation.ts';
import { useSettled } from '../../data/useSettled.ts';
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
/** The list is asked again once typing in the search pauses this long. */
const SEARCH_PAUSE_MS = 150;

// The filters are the contract's own `calls.list` fields; an empty field means "any".
const LIST = callsContract['calls.list'].input.shape;
const anyWhenEmpty = <S extends z.ZodType>(schema: S) => z.union([z.literal('').transform(() => undefined), schema]);
const filtersSchema = z.object({
  q: LIST.q,
  from: anyWhenEmpty(LIST.from),
  to: anyWhenEmpty(LIST.to),
  theme: anyWhenEmpty(LIST.theme),
  profileId: anyWhenEmpty(LIST.profileId),
  commune: anyWhenEmpty(LIST.commune),
});
type FilterFields = z.input<typeof filtersSchema>;
type Filters = z.output<typeof filtersSchema>;

/** The filters as `calls.list` reads them: only those set. */
function listInput(f: Filters): Omit<InputOf<'calls.list'>, 'offset' | 'limit'> {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.theme ? { theme: f.theme } : {}),
    ...(f.profileId ? { profileId: f.profileId } : {}),
    ...(f.commune ? { commune: f.commune } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

const TO_FINISH = { view: 'toFinish' } as const;
const rowsOf = (page: OutputOf<'calls.list'>) => page.calls;

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
  const [actionError, setError] = useState<ErrorPayload | null>(null);
  const profiles: Profiles = useOperation('profiles.list', {}).data?.profiles ?? NO_PROFILES;
  const statusId = useId();
  const uid = useId();

  const defaults: FilterFields = { from: today, to: today, theme: '', profileId: '', commune: '', q: '' };
  const { register, control, setValue, setFocus, watch, handleSubmit, formState } = useContractForm(filtersSchema, { defaultValues: defaults, mode: 'onChange', shouldFocusError: false });
  // The list follows the filters as they change; what the schema refuses stays on its field.
  const [applied, setApplied] = useState<Filters>(() => filtersSchema.parse(defaults));
  useEffect(() => {
    const sub = watch(() => void handleSubmit(setApplied)());
    return () => sub.unsubscribe();
  }, [watch, handleSubmit]);
  const asked = useSettled(applied, applied.q ? SEARCH_PAUSE_MS : 0);
  const input = useMemo(() => (view === 'toFinish' ? TO_FINISH : listInput(asked)), [view, asked]);
  const list = usePagedOperation('calls.list', input, PAGE, rowsOf);
  const calls = list.items;
  const error = actionError ?? list.error?.payload ?? null;
  const set = (patch: Partial<FilterFields>) => {
    for (const [k, v] of Object.entries(patch)) setValue(k as keyof FilterFields, v, { shouldDirty: true, shouldValidate: true });
  };

  const { errors } = formState;
  const invalid = (name: keyof FilterFields) => issueAttributes(errors[name], `${uid}-${name}`);

  useRequests({ 'history.search': () => setFocus('q') }, true);

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
        <form className="filters history-filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label={t('history.filters')} noValidate>
          <label className="field">
            <span>
              {t('history.search')} <kbd>Alt+S</kbd>
            </span>
            <input type="search" maxLength={200} aria-keyshortcuts="Alt+S" aria-describedby={statusId} {...invalid('q')} {...register('q')} />
          </label>
          <FieldIssue id={`${uid}-q`} error={errors.q} />
          <label className="field">
            <span>{t('history.from')}</span>
            <Controller control={control} name="from" render={({ field }) => <DateField value={field.value ?? ''} onChange={field.onChange} />} />
          </label>
          <FieldIssue id={`${uid}-from`} error={errors.from} />
          <label className="field">
            <span>{t('history.to')}</span>
            <Controller control={control} name="to" render={({ field }) => <DateField value={field.value ?? ''} onChange={field.onChange} />} />
          </label>
          <FieldIssue id={`${uid}-to`} error={errors.to} />
          <div className="button-row quick-dates">
            <button type="button" className="small" onClick={() => set({ from: today, to: today })}>{t('history.today')}</button>
            <button type="button" className="small" onClick={() => set({ from: addDays(today, -6), to: today })}>{t('history.week')}</button>
            <button type="button" className="small" onClick={() => set({ from: '', to: '' })}>{t('history.anyDate')}</button>
          </div>
          <label className="field">
            <span>{t('history.theme')}</span>
            <select {...invalid('theme')} {...register('theme')}>
              <option value="">{t('history.any')}</option>
              {themes.map((th) => (
                <option key={th.code} value={th.code}>{th.labels[lang]}</option>
              ))}
            </select>
          </label>
          <FieldIssue id={`${uid}-theme`} error={errors.theme} />
          <label className="field">
            <span>{t('history.responder')}</span>
            <select {...invalid('profileId')} {...register('profileId')}>
              <option value="">{t('history.any')}</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>{`${p.displayName} (${p.centre})`}</option>
              ))}
            </select>
          </label>
          <FieldIssue id={`${uid}-profileId`} error={errors.profileId} />
          <label className="field">
            <span>{t('history.commune')}</span>
            <select {...invalid('commune')} {...register('commune')}>
              <option value="">{t('history.any')}</option>
              {OTHER_COMMUNE_CODES.map((c) => (
                <option key={c} value={c}>{t(`record.communeOther.${c}`)}</option>
              ))}
              {communesSorted(lang).map((c) => (
                <option key={c.code} value={c.code}>{communeName(c, lang)}</option>
              ))}
            </select>
          </label>
          <FieldIssue id={`${uid}-commune`} error={errors.commune} />
        </form>
      )}
      <ErrorMessage error={error} />
      <p id={statusId} className="results-count" role="status" aria-busy={list.busy}>
        {t('history.count', { count: list.total })}
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
      {list.hasMore && (
        <button type="button" onClick={list.loadMore} disabled={list.busy}>
          {t('history.more')}
        </button>
      )}
    </section>
  );
}
