import { useTranslation } from 'react-i18next';
import { useDirectoryStatus } from './useDirectoryStatus.ts';

/**
 * The demonstration directory uses real organisations' names with fictitious numbers: wherever
 * it shows (directory screen, service card, referral search, crisis panel), this banner says so.
 * It has no close button on purpose. `serviceId`: show it only when that service is a demo one.
 */
export function DemoBanner({ serviceId }: { serviceId?: string }) {
  const { t } = useTranslation('directory');
  const status = useDirectoryStatus();
  if (!status || status.demoServices === 0) return null;
  if (serviceId !== undefined && !status.demoIds.includes(serviceId)) return null;
  return (
    <p className="demo-banner" role="note" data-demo-banner="">
      <strong>{t('demo.banner')}</strong>
    </p>
  );
}

/** The store holds no service yet: how to get the line's directory (import, feed, hub). */
export function DirectoryEmptyHint() {
  const { t } = useTranslation('directory');
  const status = useDirectoryStatus();
  if (!status || status.services > 0) return null;
  return (
    <div className="directory-empty" role="status" data-directory-empty="">
      <p><strong>{t('empty.title')}</strong></p>
      <ul>
        <li>{t('empty.import')}</li>
        <li>{t('empty.feed')}</li>
        <li>{t('empty.hub')}</li>
      </ul>
    </div>
  );
}
