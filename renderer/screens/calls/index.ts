// The call console's screens and their global shortcuts, as the screen registry lists them.
// Every console action has a key, and the F1 help overlay lists them from here.
export { ConsoleScreen } from './ConsoleScreen.tsx';
export { HistoryScreen } from './HistoryScreen.tsx';
export { ActiveCallBadge } from './ActiveCallBadge.tsx';
export { useReferToActiveCall } from './referToCall.ts';

export const CONSOLE_SHORTCUTS = [
  { keys: 'F2', labelKey: 'calls:keys.start', focus: 'calls.start' },
  { keys: 'F3', labelKey: 'calls:keys.hold', focus: 'calls.hold' },
  { keys: 'F4', labelKey: 'calls:keys.end', focus: 'calls.end' },
  { keys: 'Alt+N', labelKey: 'calls:keys.note', focus: 'calls.note' },
  { keys: 'Alt+T', labelKey: 'calls:keys.themes', focus: 'calls.themes' },
  { keys: 'Alt+I', labelKey: 'calls:keys.interventions', focus: 'calls.interventions' },
  { keys: 'Alt+D', labelKey: 'calls:keys.referral', focus: 'calls.referral' },
  { keys: 'Alt+X', labelKey: 'calls:keys.redact', focus: 'calls.redact' },
  { keys: 'Alt+C', labelKey: 'calls:keys.close', focus: 'calls.close' },
  // Calls that carried no request close with one key, without theme nor intervention (issue 16).
  { keys: 'F6', labelKey: 'calls:keys.noRequest.silent', focus: 'calls.noRequest.silent' },
  { keys: 'F7', labelKey: 'calls:keys.noRequest.wrong_number', focus: 'calls.noRequest.wrong_number' },
  { keys: 'F8', labelKey: 'calls:keys.noRequest.out_of_scope', focus: 'calls.noRequest.out_of_scope' },
  { keys: 'F9', labelKey: 'calls:keys.noRequest.test', focus: 'calls.noRequest.test' },
] as const;

export const HISTORY_SHORTCUTS = [{ keys: 'Alt+S', labelKey: 'calls:keys.historySearch', focus: 'history.search' }] as const;
