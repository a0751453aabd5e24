import { useTranslation } from 'react-i18next';

export function HomeScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="badge ok">{t('home.storeOpen')}</p>
      <p>{t('home.intro')}</p>
    </section>
  );
}
