import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../src/contract/events.ts';
import { onEvent } from '../bridge.ts';

type Notice = EventPayload<'app.notice'> & { id: number };

/** What main announces on its own (a backup that failed, …): shown until dismissed. */
export function NoticeBar() {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    let next = 0;
    return onEvent('app.notice', (n) => setNotices((list) => [...list.slice(-4), { ...n, id: ++next }]));
  }, []);
  if (!notices.length) return null;
  return (
    <ul className="app-notices" aria-live="assertive">
      {notices.map((n) => (
        <li key={n.id} className={`app-notice ${n.level === 'info' ? 'badge ok' : n.level === 'warning' ? 'badge warn' : 'error'}`} data-notice={n.level}>
          <span>{n.message}</span>{' '}
          <button type="button" className="ghost" onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}>
            {t('notice.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
