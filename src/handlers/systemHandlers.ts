import type { systemContract } from '../contract/systemContract.ts';
import type { HandlerMap } from './handlerMap.ts';

export const systemHandlers: HandlerMap<typeof systemContract> = {
  'app.info': (_input, s) => ({
    appVersion: s.app.version,
    runtime: s.app.runtime,
    platform: `${process.platform}-${process.arch}`,
    dataDir: s.store.files.dataDir,
    shell: s.app.shell,
  }),
  'store.status': (_input, s) => s.store.status(),
  'store.init': async ({ passphrase }, s) => {
    const status = await s.store.init(passphrase);
    s.log.info('store.created', { storeId: status.storeId });
    s.emit('store.status', status);
    return status;
  },
  'store.unlock': async ({ passphrase }, s) => {
    const status = await s.store.unlock(passphrase);
    s.log.info('store.unlocked', { method: 'passphrase' });
    s.emit('store.status', status);
    return status;
  },
};
