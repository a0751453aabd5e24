import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../src/contract/events.ts';
import { onEvent } from '../bridge.ts';
import { useExplain } from './ErrorMessage.tsx';

type Notice = EventPayload<'app.notice'> & { id: number };

// What main announces on its own (a backup that failed, …) and what a screen leaves for the next
// one (a restore that brought back another passphrase): kept here, so a notice that arrives
// while the gate screens show is still there when the shell appears, until dismissed.
interface Notices {
  list: Notice[];
  push(n: EventPayload<'app.notice'>): void;
  dismiss(id: number): void;
}

const NoticesContext = createContext<Notices>({ list: [], push: () => {}, dismiss: () => {} });

/** Mounted once above the gate screens and the Shell: the window's notices, fed by `app.notice`. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ list: Notice[]; next: number }>({ list: [], next: 0 });
  const push = useCallback((n: EventPayload<'app.notice'>) => setState((s) => ({ list: [...s.list.slice(-4), { ...n, id: s.next + 1 }], next: s.next + 1 })), []);
  const dismiss = useCallback((id: number) => setState((s) => ({ ...s, list: s.list.filter((x) => x.id !== id) })), []);
  useEffect(() => onEvent('app.notice', push), [push]);
  const value = useMemo(() => ({ list: state.list, push, dismiss }), [state.list, push, dismiss]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

/** Leave a notice for the next screen (a restore that brought back another passphrase). */
export function usePushNotice(): (n: EventPayload<'app.notice'>) => void {
  return useContext(NoticesContext).push;
}

export function NoticeBar() {
  const { t } = useTranslation();
  const explain = useExplain();
  const { list, dismiss } = useContext(NoticesContext);
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
