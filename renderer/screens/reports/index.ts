// The reports screen as the screen registry lists it.
export { ReportsScreen } from './ReportsScreen.tsx';
