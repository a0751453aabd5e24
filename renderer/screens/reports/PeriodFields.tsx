import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';

// The period and the flavour of a bilan, as the local and the line's bilan both ask them.

type Flavour = 'internal' | 'public';
interface Period {
  from: string;
  to: string;
}

export function PeriodFields({ period, onPeriod, flavour, onFlavour, name }: { period: Period; onPeriod: (p: Period) => void; flavour: Flavour; onFlavour: (f: Flavour) => void; name: string }) {
  const { t } = useTranslation('reports');
  return (
    <>
      <label className="field">
        <span>{t('period.from')}</span>
        <DateField value={period.from} required onChange={(from) => onPeriod({ ...period, from })} />
      </label>
      <label className="field">
        <span>{t('period.to')}</span>
        <DateField value={period.to} required onChange={(to) => onPeriod({ ...period, to })} />
      </label>
      <fieldset className="field flavour">
        <legend>{t('period.flavour')}</legend>
        <label>
          <input type="radio" name={name} checked={flavour === 'internal'} onChange={() => onFlavour('internal')} /> {t('period.internal')}
        </label>
        <label>
          <input type="radio" name={name} checked={flavour === 'public'} onChange={() => onFlavour('public')} /> {t('period.public')}
        </label>
      </fieldset>
    </>
  );
}
