import { useTranslation } from 'react-i18next';
import { useMaintainer } from './useMaintainer.ts';

/** On the home screen, for directory maintainers only: how many services wait to be verified. */
export function ToVerifyCount() {
  const { t } = useTranslation('directory');
  const { maintainer, toVerify } = useMaintainer();
  if (!maintainer) return null;
  return <p className={toVerify > 0 ? 'badge warn' : 'badge ok'} data-testid="home-to-verify">{t('home.toVerify', { count: toVerify })}</p>;
}
