import { type BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { AppCore } from '../src/app/appCore.ts';
import type { Result } from '../src/contract/index.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipcChannels.ts';
import { isTrustedSender } from './ipcSender.ts';

/**
 * The one generic handler: every contract operation arrives on one channel with its name.
 * Sender checked here, input parsed and access checked by the router, errors typed — nothing
 * throws across the boundary.
 */
export function registerIpc(core: AppCore, windows: () => readonly BrowserWindow[]): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender({
      frameUrl: frame?.url ?? null,
      isMainFrame: !!frame && frame === event.sender.mainFrame,
      fromKnownWindow: windows().some((w) => !w.isDestroyed() && w.webContents.id === event.sender.id),
    });
    if (!trusted) {
      core.services.log.warn('ipc.refused_sender', { op: typeof name === 'string' ? name.slice(0, 80) : typeof name });
      return { ok: false, error: { code: 'Forbidden', message: 'Calls are accepted from the Relais window only.' } };
    }
    return core.router.dispatch(name, input);
  });
  core.onEvent((name, payload) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, name, payload);
  });
}
