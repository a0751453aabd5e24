import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, invoke, OperationError } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { shift } from './shift.ts';

type ProfileItem = OutputOf<'profiles.list'>['profiles'][number];

/**
 * Start of a shift: the responder picks their profile (the last one used comes first, so after
 * a restart one Enter gets back to the call) or creates one: a display name and a partner centre.
 */
export function ProfilePicker({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const [profiles, setProfiles] = useState<ProfileItem[] | null>(null);
  const [name, setName] = useState('');
  const [centre, setCentre] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLButtonElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const centresId = useId();

  useEffect(() => {
    void invoke('profiles.list', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setProfiles(r.value.profiles);
    });
  }, []);
  // Once the list is on screen (committed), the keyboard lands on the last responder, or on
  // the name of a new profile; after the Shell's own "focus the screen" on navigation.
  const listShown = profiles !== null;
  useEffect(() => {
    if (!listShown) return;
    const id = requestAnimationFrame(() => (firstRef.current ?? nameRef.current)?.focus());
    return () => cancelAnimationFrame(id);
  }, [listShown]);

  const signIn = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      await shift.signIn(id);
      onSignedIn?.();
    } catch (e) {
      if (e instanceof OperationError) setError(e.payload);
    } finally {
      setBusy(false);
    }
  };

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const p = await call('profiles.create', { displayName: name, centre });
      await shift.signIn(p.id);
      onSignedIn?.();
    } catch (err) {
      if (err instanceof OperationError) setError(err.payload);
      nameRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const centres = [...new Set((profiles ?? []).map((p) => p.centre))].sort();

  return (
    <section className="profile-picker" aria-labelledby="shift-title">
      <h1 id="shift-title">{t('shift.title')}</h1>
      <p className="muted">{t('shift.intro')}</p>
      <ErrorMessage error={error} />
      {profiles && profiles.length > 0 && (
        <ul className="profile-list" aria-label={t('shift.listLabel')}>
          {profiles.map((p, i) => (
            <li key={p.id}>
              <button type="button" ref={i === 0 ? firstRef : undefined} disabled={busy} onClick={() => void signIn(p.id)}>
                <strong>{p.displayName}</strong>
                <span className="muted">{p.centre}</span>
                {p.lastSignedInAt && <span className="hint">{t('shift.lastSeen', { when: formatDateTime(p.lastSignedInAt, lang) })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="panel new-profile" onSubmit={(e) => void create(e)} aria-labelledby="new-profile-title">
        <h2 id="new-profile-title">{t('shift.newTitle')}</h2>
        <label className="field">
          <span>{t('shift.name')}</span>
          <input ref={nameRef} value={name} maxLength={80} required autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('shift.centre')}</span>
          <input value={centre} maxLength={120} required list={centresId} autoComplete="off" onChange={(e) => setCentre(e.target.value)} />
          <datalist id={centresId}>
            {centres.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <p className="hint">{t('shift.privacy')}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t('shift.create')}
        </button>
      </form>
    </section>
  );
}
