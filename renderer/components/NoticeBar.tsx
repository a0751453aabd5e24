import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../src/contract/events.ts';
import { onEvent } from '../bridge.ts';
import { useExplain } from './ErrorMessage.tsx';

type Notice = EventPayload<'app.notice'> & { id: number };

// What main announces on its own (a backup that failed, …) and what a screen leaves for the next
// one (a restore that brought back another passphrase): kept here, so a notice that arrives
// while the gate screens show is still there when the shell appears, until dismissed.
let notices: Notice[] = [];
let next = 0;
const listeners = new Set<(n: Notice[]) => void>();

export function pushNotice(n: EventPayload<'app.notice'>): void {
  notices = [...notices.slice(-4), { ...n, id: ++next }];
  for (const l of listeners) l(notices);
}

function dismiss(id: number): void {
  notices = notices.filter((x) => x.id !== id);
  for (const l of listeners) l(notices);
}

onEvent('app.notice', pushNotice);

export function NoticeBar() {
  const { t } = useTranslation();
  const explain = useExplain();
  const [list, setList] = useState<Notice[]>(notices);
  useEffect(() => {
    listeners.add(setList);
    setList(notices);
    return () => void listeners.delete(setList);
  }, []);
  if (!list.length) return null;
  return (
    <ul className="app-notices" aria-live="assertive">
      {list.map((n) => (
        <li key={n.id} className={`app-notice ${n.level === 'info' ? 'badge ok' : n.level === 'warning' ? 'badge warn' : 'error'}`} data-notice={n.level}>
          <span>{explain(n)}</span>{' '}
          <button type="button" className="ghost" onClick={() => dismiss(n.id)}>
            {t('notice.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
