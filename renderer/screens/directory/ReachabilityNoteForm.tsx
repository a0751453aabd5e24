import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IdentifyingFinding, redactIdentifyingData } from '../../../src/domain/identifyingData.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { GuardFlags } from '../calls/GuardFlags.tsx';
import { useGuard, useRedactShortcut } from '../calls/guard.ts';
import { useShift } from '../calls/shift.ts';

// A service card's reachability note (issue 20): the text travels to every PC of the line, so it
// passes the outgoing-text gate — with its own rule (the directory's numbers, the service's own
// data and contact data announced as new are allowed). While it is typed, the card shows what the
// gate would refuse (main's directory.checkNote, the very rule), each with a mask button, as the
// console's guarded fields do; until main answers for the current text, the console's own guard
// flags conservatively. A supervisor may send it anyway: explicit, audited, checked by the router.

const CHECK_DELAY_MS = 150;

export function ReachabilityNoteForm({ serviceId, onAdded }: { serviceId: string; onAdded: () => void }) {
  const { t } = useTranslation('directory');
  const { t: tc } = useTranslation('calls');
  const { profile } = useShift();
  const supervisor = profile?.role === 'supervisor';
  const [note, setNote] = useState('');
  const [unreachable, setUnreachable] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [checked, setChecked] = useState<{ text: string; findings: IdentifyingFinding[] } | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const local = useGuard(note, setNote, ref);

  useEffect(() => {
    if (!note.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      void invoke('directory.checkNote', { serviceId, text: note }).then((r) => {
        if (live && r.ok) setChecked({ text: note, findings: r.value.findings });
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [note, serviceId]);

  const findings = note.trim() === '' ? [] : checked?.text === note ? checked.findings : local.findings;
  const redactAll = () => {
    setNote(redactIdentifyingData(note, (kind) => tc(`guard.redacted.${kind}`), findings));
    ref.current?.focus();
  };
  useRedactShortcut(ref, redactAll);

  const send = async (override: boolean) => {
    const text = note.trim();
    if (!text) return;
    const r = await invoke('directory.addNote', { serviceId, text, ...(unreachable ? { kind: 'unreachable' as const } : {}), ...(override ? { override: true } : {}) });
    if (r.ok) {
      setNote('');
      setUnreachable(false);
      setChecked(null);
      setError(null);
      onAdded();
    } else setError(r.error);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send(false);
      }}
      className="reach-note-form"
      data-testid="reach-note-form"
    >
      <div className="inline-form">
        <label className="visually-hidden" htmlFor="reach-note">{t('card.addNoteLabel')}</label>
        <input id="reach-note" ref={ref} value={note} maxLength={500} aria-invalid={findings.length > 0 || undefined} onChange={(e) => setNote(e.target.value)} placeholder={t('card.addNotePlaceholder')} autoComplete="off" />
        <label className="check">
          <input type="checkbox" checked={unreachable} onChange={(e) => setUnreachable(e.target.checked)} />
          <span>{t('card.unreachableNote')}</span>
        </label>
        <button type="submit" disabled={!note.trim() || findings.length > 0}>{t('card.addNote')}</button>
      </div>
      <GuardFlags findings={findings} onRedact={local.redact} onRedactAll={redactAll} />
      {findings.length > 0 && (
        <p className="hint" data-testid="reach-note-flagged">
          {t(supervisor ? 'card.noteFlaggedSupervisor' : 'card.noteFlagged')}{' '}
          {supervisor && (
            <button type="button" className="small danger" onClick={() => void send(true)}>
              {t('card.sendAnyway')}
            </button>
          )}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}
