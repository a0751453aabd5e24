import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { type Resolver, type UseFormRegisterReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { OutputOf } from '../../../src/contract/index.ts';
import { PIN_RULE } from '../../../src/contract/pinRule.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { OperationError } from '../../bridge.ts';
import { useOperation } from '../../data/useOperation.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useShiftActions } from './shift.ts';

type ProfileItem = OutputOf<'profiles.list'>['profiles'][number];
interface PinValues {
  pin: string;
  confirm: string;
}

// The PIN or passphrase as profiles.signIn takes it; a new PIN twice, the same 6 to 12 digits.
// Messages are locale keys (shift.*), said in the user's language.
const secretSchema = z.object({ pin: z.string().min(1).max(256), confirm: z.string() });
const newPinSchema = z
  .object({ pin: z.string().regex(PIN_RULE, 'shift.pinRule'), confirm: z.string() })
  .refine((v) => v.pin === v.confirm, { path: ['confirm'], message: 'shift.pinMismatch' });

/**
 * Start of a shift: the responder picks their profile (the last one used comes first, so after
 * a restart Enter, the PIN and Enter get back to the call). Profiles are made by a supervisor in
 * Administration (issue 12): someone without one is told to ask a supervisor. A profile made
 * before PINs existed chooses its PIN here.
 */
export function ProfilePicker({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const list = useOperation('profiles.list', {});
  const profiles = list.data?.profiles ?? null;
  const [signInError, setError] = useState<ErrorPayload | null>(null);
  const error = signInError ?? list.error?.payload ?? null;
  const [selected, setSelected] = useState<ProfileItem | null>(null);
  const settingPin = selected !== null && !selected.hasPin && selected.role === 'responder';
  const mode = useRef(settingPin);
  mode.current = settingPin;
  const resolver: Resolver<PinValues> = (values, context, options) => zodResolver(mode.current ? newPinSchema : secretSchema)(values, context, options);
  const { register, handleSubmit, reset, formState } = useForm<PinValues>({ resolver, defaultValues: { pin: '', confirm: '' } });
  const busy = formState.isSubmitting;
  const formProblem = formState.errors.pin?.message ?? formState.errors.confirm?.message;
  const localError = formProblem ? t(formProblem) : null;
  const shiftActions = useShiftActions();
  const firstRef = useRef<HTMLButtonElement>(null);
  // Once the list is on screen (committed), the keyboard lands on the last responder, after
  // the Shell's own "focus the screen" on navigation.
  const listShown = profiles !== null;
  useEffect(() => {
    if (!listShown) return;
    const id = requestAnimationFrame(() => firstRef.current?.focus());
    return () => cancelAnimationFrame(id);
  }, [listShown]);

  const pick = (p: ProfileItem | null) => {
    setSelected(p);
    reset();
    setError(null);
  };

  const signIn = handleSubmit(async ({ pin }) => {
    if (!selected) return;
    setError(null);
    try {
      await (settingPin ? shiftActions.signIn(selected.id, { newPin: pin }) : shiftActions.signIn(selected.id, { secret: pin }));
      onSignedIn?.();
    } catch (err) {
      if (err instanceof OperationError) setError(err.payload);
      reset();
    }
  });

  if (selected) {
    const passphrase = selected.role === 'supervisor';
    return (
      <section className="profile-picker" aria-labelledby="shift-title">
        <h1 id="shift-title">{t('shift.title')}</h1>
        <form className="panel new-profile" onSubmit={(e) => void signIn(e)} aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">{t('shift.signInTitle', { name: selected.displayName, centre: selected.centre })}</h2>
          <ErrorMessage error={error} />
          {localError && (
            <p className="error" role="alert">
              {localError}
            </p>
          )}
          {settingPin && <p className="hint">{t('shift.setPinIntro')}</p>}
          {settingPin ? (
            <NewPinFields pin={register('pin')} confirm={register('confirm')} label={t('shift.newPin')} confirmLabel={t('shift.pinConfirm')} autoFocus />
          ) : (
            <label className="field">
              <span>{passphrase ? t('shift.yourPassphrase') : t('shift.yourPin')}</span>
              <input
                type="password"
                inputMode={passphrase ? undefined : 'numeric'}
                autoComplete="off"
                autoFocus
                required
                maxLength={passphrase ? 256 : 12}
                {...register('pin')}
              />
            </label>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('shift.start')}
            </button>
            <button type="button" disabled={busy} onClick={() => pick(null)}>
              {t('shift.back')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section className="profile-picker" aria-labelledby="shift-title">
      <h1 id="shift-title">{t('shift.title')}</h1>
      <p className="muted">{t('shift.intro')}</p>
      <ErrorMessage error={error} />
      {localError && (
        <p className="error" role="alert">
          {localError}
        </p>
      )}
      {profiles && profiles.length > 0 && (
        <ul className="profile-list" aria-label={t('shift.listLabel')}>
          {profiles.map((p, i) => (
            <li key={p.id}>
              <button type="button" ref={i === 0 ? firstRef : undefined} disabled={busy} onClick={() => pick(p)}>
                <strong>{p.displayName}</strong>
                <span className="muted">{p.centre}</span>
                {p.lastSignedInAt && <span className="hint">{t('shift.lastSeen', { when: formatDateTime(p.lastSignedInAt, lang) })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Issue 12: profiles are made by supervisors (Administration); nobody creates one here. */}
      <div className="panel ask-supervisor" role="note" aria-labelledby="no-profile-title">
        <h2 id="no-profile-title">{t('shift.noProfileTitle')}</h2>
        <p>{t('shift.askSupervisor')}</p>
      </div>
    </section>
  );
}

/** A new PIN and its confirmation: hidden digits, numeric keypad, never offered to autofill. */
function NewPinFields(props: { pin: UseFormRegisterReturn; confirm: UseFormRegisterReturn; label: string; confirmLabel: string; autoFocus?: boolean }) {
  return (
    <>
      <label className="field">
        <span>{props.label}</span>
        <input type="password" inputMode="numeric" autoComplete="off" required maxLength={12} autoFocus={props.autoFocus} {...props.pin} />
      </label>
      <label className="field">
        <span>{props.confirmLabel}</span>
        <input type="password" inputMode="numeric" autoComplete="off" required maxLength={12} {...props.confirm} />
      </label>
    </>
  );
}
