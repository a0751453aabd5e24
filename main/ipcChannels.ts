// The two IPC channels between main and the preload: every operation on one, every event on the
// other. Electron-free, so the preload, main and the tests share the names.
export const INVOKE_CHANNEL = 'relais:invoke';
export const EVENT_CHANNEL = 'relais:event';
