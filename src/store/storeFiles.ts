import path from 'node:path';

// Every file the store owns, in one place, so backup, doctor and tests agree on the layout.
export interface StoreFiles {
  dataDir: string;
  db: string;
  keyring: string;
  backups: string;
  logs: string;
}

export function storeFiles(dataDir: string): StoreFiles {
  return {
    dataDir,
    db: path.join(dataDir, 'relais.db'),
    keyring: path.join(dataDir, 'keyring.json'),
    backups: path.join(dataDir, 'backups'),
    logs: path.join(dataDir, 'logs'),
  };
}
