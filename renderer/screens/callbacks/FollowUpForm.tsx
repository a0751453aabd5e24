import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type CallbackView, callbacksContract } from '../../../src/contract/callbacksContract.ts';
import { HELP_OUTCOMES } from '../../../src/domain/helpOutcomes.ts';
import type { OutputOf } from '../../../src/contract/index.ts';
import type { ErrorPayload } from '../../../src/errors.ts';
import { call, OperationError } from '../../bridge.ts';
import { useReasonText } from '../../components/ErrorMessage.tsx';
import { useState } from 'react';

// The follow-up a reached callback writes (issue 15): per referral of the original call, did
// help arrive; any new request; does the person agree to another callback. Codes only. The form
// is the operation's input without the callback's id: the contract's own schema checks it.

type FollowUp = OutputOf<'callbacks.followUp'>;
const schema = callbacksContract['callbacks.followUp'].input.omit({ id: true });
type Values = z.infer<typeof schema>;

export function FollowUpForm({ c, initial, focusFirst = false, onSaved, onSkip }: { c: CallbackView; initial: FollowUp | null; focusFirst?: boolean; onSaved(f: FollowUp): void; onSkip(): void }) {
  const { t } = useTranslation('callbacks');
  const reasonText = useReasonText();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const referrals = c.call?.referrals ?? [];
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      referrals: referrals.map((r) => ({ serviceId: r.serviceId, help: initial?.referrals.find((x) => x.serviceId === r.serviceId)?.help ?? 'arrived' })),
      newRequest: initial?.newRequest ?? false,
      anotherCallback: initial?.anotherCallback ?? false,
    },
  });
  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await call('callbacks.followUp', { id: c.id, ...values }));
    } catch (e) {
      setError(e instanceof OperationError ? e.payload : { code: 'Internal', message: String(e) });
    }
  });
  return (
    <form className="cb-follow-up" onSubmit={(e) => void submit(e)} aria-labelledby={`cb-fu-${c.id}`}>
      <h3 id={`cb-fu-${c.id}`}>{t('followUp.title')}</h3>
      {referrals.length === 0 && <p className="muted">{t('followUp.noReferral')}</p>}
      {referrals.map((r, i) => (
        <div className="field" key={r.serviceId}>
          <label htmlFor={`cb-fu-${c.id}-${i}`}>{t('followUp.helpFor', { service: r.serviceName })}</label>
          <input type="hidden" {...register(`referrals.${i}.serviceId`)} />
          <select id={`cb-fu-${c.id}-${i}`} {...register(`referrals.${i}.help`)} data-initial-focus={focusFirst && i === 0 ? true : undefined}>
            {HELP_OUTCOMES.map((h) => (
              <option key={h} value={h}>
                {t(`help.${h}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <label className="check">
        <input type="checkbox" {...register('newRequest')} />
        <span>{t('followUp.newRequest')}</span>
      </label>
      <label className="check">
        <input type="checkbox" {...register('anotherCallback')} />
        <span>{t('followUp.anotherCallback')}</span>
      </label>
      {error && (
        <p className="error" role="alert">
          {reasonText(error)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('followUp.save')}
        </button>
        <button type="button" className="ghost" onClick={onSkip} data-initial-focus={focusFirst && referrals.length === 0 ? true : undefined}>
          {t('followUp.later')}
        </button>
      </div>
    </form>
  );
}
