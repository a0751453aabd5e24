// The callbacks screen, its navigation badge and its global shortcut, as the registry lists them.
export { CallbacksScreen } from './CallbacksScreen.tsx';
export { CallbacksBadge } from './CallbacksBadge.tsx';

export const CALLBACKS_SHORTCUTS = [{ keys: 'Alt+P', labelKey: 'callbacks:keys.new', focus: 'callbacks.new' }] as const;
