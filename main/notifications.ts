import { type BrowserWindow, Notification, powerMonitor } from 'electron';
import type { AppCore } from '../src/app/appCore.ts';
import { dueNotificationText, type NotificationLang } from '../src/callbacks/notificationText.ts';

// Callback reminders in Electron: the ticker that drives the core's reminder engine, and the
// OS notification for each `callbacks.due` event. Everything is decided in src/ from the
// clock; this only calls core.tick() and shows what the core announced.
// A notification never takes focus: the responder may be writing a note in a call. Clicking
// it brings the window back (a deliberate act).

/** How often the engine looks at the clock; a reminder is at most this late. */
export const TICK_MS = 15_000;

export function startCallbackReminders(core: AppCore, getWindow: () => BrowserWindow | null, lang: NotificationLang): () => void {
  const off = core.onEvent((name, payload) => {
    if (name !== 'callbacks.due' || !Notification.isSupported()) return;
    const text = dueNotificationText(payload as Parameters<typeof dueNotificationText>[0], lang);
    const n = new Notification({ title: text.title, body: text.body, silent: false });
    n.on('click', () => {
      const w = getWindow();
      if (!w) return;
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    });
    n.show();
  });
  const tick = () => {
    try {
      core.tick();
    } catch {
      // tick() logs its own failures; the next beat tries again.
    }
  };
  const timer = setInterval(tick, TICK_MS);
  // Waking from sleep: reminders that fell due meanwhile come out now, flagged missed.
  powerMonitor.on('resume', tick);
  powerMonitor.on('unlock-screen', tick);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', tick);
    powerMonitor.off('unlock-screen', tick);
    off();
  };
}
