import { useTranslation } from 'react-i18next';
import { saveLang, UI_LANGS, type UiLang } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select
        aria-label={t('lang.label')}
        value={i18n.language}
        onChange={(e) => {
          const lang = e.target.value as UiLang;
          saveLang(lang);
          void i18n.changeLanguage(lang);
        }}
      >
        {UI_LANGS.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
