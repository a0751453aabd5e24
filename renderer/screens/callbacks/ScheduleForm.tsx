import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Controller, type FieldPath, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { callbackPhoneSchema, FOR_NEXT_MAX_CHARS, REASON_MAX_CHARS } from '../../../src/contract/callbacksContract.ts';
import { CALL_LANGUAGES, type CallLanguage } from '../../../src/contract/callSchemas.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import { findIdentifyingData, redactIdentifyingData } from '../../../src/domain/identifyingData.ts';
import { DEFAULT_LINE_HOURS, type LineHours, nextLineDay, nextWithinLineHours, withinLineHours } from '../../../src/domain/lineHours.ts';
import { useGuardContext } from '../calls/guardContext.tsx';
import { call, OperationError } from '../../bridge.ts';
import { useOperation } from '../../data/useOperation.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { addDays, dayOf, timeOf, zonedToInstant } from '../../../src/domain/brusselsTime.ts';
import { suggestedStart } from './format.ts';
import { openingHoursInWords } from '../../i18n/words.ts';
import { useReasonText } from '../../components/ErrorMessage.tsx';
import { DateField } from '../../components/DateField.tsx';
import { TimeField } from '../../components/TimeField.tsx';

// Scheduling a callback from a call (react-hook-form + zod, as the other forms). Nothing is
// saved unless the responder ticks that the caller agreed, orally, to be called back. The
// number is checked and normalised as typed (the same schema main applies); the reason and the
// "pour qui rappellera" note are scanned for identifying data as typed. The windows offered
// ("in one hour", "tomorrow morning") fall within the line's hours (issue 16); a window typed
// outside them is flagged, not refused (the caller may ask for 18:00 and someone may be there).

type Scheduled = OutputOf<'callbacks.schedule'>;
type CallOption = { id: string; label: string };

// Messages are locale keys of the callbacks namespace: what the responder reads.
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const formSchema = z.object({
  callId: z.string().min(1, 'form.needCall'),
  consent: z.boolean().refine((v) => v, 'form.needConsent'),
  phone: z.string().refine((v) => callbackPhoneSchema.safeParse(v).success, 'form.phoneBad'),
  date: z.string().min(1, 'form.windowBad'),
  from: z.string().regex(HHMM, 'form.windowBad'),
  to: z.string().regex(HHMM, 'form.windowBad').or(z.literal('')),
  language: z.enum(CALL_LANGUAGES),
  reason: z.string().trim().min(1, 'form.reasonBad').max(REASON_MAX_CHARS, 'form.reasonBad'),
  forNext: z.string().max(FOR_NEXT_MAX_CHARS, 'formForNext.tooLong'),
  assignTo: z.enum(['me', 'team']),
});
type Values = z.infer<typeof formSchema>;

/** Main's issue paths → this form's fields, and the locale key a responder reads for each. */
const FIELD_OF: Record<string, { field: FieldPath<Values>; key: string }> = {
  callId: { field: 'callId', key: 'form.needCall' },
  consent: { field: 'consent', key: 'form.needConsent' },
  phone: { field: 'phone', key: 'form.phoneBad' },
  'window.date': { field: 'date', key: 'form.windowBad' },
  'window.from': { field: 'from', key: 'form.windowBad' },
  'window.to': { field: 'to', key: 'form.windowEnd' },
  reason: { field: 'reason', key: 'form.reasonBad' },
  forNext: { field: 'forNext', key: 'form.reasonBad' },
};

/** "In one hour", moved to the next opening of the line when it would fall outside its hours. */
function inOneHour(now: string, hours: LineHours): { date: string; time: string } {
  const s = suggestedStart(now, 60);
  const at = nextWithinLineHours(hours, zonedToInstant(s.date, s.time).at);
  return { date: dayOf(at), time: timeOf(at) };
}

/** The next line day's morning: 10:00–12:00 when the line is open then, else its first two hours. */
function nextMorning(now: string, hours: LineHours): { date: string; from: string; to: string } {
  const day = nextLineDay(hours, new Date(now));
  if (!day) return { date: addDays(dayOf(now), 1), from: '10:00', to: '12:00' };
  const from = day.open > '10:00' ? day.open : '10:00';
  const [h, m] = from.split(':').map(Number) as [number, number];
  const plus2 = `${String(Math.min(23, h + 2)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return { date: day.date, from, to: plus2 < day.close ? plus2 : day.close };
}

export function ScheduleForm({ now: nowProp, presetCallId, onScheduled, onCancel }: { now: string; presetCallId: string | null; onScheduled(r: Scheduled): void; onCancel(): void }) {
  // The queue's clock at opening: a queue refresh while the form is open must not re-suggest
  // the window, re-pick the call or move the focus from what the responder is typing.
  const [now] = useState(nowProp);
  const { t, i18n } = useTranslation('callbacks');
  const lang = i18n.language as UiLang;
  const uid = useId();
  const reasonText = useReasonText();
  // What the form offers, as main answers when it opens (not a previous opening's answer): the
  // line's hours, then the calls a callback can hang on — the responder's calls of yesterday and
  // today, the one in progress first.
  const settings = useOperation('callbacks.settings', {});
  const me = useOperation('profiles.current', {});
  const current = useOperation('calls.current', {});
  const profileId = me.data?.profile?.id;
  const today = dayOf(now);
  const list = useOperation('calls.list', { from: addDays(today, -1), to: today, limit: 20, ...(profileId ? { profileId } : {}) }, { enabled: me.isFetchedAfterMount });
  const lineHours = settings.isFetchedAfterMount ? settings.data?.lineHours : undefined;
  const hours = lineHours ?? DEFAULT_LINE_HOURS;
  const start = useMemo(() => inOneHour(now, hours), [now, hours]);
  const morning = useMemo(() => nextMorning(now, hours), [now, hours]);
  const activeId = current.data?.call?.id ?? null;
  const calls: CallOption[] | null =
    settings.isFetchedAfterMount && current.isFetchedAfterMount && list.isFetchedAfterMount
      ? (list.data?.calls ?? []).map((c) => ({
          id: c.id,
          label: t(c.id === activeId ? 'form.callActive' : 'form.callEnded', { time: formatDateTime(c.startedAt, lang, { weekday: 'short', hour: '2-digit', minute: '2-digit' }) }),
        }))
      : null;
  const preferred = calls === null ? '' : (presetCallId ?? activeId ?? calls[0]?.id ?? '');
  // The language of the call, when the record says it.
  const record = useOperation('calls.get', { callId: preferred }, { enabled: preferred !== '' });
  const callLanguage = record.isFetchedAfterMount ? record.data?.record.language : undefined;
  const [error, setError] = useState<string | null>(null);
  const firstRef = useRef<HTMLSelectElement | null>(null);
  const { register, control, handleSubmit, formState, setValue, setError: setFieldError, watch, getValues } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      callId: '',
      consent: false,
      phone: '',
      date: start.date,
      from: start.time,
      to: '',
      language: (['fr', 'nl', 'en'] as string[]).includes(lang) ? (lang as CallLanguage) : 'fr',
      reason: '',
      forNext: '',
      assignTo: 'me',
    },
  });

  // Each suggestion is made once per opening, when its answer comes (a refresh while the form is
  // open changes none of what the responder sees or typed). setValue and formState are the form's own.
  const made = useRef({ window: false, call: false, language: false });
  useEffect(() => {
    if (!lineHours || made.current.window) return;
    made.current.window = true;
    // The suggested window follows the line's hours unless the responder already changed it.
    const s = inOneHour(now, lineHours);
    if (!formState.dirtyFields.date && !formState.dirtyFields.from) {
      setValue('date', s.date);
      setValue('from', s.time);
    }
  });
  useEffect(() => {
    if (calls === null || made.current.call) return;
    made.current.call = true;
    setValue('callId', calls.some((o) => o.id === preferred) ? preferred : (calls[0]?.id ?? ''));
    // Focus the first field once its options are there: a disabled select cannot take the focus,
    // and this effect runs after React has enabled it.
    firstRef.current?.focus();
  });
  useEffect(() => {
    if (!callLanguage || made.current.language) return;
    made.current.language = true;
    setValue('language', callLanguage);
  });

  const [phone, reason, forNext, date, from, to] = watch(['phone', 'reason', 'forNext', 'date', 'from', 'to']);
  const phoneCheck = phone.trim() === '' ? null : callbackPhoneSchema.safeParse(phone);
  const guardContext = useGuardContext();
  const findings = useMemo(() => findIdentifyingData(reason, guardContext), [reason, guardContext]);
  const forNextFindings = useMemo(() => findIdentifyingData(forNext, guardContext), [forNext, guardContext]);
  const outsideHours = useMemo(() => {
    try {
      const times = [from, to].filter(Boolean).map((x) => zonedToInstant(date, x).at);
      return times.length > 0 && times.some((at) => !withinLineHours(hours, at));
    } catch {
      return false;
    }
  }, [date, from, to, hours]);

  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const r = await call('callbacks.schedule', {
        callId: v.callId,
        consent: true,
        phone: v.phone,
        window: { date: v.date, from: v.from, ...(v.to ? { to: v.to } : {}) },
        language: v.language,
        reason: v.reason,
        ...(v.forNext.trim() ? { forNext: v.forNext } : {}),
        assignTo: v.assignTo,
      });
      onScheduled(r);
    } catch (err) {
      if (err instanceof OperationError) {
        const issues = err.payload.issues ?? [];
        for (const i of issues) {
          const known = Object.entries(FIELD_OF).find(([path]) => i.path === path || i.path.startsWith(`${path}.`))?.[1];
          // Main's messages are English for the log and IT; the responder reads the UI language.
          if (known) setFieldError(known.field, { type: 'server', message: known.key });
        }
        setError(issues.length ? t('form.fix') : reasonText(err.payload));
      } else setError(String(err));
    }
  });

  const errorOf = (field: FieldPath<Values>) => formState.errors[field]?.message ?? null;
  const field = (name: FieldPath<Values>) => {
    const message = errorOf(name);
    return { 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${uid}-${name}-err` : undefined } as const;
  };
  const fieldError = (name: FieldPath<Values>) => {
    const message = errorOf(name);
    return message ? (
      <span className="field-error" id={`${uid}-${name}-err`}>
        {t(message)}
      </span>
    ) : null;
  };
  const guardFlags = (list: ReturnType<typeof findIdentifyingData>, name: 'reason' | 'forNext') =>
    list.length > 0 && (
      <span className="guard-flags" role="status">
        {t('form.identifying', { kinds: [...new Set(list.map((f) => t(`kind.${f.kind}`)))].join(', ') })}{' '}
        <button type="button" className="small" onClick={() => setValue(name, redactIdentifyingData(getValues(name), () => '…', list), { shouldDirty: true })}>
          {t('form.redact')}
        </button>
      </span>
    );
  const callField = register('callId');

  return (
    <form className="cb-form panel" onSubmit={(e) => void submit(e)} aria-labelledby={`${uid}-title`} noValidate>
      <h2 id={`${uid}-title`}>{t('form.title')}</h2>
      <div className="field">
        <label htmlFor={`${uid}-call`}>{t('form.call')}</label>
        <select
          id={`${uid}-call`}
          {...callField}
          ref={(el) => {
            callField.ref(el);
            firstRef.current = el;
          }}
          {...field('callId')}
          disabled={calls === null}
        >
          {calls !== null && calls.length === 0 && <option value="">{t('form.noCall')}</option>}
          {calls?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        {fieldError('callId')}
      </div>
      <label className="check consent">
        <input type="checkbox" {...register('consent')} {...field('consent')} />
        <span>{t('form.consent')}</span>
      </label>
      {fieldError('consent')}
      <label className="field">
        <span>{t('form.phone')}</span>
        <input type="tel" inputMode="tel" autoComplete="off" maxLength={40} {...register('phone')} {...field('phone')} placeholder="0470 12 34 56" />
        {phoneCheck && (phoneCheck.success ? <span className="hint phone-ok">{t('form.phoneOk', { e164: phoneCheck.data })}</span> : !errorOf('phone') && <span className="hint phone-bad">{t('form.phoneBad')}</span>)}
        {fieldError('phone')}
      </label>
      <fieldset className="cb-window">
        <legend>{t('form.window')}</legend>
        <div className="cb-window-fields">
          <label className="field">
            <span>{t('form.date')}</span>
            {/* dd/mm/yyyy whatever the OS locale (an en-US PC showed mm/dd/yyyy here; issue 16). */}
            <Controller control={control} name="date" render={({ field: f }) => <DateField value={f.value} onChange={f.onChange} required data-testid="cb-date" />} />
          </label>
          <label className="field">
            <span>{t('form.from')}</span>
            {/* 24 h whatever the OS locale (an en-US PC showed 10:00 AM here; issue 16). */}
            <Controller control={control} name="from" render={({ field: f }) => <TimeField value={f.value} onChange={f.onChange} onBlur={f.onBlur} required {...field('from')} />} />
          </label>
          <label className="field">
            <span>{t('form.to')}</span>
            <Controller control={control} name="to" render={({ field: f }) => <TimeField value={f.value} onChange={f.onChange} onBlur={f.onBlur} {...field('to')} />} />
          </label>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="small"
            onClick={() => {
              const s = inOneHour(now, hours);
              setValue('date', s.date, { shouldDirty: true });
              setValue('from', s.time, { shouldDirty: true });
              setValue('to', '', { shouldDirty: true });
            }}
          >
            {t('form.inOneHour')}
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              const m = morning;
              setValue('date', m.date, { shouldDirty: true });
              setValue('from', m.from, { shouldDirty: true });
              setValue('to', m.to, { shouldDirty: true });
            }}
          >
            {morning.date === addDays(dayOf(now), 1) && morning.from === '10:00' && morning.to === '12:00' ? t('form.tomorrowMorning') : t('form.nextDayMorning', { day: formatDateTime(zonedToInstant(morning.date, '12:00').at, lang, { weekday: 'long' }), from: morning.from, to: morning.to })}
          </button>
        </div>
        {fieldError('date')}
        {fieldError('from')}
        {fieldError('to')}
        <p className="hint">
          {t('form.timeZone', { now: timeOf(now) })} {t('form.lineHours', { hours: openingHoursInWords(`${hours.days.map((d) => d.slice(0, 2)).join(',')} ${hours.open}-${hours.close}`, lang) })}
        </p>
        {outsideHours && (
          <p className="hint phone-bad" role="status">
            {t('form.outsideHours')}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-language`}>{t('form.language')}</label>
        <select id={`${uid}-language`} {...register('language')} {...field('language')}>
          {CALL_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="field">
        <span>{t('form.reason')}</span>
        <input type="text" maxLength={REASON_MAX_CHARS} {...register('reason')} {...field('reason')} placeholder={t('form.reasonPlaceholder')} />
        {guardFlags(findings, 'reason')}
        {fieldError('reason')}
      </label>
      <label className="field">
        <span>{t('formForNext.label')}</span>
        <textarea rows={2} maxLength={FOR_NEXT_MAX_CHARS} {...register('forNext')} {...field('forNext')} placeholder={t('formForNext.placeholder')} />
        <span className="hint">{t('formForNext.hint')}</span>
        {guardFlags(forNextFindings, 'forNext')}
        {fieldError('forNext')}
      </label>
      <fieldset className="cb-assign">
        <legend>{t('form.holder')}</legend>
        <label className="check">
          <input type="radio" value="me" {...register('assignTo')} />
          <span>{t('form.holderMe')}</span>
        </label>
        <label className="check">
          <input type="radio" value="team" {...register('assignTo')} />
          <span>{t('form.holderTeam')}</span>
        </label>
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('form.submit')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
