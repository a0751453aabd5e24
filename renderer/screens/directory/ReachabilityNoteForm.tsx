import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { directoryContract } from '../../../src/contract/directoryContract.ts';
import { redactIdentifyingData } from '../../../src/domain/identifyingData.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { invoke } from '../../bridge.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldIssue } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useOperation } from '../../data/useOperation.ts';
import { useSettled } from '../../data/useSettled.ts';
import { GuardFlags } from '../calls/GuardFlags.tsx';
import { useGuard, useRedactShortcut } from '../calls/guard.ts';
import { useShift } from '../calls/shift.ts';

// A service card's reachability note (issue 20): the text travels to every PC of the line, so it
// passes the outgoing-text gate — with its own rule (the directory's numbers, the service's own
// data and contact data announced as new are allowed). While it is typed, the card shows what the
// gate would refuse (main's directory.checkNote, the very rule), each with a mask button, as the
// console's guarded fields do; until main answers for the current text, the console's own guard
// flags conservatively. A supervisor may send it anyway: explicit, audited, checked by the router.
// The form is react-hook-form with the contract's own rule for the text (directory.addNote).

const CHECK_DELAY_MS = 150;
const noteSchema = directoryContract['directory.addNote'].input.pick({ text: true }).extend({ unreachable: z.boolean() });

export function ReachabilityNoteForm({ serviceId, onAdded }: { serviceId: string; onAdded: () => void }) {
  const { t } = useTranslation('directory');
  const { t: tc } = useTranslation('calls');
  const { profile } = useShift();
  const supervisor = profile?.role === 'supervisor';
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { register, handleSubmit, watch, setValue, reset, formState } = useContractForm(noteSchema, { defaultValues: { text: '', unreachable: false } });
  const note = watch('text');
  const setNote = useCallback((next: string) => setValue('text', next, { shouldDirty: true }), [setValue]);
  const ref = useRef<HTMLInputElement | null>(null);
  const local = useGuard(note, setNote, ref);

  // Main is asked once typing pauses; its answer counts only for the text it was asked about.
  const asked = useSettled(note, CHECK_DELAY_MS);
  const checked = useOperation('directory.checkNote', { serviceId, text: asked }, { enabled: asked.trim() !== '', gcTime: 0 }).data;

  const findings = note.trim() === '' ? [] : asked === note && checked ? checked.findings : local.findings;
  const redactAll = () => {
    setNote(redactIdentifyingData(note, (kind) => tc(`guard.redacted.${kind}`), findings));
    ref.current?.focus();
  };
  useRedactShortcut(ref, redactAll);

  const send = (override: boolean) =>
    handleSubmit(async (v) => {
      const r = await invoke('directory.addNote', { serviceId, text: v.text, ...(v.unreachable ? { kind: 'unreachable' as const } : {}), ...(override ? { override: true } : {}) });
      if (r.ok) {
        reset();
        setError(null);
        onAdded();
      } else setError(r.error);
    });
  const text = register('text');

  return (
    <form onSubmit={(e) => void send(false)(e)} className="reach-note-form" data-testid="reach-note-form" noValidate>
      <div className="inline-form">
        <label className="visually-hidden" htmlFor="reach-note">{t('card.addNoteLabel')}</label>
        <input
          id="reach-note"
          {...text}
          ref={(el) => {
            text.ref(el);
            ref.current = el;
          }}
          maxLength={500}
          aria-invalid={findings.length > 0 || formState.errors.text ? true : undefined}
          aria-describedby={formState.errors.text ? 'reach-note-err' : undefined}
          placeholder={t('card.addNotePlaceholder')}
          autoComplete="off"
        />
        <label className="check">
          <input type="checkbox" {...register('unreachable')} />
          <span>{t('card.unreachableNote')}</span>
        </label>
        <button type="submit" disabled={!note.trim() || findings.length > 0}>{t('card.addNote')}</button>
      </div>
      <FieldIssue error={formState.errors.text} id="reach-note-err" />
      <GuardFlags findings={findings} onRedact={local.redact} onRedactAll={redactAll} />
      {findings.length > 0 && (
        <p className="hint" data-testid="reach-note-flagged">
          {t(supervisor ? 'card.noteFlaggedSupervisor' : 'card.noteFlagged')}{' '}
          {supervisor && (
            <button type="button" className="small danger" onClick={() => void send(true)()}>
              {t('card.sendAnyway')}
            </button>
          )}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}
