import type { ComponentType } from 'react';
import { AboutScreen } from './AboutScreen.tsx';
import { HomeScreen } from './HomeScreen.tsx';

// Every main screen, in navigation order. Each issue adds its screen here (one line), with a
// shortcut the help overlay lists and a stable id used by tests and screenshots.
export interface ScreenDef {
  id: string;
  labelKey: string;
  shortcut: string;
  component: ComponentType;
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'home', labelKey: 'nav.home', shortcut: 'Alt+1', component: HomeScreen },
  { id: 'about', labelKey: 'nav.about', shortcut: 'Alt+9', component: AboutScreen },
];
