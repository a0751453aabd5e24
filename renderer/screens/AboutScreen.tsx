import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/index.ts';
import { invoke } from '../bridge.ts';

export function AboutScreen() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<OutputOf<'app.info'> | null>(null);
  useEffect(() => {
    void invoke('app.info', {}).then((r) => r.ok && setInfo(r.value));
  }, []);
  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      <p>{t('about.privacy')}</p>
      {info && (
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd data-testid="app-version">{info.appVersion}</dd>
          <dt>{t('about.runtime')}</dt>
          <dd>{info.runtime}</dd>
          <dt>{t('about.platform')}</dt>
          <dd>{info.platform}</dd>
          <dt>{t('about.shell')}</dt>
          <dd>{info.shell}</dd>
          <dt>{t('about.dataDir')}</dt>
          <dd><code>{info.dataDir}</code></dd>
        </dl>
      )}
    </section>
  );
}
