import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, OPERATION_NAMES } from '../src/contract/index.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipcChannels.ts';

// The renderer gets exactly two functions. ipcRenderer itself never crosses the bridge, and
// names outside the contract are refused here before reaching main (main refuses them too).
const operations = new Set<string>(OPERATION_NAMES);
const events = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('relais', {
  invoke(name: unknown, input: unknown) {
    if (typeof name !== 'string' || !operations.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UnknownOperation', message: `Unknown operation: ${String(name).slice(0, 80)}.` } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input);
  },
  on(name: unknown, listener: unknown) {
    if (typeof name !== 'string' || !events.has(name) || typeof listener !== 'function') return () => {};
    const wrapped = (_e: IpcRendererEvent, eventName: string, payload: unknown) => {
      if (eventName === name) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
