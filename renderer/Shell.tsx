import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CrisisPanel } from './components/CrisisPanel.tsx';
import { HelpOverlay } from './components/HelpOverlay.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { SyncChip } from './components/SyncChip.tsx';
import { NavigationContext, type Navigation, type ScreenParams, type ScreenRequest } from './navigation.ts';
import { GuardContextProvider } from './screens/calls/guardContext.tsx';
import { SCREENS } from './screens/registry.ts';
import { type Shortcut, useShortcuts } from './shortcuts.ts';

export function Shell() {
  const { t } = useTranslation();
  const [screenId, setScreenId] = useState<string>(SCREENS[0]?.id ?? 'home');
  const [helpOpen, setHelpOpen] = useState(false);
  const [crisisOpen, setCrisisOpen] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<Navigation['pendingFocus']>(null);
  // Each screen's parameters, kept while the responder is elsewhere (navigation.ts).
  const [params, setParams] = useState<Readonly<Record<string, ScreenParams>>>({});
  // Requests already served: the Shell's, so a screen mounted again never replays one.
  const served = useRef(new WeakSet<ScreenRequest>());
  const mainRef = useRef<HTMLElement>(null);
  const go = (id: string, focus?: string, withParams?: ScreenParams) => {
    setScreenId(id);
    // Parameters without a focus target travel as a request named after the screen itself.
    const target = focus ?? (withParams ? id : null);
    if (target) setPendingFocus((p) => ({ target, seq: (p?.seq ?? 0) + 1, params: withParams ?? {} }));
    // Without a focus target, move focus to the new screen so keyboard and screen-reader users land in it.
    if (!focus) requestAnimationFrame(() => mainRef.current?.focus());
  };
  const serve = useCallback((request: ScreenRequest) => {
    if (served.current.has(request)) return false;
    served.current.add(request);
    return true;
  }, []);
  const setScreenParams = useCallback((id: string, next: ScreenParams) => setParams((all) => ({ ...all, [id]: next })), []);
  const navigation = useMemo<Navigation>(
    () => ({ go, pendingFocus, serve, screenParams: (id) => params[id] ?? {}, setScreenParams }),
    [pendingFocus, params],
  );
  const shortcuts: Shortcut[] = useMemo(
    () => [
      { keys: 'F1', labelKey: 'help.keys.help', run: () => setHelpOpen((o) => !o) },
      { keys: 'Alt+U', labelKey: 'help.keys.crisis', run: () => setCrisisOpen((o) => !o) },
      ...SCREENS.map((s) => ({ keys: s.shortcut, labelKey: s.labelKey, run: () => go(s.id) })),
      ...SCREENS.flatMap((s) => (s.globalShortcuts ?? []).map((g) => ({ keys: g.keys, labelKey: g.labelKey, run: () => go(s.id, g.focus) }))),
    ],
    [],
  );
  useShortcuts(shortcuts);
  const current = SCREENS.find((s) => s.id === screenId) ?? SCREENS[0];
  const Current = current?.component;
  return (
    <NavigationContext.Provider value={navigation}>
    <div className="shell">
      <header className="topbar">
        <div className="brand-block">
          <span className="brand">{t('app.name')}</span>
          <span className="muted">{t('reportLabels:lineName')}</span>
        </div>
        <div className="topbar-actions">
          <SyncChip />
          <button type="button" className="crisis-button" onClick={() => setCrisisOpen(true)} aria-keyshortcuts="Alt+U">
            {t('crisis.open')} <kbd>Alt+U</kbd>
          </button>
          <button type="button" className="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="F1">
            {t('help.open')} <kbd>F1</kbd>
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.id}>
              <button type="button" data-screen={s.id} aria-current={s.id === current?.id ? 'page' : undefined} aria-keyshortcuts={s.shortcut} onClick={() => go(s.id)}>
                <span>{t(s.labelKey)}</span>
                {s.badge && <s.badge />}
                <kbd>{s.shortcut}</kbd>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" ref={mainRef} tabIndex={-1} data-screen={current?.id}>
        <NoticeBar />
        <GuardContextProvider>{Current && <Current />}</GuardContextProvider>
      </main>
      {helpOpen && <HelpOverlay shortcuts={shortcuts} onClose={() => setHelpOpen(false)} />}
      {crisisOpen && <CrisisPanel onClose={() => setCrisisOpen(false)} />}
    </div>
    </NavigationContext.Provider>
  );
}
