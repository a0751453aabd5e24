import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/index.ts';
import { PIN_RULE } from '../../../src/contract/pinRule.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke, OperationError } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useShiftActions } from './shift.ts';

type ProfileItem = OutputOf<'profiles.list'>['profiles'][number];

/**
 * Start of a shift: the responder picks their profile (the last one used comes first, so after
 * a restart Enter, the PIN and Enter get back to the call). Profiles are made by a supervisor in
 * Administration (issue 12): someone without one is told to ask a supervisor. A profile made
 * before PINs existed chooses its PIN here.
 */
export function ProfilePicker({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const [profiles, setProfiles] = useState<ProfileItem[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const [pin, setPin] = useState('');
  const [pinConfirm, setPinConfirm] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ProfileItem | null>(null);
  const shiftActions = useShiftActions();
  const firstRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void invoke('profiles.list', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setProfiles(r.value.profiles);
    });
  }, []);
  // Once the list is on screen (committed), the keyboard lands on the last responder, after
  // the Shell's own "focus the screen" on navigation.
  const listShown = profiles !== null;
  useEffect(() => {
    if (!listShown) return;
    const id = requestAnimationFrame(() => firstRef.current?.focus());
    return () => cancelAnimationFrame(id);
  }, [listShown]);

  /** The two PIN fields of a new PIN (new profile, or a profile without one): same digits, 6 to 12. */
  const checkNewPin = (): boolean => {
    const problem = !PIN_RULE.test(pin) ? t('shift.pinRule') : pin !== pinConfirm ? t('shift.pinMismatch') : null;
    setLocalError(problem);
    return problem === null;
  };

  const pick = (p: ProfileItem | null) => {
    setSelected(p);
    setPin('');
    setPinConfirm('');
    setError(null);
    setLocalError(null);
  };

  const signIn = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!selected) return;
    const settingPin = !selected.hasPin && selected.role === 'responder';
    if (settingPin && !checkNewPin()) return;
    setBusy(true);
    setError(null);
    setLocalError(null);
    try {
      await (settingPin ? shiftActions.signIn(selected.id, { newPin: pin }) : shiftActions.signIn(selected.id, { secret: pin }));
      onSignedIn?.();
    } catch (err) {
      if (err instanceof OperationError) setError(err.payload);
      setPin('');
      setPinConfirm('');
    } finally {
      setBusy(false);
    }
  };

  if (selected) {
    const settingPin = !selected.hasPin && selected.role === 'responder';
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
            <NewPinFields pin={pin} confirm={pinConfirm} onPin={setPin} onConfirm={setPinConfirm} label={t('shift.newPin')} confirmLabel={t('shift.pinConfirm')} autoFocus />
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
                value={pin}
                onChange={(e) => setPin(e.target.value)}
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
function NewPinFields(props: { pin: string; confirm: string; onPin: (v: string) => void; onConfirm: (v: string) => void; label: string; confirmLabel: string; autoFocus?: boolean }) {
  return (
    <>
      <label className="field">
        <span>{props.label}</span>
        <input type="password" inputMode="numeric" autoComplete="off" required maxLength={12} autoFocus={props.autoFocus} value={props.pin} onChange={(e) => props.onPin(e.target.value)} />
      </label>
      <label className="field">
        <span>{props.confirmLabel}</span>
        <input type="password" inputMode="numeric" autoComplete="off" required maxLength={12} value={props.confirm} onChange={(e) => props.onConfirm(e.target.value)} />
      </label>
    </>
  );
}
