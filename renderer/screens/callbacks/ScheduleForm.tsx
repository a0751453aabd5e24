import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callbackPhoneSchema, REASON_MAX_CHARS } from '../../../src/contract/callbacksContract.ts';
import { CALL_LANGUAGES, type CallLanguage } from '../../../src/contract/callSchemas.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import { findIdentifyingData, redactIdentifyingData } from '../../../src/domain/identifyingData.ts';
import { useGuardContext } from '../calls/guardContext.tsx';
import type { ErrorIssue } from '../../../src/errors.ts';
import { call, invoke, OperationError } from '../../bridge.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { addDays, dayOf, timeOf } from '../../../src/domain/brusselsTime.ts';
import { suggestedStart } from './format.ts';

// Scheduling a callback from a call. Nothing is saved unless the responder ticks that the
// caller agreed, orally, to be called back. The number is checked and normalised as typed
// (the same schema main applies); the reason is scanned for identifying data as typed.

type Scheduled = OutputOf<'callbacks.schedule'>;
type CallOption = { id: string; label: string };

export function ScheduleForm({ now, presetCallId, onScheduled, onCancel }: { now: string; presetCallId: string | null; onScheduled(r: Scheduled): void; onCancel(): void }) {
  const { t, i18n } = useTranslation('callbacks');
  const lang = i18n.language as UiLang;
  const uid = useId();
  const start = useMemo(() => suggestedStart(now), [now]);
  const [calls, setCalls] = useState<CallOption[] | null>(null);
  const [callId, setCallId] = useState<string>('');
  const [consent, setConsent] = useState(false);
  const [phone, setPhone] = useState('');
  const [date, setDate] = useState(start.date);
  const [from, setFrom] = useState(start.time);
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState<CallLanguage>((['fr', 'nl', 'en'] as string[]).includes(lang) ? (lang as CallLanguage) : 'fr');
  const [reason, setReason] = useState('');
  const [assignTo, setAssignTo] = useState<'me' | 'team'>('me');
  const [issues, setIssues] = useState<ErrorIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLSelectElement>(null);

  // The calls a callback can hang on: the responder's calls of today, the one in progress first.
  useEffect(() => {
    let live = true;
    void (async () => {
      const [me, current] = await Promise.all([invoke('profiles.current', {}), invoke('calls.current', {})]);
      const profileId = me.ok ? me.value.profile?.id : undefined;
      const today = dayOf(now);
      const list = await invoke('calls.list', { from: addDays(today, -1), to: today, limit: 20, ...(profileId ? { profileId } : {}) });
      if (!live) return;
      const activeId = current.ok ? (current.value.call?.id ?? null) : null;
      const options: CallOption[] = (list.ok ? list.value.calls : []).map((c) => ({
        id: c.id,
        label: t(c.id === activeId ? 'form.callActive' : 'form.callEnded', { time: formatDateTime(c.startedAt, lang, { weekday: 'short', hour: '2-digit', minute: '2-digit' }) }),
      }));
      setCalls(options);
      const preferred = presetCallId ?? activeId ?? options[0]?.id ?? '';
      setCallId(options.some((o) => o.id === preferred) ? preferred : (options[0]?.id ?? ''));
      // The language of the call, when the record says it.
      if (preferred) {
        const v = await invoke('calls.get', { callId: preferred });
        if (live && v.ok && v.value.record.language) setLanguage(v.value.record.language);
      }
      requestAnimationFrame(() => firstRef.current?.focus());
    })();
    return () => {
      live = false;
    };
  }, [now, presetCallId, lang, t]);

  const phoneCheck = phone.trim() === '' ? null : callbackPhoneSchema.safeParse(phone);
  const guardContext = useGuardContext();
  const findings = useMemo(() => findIdentifyingData(reason, guardContext), [reason, guardContext]);
  const issueAt = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const local: ErrorIssue[] = [];
    if (!callId) local.push({ path: 'callId', message: 'a call is needed' });
    if (!consent) local.push({ path: 'consent', message: 'oral consent is needed' });
    if (local.length) {
      setIssues(local);
      return;
    }
    setBusy(true);
    try {
      const r = await call('callbacks.schedule', {
        callId,
        consent: true,
        phone,
        window: { date, from, ...(to ? { to } : {}) },
        language,
        reason,
        assignTo,
      });
      setIssues([]);
      onScheduled(r);
    } catch (err) {
      if (err instanceof OperationError) {
        setIssues(err.payload.issues ?? []);
        setError(err.payload.issues?.length ? t('form.fix') : err.payload.message);
      } else setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (path: string) => {
    const message = issueAt(path);
    return { 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${uid}-${path}-err` : undefined } as const;
  };
  // Main's messages are English for the log and IT; the responder reads them in the UI language.
  const LOCAL: Record<string, string> = {
    callId: 'form.needCall',
    consent: 'form.needConsent',
    phone: 'form.phoneBad',
    'window.date': 'form.windowBad',
    'window.from': 'form.windowBad',
    'window.to': 'form.windowEnd',
    reason: 'form.reasonBad',
  };
  const fieldError = (path: string) => {
    const message = issueAt(path);
    return message ? (
      <span className="field-error" id={`${uid}-${path}-err`} title={message}>
        {LOCAL[path] ? t(LOCAL[path] as string) : message}
      </span>
    ) : null;
  };

  return (
    <form className="cb-form panel" onSubmit={(e) => void submit(e)} aria-labelledby={`${uid}-title`} noValidate>
      <h2 id={`${uid}-title`}>{t('form.title')}</h2>
      <div className="field">
        <label htmlFor={`${uid}-call`}>{t('form.call')}</label>
        <select id={`${uid}-call`} ref={firstRef} value={callId} onChange={(e) => setCallId(e.target.value)} {...field('callId')} disabled={calls === null}>
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
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} {...field('consent')} />
        <span>{t('form.consent')}</span>
      </label>
      {fieldError('consent')}
      <label className="field">
        <span>{t('form.phone')}</span>
        <input type="tel" inputMode="tel" autoComplete="off" maxLength={40} value={phone} onChange={(e) => setPhone(e.target.value)} {...field('phone')} placeholder="0470 12 34 56" />
        {phoneCheck && (phoneCheck.success ? <span className="hint phone-ok">{t('form.phoneOk', { e164: phoneCheck.data })}</span> : !issueAt('phone') && <span className="hint phone-bad">{t('form.phoneBad')}</span>)}
        {fieldError('phone')}
      </label>
      <fieldset className="cb-window">
        <legend>{t('form.window')}</legend>
        <div className="cb-window-fields">
          <label className="field">
            <span>{t('form.date')}</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} {...field('window.date')} />
          </label>
          <label className="field">
            <span>{t('form.from')}</span>
            <input type="time" value={from} onChange={(e) => setFrom(e.target.value)} {...field('window.from')} />
          </label>
          <label className="field">
            <span>{t('form.to')}</span>
            <input type="time" value={to} onChange={(e) => setTo(e.target.value)} {...field('window.to')} />
          </label>
        </div>
        <div className="button-row">
          <button type="button" className="small" onClick={() => { const s = suggestedStart(now, 60); setDate(s.date); setFrom(s.time); setTo(''); }}>
            {t('form.inOneHour')}
          </button>
          <button type="button" className="small" onClick={() => { setDate(addDays(dayOf(now), 1)); setFrom('10:00'); setTo('12:00'); }}>
            {t('form.tomorrowMorning')}
          </button>
        </div>
        {fieldError('window.date')}
        {fieldError('window.from')}
        {fieldError('window.to')}
        <p className="hint">{t('form.timeZone', { now: timeOf(now) })}</p>
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-language`}>{t('form.language')}</label>
        <select id={`${uid}-language`} value={language} onChange={(e) => setLanguage(e.target.value as CallLanguage)} {...field('language')}>
          {CALL_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="field">
        <span>{t('form.reason')}</span>
        <input type="text" value={reason} maxLength={REASON_MAX_CHARS} onChange={(e) => setReason(e.target.value)} {...field('reason')} placeholder={t('form.reasonPlaceholder')} />
        {findings.length > 0 && (
          <span className="guard-flags" role="status">
            {t('form.identifying', { kinds: [...new Set(findings.map((f) => t(`kind.${f.kind}`)))].join(', ') })}{' '}
            <button type="button" className="small" onClick={() => setReason(redactIdentifyingData(reason, () => '…', findings))}>
              {t('form.redact')}
            </button>
          </span>
        )}
        {fieldError('reason')}
      </label>
      <fieldset className="cb-assign">
        <legend>{t('form.holder')}</legend>
        <label className="check">
          <input type="radio" name={`${uid}-assign`} checked={assignTo === 'me'} onChange={() => setAssignTo('me')} />
          <span>{t('form.holderMe')}</span>
        </label>
        <label className="check">
          <input type="radio" name={`${uid}-assign`} checked={assignTo === 'team'} onChange={() => setAssignTo('team')} />
          <span>{t('form.holderTeam')}</span>
        </label>
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('form.submit')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
