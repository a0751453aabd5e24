import { useEffect, useId } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { reportsContract } from '../../../src/contract/reportsContract.ts';
import { DateField } from '../../components/DateField.tsx';
import { FieldIssue } from '../../components/FieldIssue.tsx';
import { useContractForm } from '../../components/useContractForm.ts';

// The period of a bilan, and its flavour when it has one (the local and the line's bilan; the
// quotes review asks the period only). The form above it owns the values (period, flavour) and
// what is done with them; these fields check what is typed against the operation's own schema
// (react-hook-form) and say beside each field what main would refuse.

type Flavour = 'internal' | 'public';
interface Period {
  from: string;
  to: string;
}

// Both with the period's rule from the contract: `reports.period` (and `reports.line`, the same
// shape) with its flavour; the quotes review's `reports.quotes.list` without.
const WITH_FLAVOUR = reportsContract['reports.period'].input;
const PERIOD_ONLY = reportsContract['reports.quotes.list'].input;

type Values = { from: string; to: string; flavour?: Flavour };
const KEYS = ['from', 'to', 'flavour'] as const;

type Props = { period: Period; onPeriod: (p: Period) => void; name?: string } & ({ flavour: Flavour; onFlavour: (f: Flavour) => void } | { flavour?: undefined; onFlavour?: undefined });

export function PeriodFields({ period, onPeriod, flavour, onFlavour, name }: Props) {
  const { t } = useTranslation('reports');
  const uid = useId();
  const outside = { ...period, ...(flavour === undefined ? {} : { flavour }) };
  const { control, formState, getValues, setValue } = useContractForm<Values, unknown>(flavour === undefined ? PERIOD_ONLY : WITH_FLAVOUR, { mode: 'onChange', defaultValues: outside });
  // The values are the parent's: each change goes up, and what comes down from elsewhere (the
  // suggested period arriving) is set in the field. Set, not reset: a reset would drop the
  // check under way of what was just typed.
  useEffect(() => {
    for (const key of KEYS) if (outside[key] !== undefined && getValues(key) !== outside[key]) setValue(key, outside[key]);
  }, [outside.from, outside.to, outside.flavour, getValues, setValue]);
  const date = (key: 'from' | 'to') => (
    <label className="field">
      <span>{t(`period.${key}`)}</span>
      <Controller
        control={control}
        name={key}
        render={({ field }) => (
          <DateField
            value={field.value}
            required
            onChange={(v) => {
              field.onChange(v);
              onPeriod({ ...period, [key]: v });
            }}
          />
        )}
      />
      <FieldIssue error={formState.errors[key]} id={`${uid}-${key}`} />
    </label>
  );
  return (
    <>
      {date('from')}
      {date('to')}
      {flavour !== undefined && (
        <fieldset className="field flavour">
          <legend>{t('period.flavour')}</legend>
          <Controller
            control={control}
            name="flavour"
            render={({ field }) => (
              <>
                {(['internal', 'public'] as const).map((f) => (
                  <label key={f}>
                    <input
                      type="radio"
                      name={name ?? `${uid}-flavour`}
                      checked={field.value === f}
                      onChange={() => {
                        field.onChange(f);
                        onFlavour(f);
                      }}
                    />{' '}
                    {t(`period.${f}`)}
                  </label>
                ))}
              </>
            )}
          />
        </fieldset>
      )}
    </>
  );
}
