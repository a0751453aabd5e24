import { useTranslation } from 'react-i18next';
import { useOperation } from '../data/useOperation.ts';
import type { UiLang } from '../i18n/i18n.ts';
import { lineHoursInWords } from '../i18n/words.ts';

// What support asks on the phone: which version, which folder, which line and centre, which
// configuration file — the real values of this PC, read from main (issue 16, point 9).
export function AboutScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLang;
  const info = useOperation('app.info', {}).data;
  const config = useOperation('config.get', {}, { staleTime: Infinity }).data;
  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      <p>{t('about.privacy')}</p>
      {info && (
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd data-testid="app-version">{info.appVersion}</dd>
          <dt>{t('about.licence')}</dt>
          <dd data-testid="app-licence">{t('about.licenceValue')}</dd>
          {config && (
            <>
              <dt>{t('about.line')}</dt>
              <dd data-testid="app-line">
                {t('about.lineValue', { hours: lineHoursInWords(config.values.lineHours, lang) })}
                {config.values.centreName ? ` — ${config.values.centreName}` : ''}
              </dd>
            </>
          )}
          <dt>{t('about.dataDir')}</dt>
          <dd data-testid="app-data-dir"><code>{info.dataDir}</code></dd>
          {config && (
            <>
              <dt>{t('about.config')}</dt>
              <dd>{config.path ? <code>{config.path}</code> : t('about.configDefaults')}</dd>
            </>
          )}
          <dt>{t('about.runtime')}</dt>
          <dd>{info.runtime}</dd>
          <dt>{t('about.platform')}</dt>
          <dd>{info.platform}</dd>
          <dt>{t('about.shell')}</dt>
          <dd>{t(`about.shells.${info.shell}`)}</dd>
        </dl>
      )}
    </section>
  );
}
