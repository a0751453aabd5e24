import type { ComponentType } from 'react';
import { AboutScreen } from './AboutScreen.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { ReportsScreen } from './reports/index.ts';
import { DirectoryScreen } from './directory/DirectoryScreen.tsx';
import { ActiveCallBadge, CONSOLE_SHORTCUTS, ConsoleScreen, HISTORY_SHORTCUTS, HistoryScreen } from './calls/index.ts';
import { CALLBACKS_SHORTCUTS, CallbacksBadge, CallbacksScreen } from './callbacks/index.ts';
import { AdminScreen } from './access/AdminScreen.tsx';

// Every main screen, in navigation order. Each issue adds its screen here (one line), with a
// shortcut the help overlay lists and a stable id used by tests and screenshots.
export interface ScreenDef {
  id: string;
  labelKey: string;
  shortcut: string;
  component: ComponentType;
  /** Shortcuts that work from anywhere and land in this screen, focusing `focus` (see navigation.ts). */
  globalShortcuts?: ReadonlyArray<{ keys: string; labelKey: string; focus: string }>;
  /** A live count shown beside the label in the navigation (e.g. callbacks due); never takes focus. */
  badge?: ComponentType;
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'home', labelKey: 'nav.home', shortcut: 'Alt+1', component: HomeScreen },
  { id: 'console', labelKey: 'calls:nav.console', shortcut: 'Alt+2', component: ConsoleScreen, globalShortcuts: CONSOLE_SHORTCUTS, badge: ActiveCallBadge },
  { id: 'history', labelKey: 'calls:nav.history', shortcut: 'Alt+3', component: HistoryScreen, globalShortcuts: HISTORY_SHORTCUTS },
  { id: 'callbacks', labelKey: 'callbacks:nav.title', shortcut: 'Alt+4', component: CallbacksScreen, globalShortcuts: CALLBACKS_SHORTCUTS, badge: CallbacksBadge },
  {
    id: 'directory',
    labelKey: 'nav.directory',
    shortcut: 'Alt+5',
    component: DirectoryScreen,
    globalShortcuts: [{ keys: 'Ctrl+K', labelKey: 'help.keys.directorySearch', focus: 'directory.search' }],
  },
  { id: 'reports', labelKey: 'reports:nav.title', shortcut: 'Alt+6', component: ReportsScreen },
  { id: 'admin', labelKey: 'access:nav.admin', shortcut: 'Alt+7', component: AdminScreen },
  { id: 'about', labelKey: 'nav.about', shortcut: 'Alt+9', component: AboutScreen },
];
