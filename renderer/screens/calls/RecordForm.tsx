import { zodResolver } from '@hookform/resolvers/zod';
import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef } from 'react';
import { type Control, Controller, useController, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  BARRIERS,
  CALL_LANGUAGES,
  CALLER_HISTORY,
  CALLER_TYPES,
  callRecordSchema,
  DEBRIEF_REASON_MAX_CHARS,
  HEARD_FROM,
  INTERVENTIONS,
  KNOW_THAT_MAX_CHARS,
  PSEUDONYM_MAX_CHARS,
  REFERRAL_OUTCOMES,
  RESOLUTIONS,
  SOCIAL_AID_CONTACTS,
  type StoredRecord,
  UNMET_NEED_MAX_CHARS,
} from '../../../src/contract/callSchemas.ts';
import { COMMUNES, OTHER_COMMUNE_CODES } from '../../../src/domain/communes.ts';
import { call, OperationError } from '../../bridge.ts';
import type { UiLang } from '../../i18n/i18n.ts';
import { type SaveTracker, SerialSaver } from './autosave.ts';
import { GuardFlags } from './GuardFlags.tsx';
import { useGuard, useRedactShortcut } from './guard.ts';
import { ReferralSearch, type ReferralSearchHandle } from './ReferralSearch.tsx';
import { RepeatCallerHint } from './RepeatCallerHint.tsx';
import { useTaxonomy } from './useTaxonomy.ts';
import { communeBilingual, communesSorted } from '../../i18n/communes.ts';

// The anonymous call record: react-hook-form validated by the very zod schema the API contract
// uses to close a record (callRecordSchema). Every field is optional except the themes and the
// intervention; nothing asks for an identity. Every change is autosaved as a draft.

export type RecordValues = z.input<typeof callRecordSchema>;

export interface RecordFormHandle {
  /** Validates for closing: resolves with the values, or null after focusing the first error. */
  validate(): Promise<z.output<typeof callRecordSchema> | null>;
  focus(target: 'themes' | 'interventions' | 'referral'): void;
}

function toForm(r: StoredRecord): RecordValues {
  return {
    callerType: r.callerType,
    language: r.language,
    languageOther: r.languageOther ?? '',
    interpreter: r.interpreter,
    commune: r.commune,
    callerHistory: r.callerHistory,
    pseudonym: r.pseudonym ?? '',
    heardFrom: r.heardFrom,
    heardFromOther: r.heardFromOther ?? '',
    themes: r.themes,
    interventions: r.interventions,
    referrals: r.referrals,
    resolution: r.resolution,
    unmetNeed: r.unmetNeed ?? '',
    mayQuote: r.mayQuote,
    noRequest: r.noRequest,
    lookedFor: r.lookedFor ?? '',
    socialAidContact: r.socialAidContact,
    barriers: r.barriers,
    debrief: r.debrief,
    debriefReason: r.debriefReason ?? '',
    knowThat: r.knowThat ?? '',
  };
}

const orNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** A free-text field under the anonymity guard (flags + one-click redaction + Alt+X). */
function GuardedText({ control, name, label, hint, max, multiline = false }: {
  control: Control<RecordValues>;
  name: 'pseudonym' | 'knowThat' | 'unmetNeed' | 'languageOther' | 'heardFromOther' | 'debriefReason';
  label: string;
  hint?: string;
  max: number;
  multiline?: boolean;
}) {
  const { field } = useController({ control, name });
  const value = (field.value as string | null | undefined) ?? '';
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { findings, redact, redactAll } = useGuard(value, field.onChange, ref);
  useRedactShortcut(ref, redactAll);
  const hintId = useId();
  const common = {
    ref,
    name: field.name,
    value,
    maxLength: max,
    onBlur: field.onBlur,
    'aria-invalid': findings.length > 0 || undefined,
    'aria-describedby': hint ? hintId : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => field.onChange(e.target.value),
  };
  return (
    <div className="field">
      <label className="field">
        <span>{label}</span>
        {multiline ? <textarea rows={2} {...common} /> : <input autoComplete="off" {...common} />}
      </label>
      {hint && <p id={hintId} className="hint">{hint}</p>}
      <GuardFlags findings={findings} onRedact={redact} onRedactAll={redactAll} />
    </div>
  );
}

export const RecordForm = forwardRef<RecordFormHandle, { callId: string; record: StoredRecord; editable: boolean; tracker: SaveTracker }>(function RecordForm(
  { callId, record, editable, tracker },
  handle,
) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const themes = useTaxonomy();
  const defaults = useMemo(() => toForm(record), [record]);
  const { control, register, watch, getValues, handleSubmit, formState } = useForm<RecordValues, unknown, z.output<typeof callRecordSchema>>({
    resolver: zodResolver(callRecordSchema),
    defaultValues: defaults,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const referrals = useFieldArray({ control, name: 'referrals', keyName: 'key' });
  const themesRef = useRef<HTMLInputElement | null>(null);
  const interventionsRef = useRef<HTMLInputElement | null>(null);
  const searchRef = useRef<ReferralSearchHandle>(null);

  const saver = useRef<SerialSaver<RecordValues> | null>(null);
  saver.current ??= new SerialSaver<RecordValues>(async (values) => {
    try {
      await call('calls.saveRecord', { callId, record: values as never });
    } catch (e) {
      if (e instanceof OperationError && e.payload.code !== 'Internal') Object.assign(e, { retry: false });
      throw e;
    }
  }, tracker);
  useEffect(() => {
    const s = saver.current;
    s?.retain();
    const sub = watch(() => s?.schedule(getValues()));
    return () => {
      sub.unsubscribe();
      s?.release();
    };
  }, [watch, getValues]);

  useImperativeHandle(handle, () => ({
    validate: () =>
      new Promise((resolve) => {
        void handleSubmit(
          (v) => resolve(v),
          (errors) => {
            // Groups of checkboxes: focus their first box, so the error is where the keyboard is.
            if (errors.themes) themesRef.current?.focus();
            else if (errors.interventions) interventionsRef.current?.focus();
            resolve(null);
          },
        )();
      }),
    focus(target) {
      if (target === 'themes') themesRef.current?.focus();
      else if (target === 'interventions') interventionsRef.current?.focus();
      else searchRef.current?.focus();
    },
  }));

  const language = watch('language');
  const heardFrom = watch('heardFrom');
  const commune = watch('commune');
  const debrief = watch('debrief');
  const pseudonym = watch('pseudonym');
  const referralValues = watch('referrals');
  const referralIds = useMemo(() => new Set(referrals.fields.map((f) => f.serviceId)), [referrals.fields]);
  const communeName = (c: (typeof COMMUNES)[number]) => communeBilingual(c, lang);
  const sortedCommunes = useMemo(() => communesSorted(lang), [lang]);

  return (
    <form className="record-form" aria-labelledby="record-title" onSubmit={(e) => e.preventDefault()} noValidate>
      <header className="record-header">
        <h2 id="record-title">{t('record.title')}</h2>
        <p className="hint">{t('record.anonymous')}</p>
      </header>
      <fieldset disabled={!editable} className="record-fields">
        <Controller
          control={control}
          name="themes"
          render={({ field, fieldState }) => (
            <fieldset className="choice-group" aria-invalid={fieldState.error ? true : undefined} aria-describedby={fieldState.error ? 'themes-error' : undefined}>
              <legend>
                {t('record.themes')} <span aria-hidden="true">*</span> <kbd>Alt+T</kbd>
              </legend>
              <div className="choices themes">
                {themes.map((th, i) => {
                  const checked = (field.value ?? []).includes(th.code);
                  return (
                    <label key={th.code} className="check">
                      <input
                        type="checkbox"
                        ref={i === 0 ? (el) => { themesRef.current = el; field.ref(el); } : undefined}
                        checked={checked}
                        aria-keyshortcuts={i === 0 ? 'Alt+T' : undefined}
                        onChange={() => field.onChange(checked ? (field.value ?? []).filter((c) => c !== th.code) : [...(field.value ?? []), th.code])}
                      />
                      <span>{th.labels[lang]}</span>
                    </label>
                  );
                })}
              </div>
              {fieldState.error && <p id="themes-error" className="error" role="alert">{t('record.themesRequired')}</p>}
            </fieldset>
          )}
        />

        <Controller
          control={control}
          name="interventions"
          render={({ field, fieldState }) => (
            <fieldset className="choice-group" aria-invalid={fieldState.error ? true : undefined} aria-describedby={fieldState.error ? 'interventions-error' : undefined}>
              <legend>
                {t('record.interventions')} <span aria-hidden="true">*</span> <kbd>Alt+I</kbd>
              </legend>
              {/* Compact (issue 16, point 7): the mode's words on screen, what it means in its
                  tooltip and for screen readers — the themes and the intervention fit 1280×800. */}
              <div className="choices interventions">
                {INTERVENTIONS.map((mode, i) => {
                  const checked = (field.value ?? []).includes(mode);
                  return (
                    <label key={mode} className="check" title={t(`record.interventionHint.${mode}`)}>
                      <input
                        type="checkbox"
                        ref={i === 0 ? (el) => { interventionsRef.current = el; field.ref(el); } : undefined}
                        checked={checked}
                        aria-keyshortcuts={i === 0 ? 'Alt+I' : undefined}
                        onChange={() => field.onChange(checked ? (field.value ?? []).filter((c) => c !== mode) : [...(field.value ?? []), mode])}
                      />
                      <span>
                        {t(`record.intervention.${mode}`)}<span className="visually-hidden">, {t(`record.interventionHint.${mode}`)}</span>
                      </span>
                    </label>
                  );
                })}
              </div>
              {fieldState.error && <p id="interventions-error" className="error" role="alert">{t('record.interventionsRequired')}</p>}
            </fieldset>
          )}
        />

        <fieldset className="choice-group referrals">
          <legend>{t('referrals.title')}</legend>
          {referrals.fields.length > 0 && (
            <ul className="referral-list">
              {referrals.fields.map((r, i) => (
                <li key={r.key} data-testid="referral">
                  <strong>{r.serviceName}</strong>
                  <label className="check">
                    <input type="checkbox" {...register(`referrals.${i}.contacted` as const)} />
                    <span>{t('referrals.contacted')}</span>
                  </label>
                  {referralValues?.[i]?.contacted && (
                    <label className="check consent" aria-invalid={formState.errors.referrals?.[i]?.consent ? true : undefined}>
                      <input type="checkbox" {...register(`referrals.${i}.consent` as const)} />
                      <span>
                        {t('referrals.consent')} <span aria-hidden="true">*</span>
                      </span>
                    </label>
                  )}
                  {formState.errors.referrals?.[i]?.consent && (
                    <p className="error" role="alert">
                      {t('referrals.consentRequired')}
                    </p>
                  )}
                  <label className="field inline">
                    <span>{t('referrals.outcome')}</span>
                    <select {...register(`referrals.${i}.outcome` as const, { setValueAs: orNull })}>
                      <option value="">{t('record.unspecified')}</option>
                      {REFERRAL_OUTCOMES.map((o) => (
                        <option key={o} value={o}>{t(`referrals.outcomes.${o}`)}</option>
                      ))}
                    </select>
                  </label>
                  <button type="button" className="small" onClick={() => referrals.remove(i)} aria-label={t('referrals.removeLabel', { name: r.serviceName })}>
                    {t('referrals.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {editable && (
            <ReferralSearch
              ref={searchRef}
              commune={commune ?? null}
              exclude={referralIds}
              onPick={(s) => referrals.append({ serviceId: s.id, serviceName: s.name, contacted: false, consent: false, outcome: null })}
            />
          )}
        </fieldset>

        <label className="field">
          <span>{t('record.resolution.label')}</span>
          <select {...register('resolution', { setValueAs: orNull })}>
            <option value="">{t('record.unspecified')}</option>
            {RESOLUTIONS.map((v) => (
              <option key={v} value={v}>{t(`record.resolution.${v}`)}</option>
            ))}
          </select>
        </label>
        <GuardedText control={control} name="unmetNeed" label={t('record.unmetNeed')} hint={t('record.unmetNeedHint')} max={UNMET_NEED_MAX_CHARS} multiline />
        {/* Issue 16, point 7: at 1280×800 the required themes and intervention come first, on
            screen without scrolling, then the referrals and the outcome a short scroll of this
            pane away (the notes stay in view); the optional facts follow, in a section the
            responder can fold. */}
        <details className="record-optional" open>
          <summary>{t('record.optional')}</summary>
          <div className="grid-2">
            <label className="field">
              <span>{t('record.callerType.label')}</span>
              <select {...register('callerType', { setValueAs: orNull })}>
                <option value="">{t('record.unspecified')}</option>
                {CALLER_TYPES.map((v) => (
                  <option key={v} value={v}>{t(`record.callerType.${v}`)}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('record.callerHistory.label')}</span>
              <select {...register('callerHistory', { setValueAs: orNull })}>
                <option value="">{t('record.unspecified')}</option>
                {CALLER_HISTORY.map((v) => (
                  <option key={v} value={v}>{t(`record.callerHistory.${v}`)}</option>
                ))}
              </select>
            </label>
          </div>
          <GuardedText control={control} name="pseudonym" label={t('record.pseudonym')} hint={t('record.pseudonymHint')} max={PSEUDONYM_MAX_CHARS} />
          <RepeatCallerHint callId={callId} pseudonym={pseudonym ?? ''} />
          <GuardedText control={control} name="knowThat" label={t('record.knowThat')} hint={t('record.knowThatHint')} max={KNOW_THAT_MAX_CHARS} />
          <div className="grid-2">
            <label className="field">
              <span>{t('record.language.label')}</span>
              <select {...register('language', { setValueAs: orNull })}>
                <option value="">{t('record.unspecified')}</option>
                {CALL_LANGUAGES.map((v) => (
                  <option key={v} value={v}>{t(`record.language.${v}`)}</option>
                ))}
              </select>
            </label>
            <label className="check interpreter">
              <input type="checkbox" {...register('interpreter')} />
              <span>{t('record.interpreter')}</span>
            </label>
          </div>
          {language === 'other' && <GuardedText control={control} name="languageOther" label={t('record.languageOther')} max={60} />}
          <div className="grid-2">
            <label className="field">
              <span>{t('record.commune')}</span>
              <select {...register('commune', { setValueAs: orNull })}>
                <option value="">{t('record.unspecified')}</option>
                {OTHER_COMMUNE_CODES.map((v) => (
                  <option key={v} value={v}>{t(`record.communeOther.${v}`)}</option>
                ))}
                <optgroup label={t('record.communesGroup')}>
                  {sortedCommunes.map((c) => (
                    <option key={c.code} value={c.code}>{communeName(c)}</option>
                  ))}
                </optgroup>
              </select>
            </label>
            <label className="field">
              <span>{t('record.heardFrom.label')}</span>
              <select {...register('heardFrom', { setValueAs: orNull })}>
                <option value="">{t('record.unspecified')}</option>
                {HEARD_FROM.map((v) => (
                  <option key={v} value={v}>{t(`record.heardFrom.${v}`)}</option>
                ))}
              </select>
            </label>
          </div>
          {heardFrom === 'other' && <GuardedText control={control} name="heardFromOther" label={t('record.heardFromOther')} max={120} />}
        </details>

        <details className="record-more" open={Boolean(record.debrief || record.barriers.length || record.socialAidContact !== 'unknown') || undefined}>
          <summary>{t('record.more')}</summary>
          <div className="grid-2">
            <label className="field">
              <span>{t('record.socialAid.label')}</span>
              <select {...register('socialAidContact')}>
                {SOCIAL_AID_CONTACTS.map((v) => (
                  <option key={v} value={v}>{t(`record.socialAid.${v}`)}</option>
                ))}
              </select>
            </label>
            <Controller
              control={control}
              name="barriers"
              render={({ field }) => (
                <fieldset className="choice-group barriers">
                  <legend>{t('reportLabels:table.barriers')}</legend>
                  <div className="choices column">
                    {BARRIERS.map((b) => {
                      const checked = (field.value ?? []).includes(b);
                      return (
                        <label key={b} className="check" title={t(`record.barriers.hint.${b}`)}>
                          <input type="checkbox" checked={checked} onChange={() => field.onChange(checked ? (field.value ?? []).filter((x) => x !== b) : [...(field.value ?? []), b])} />
                          <span>{t(`reportLabels:barrier.${b}`)}</span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              )}
            />
          </div>
          <label className="check">
            <input type="checkbox" {...register('mayQuote')} />
            <span>{t('record.mayQuote')}</span>
          </label>
          <label className="check">
            <input type="checkbox" {...register('debrief')} />
            <span>{t('record.debrief')}</span>
          </label>
          {debrief && <GuardedText control={control} name="debriefReason" label={t('record.debriefReason')} max={DEBRIEF_REASON_MAX_CHARS} />}
        </details>
      </fieldset>
      {Object.keys(formState.errors).length > 0 && <p className="visually-hidden" role="alert">{t('record.invalid')}</p>}
    </form>
  );
});
