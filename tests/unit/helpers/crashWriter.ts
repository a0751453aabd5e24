import fs from 'node:fs';
import { StoreSession } from '../../../src/store/storeSession.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT } from './tempStore.ts';

// Child process of crashDurability.test.ts: opens the store and saves notes as fast as it can,
// printing each id only after its commit returned (an "acknowledged save"). The parent kills
// it with SIGKILL at a random moment. The table is test-only, created here, not a migration.
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crashWriter.ts <dataDir>');
const session = new StoreSession({ dataDir, scrypt: TEST_SCRYPT });
await session.unlock(TEST_PASSPHRASE);
const db = session.database();
db.exec('CREATE TABLE IF NOT EXISTS crash_notes (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL, body TEXT NOT NULL) STRICT');
const insert = db.prepare('INSERT INTO crash_notes (pid, body) VALUES (?, ?)');
const save = db.transaction((body: string) => Number(insert.run(process.pid, body).lastInsertRowid));
const body = 'note '.repeat(60);
fs.writeSync(1, 'ready\n');
for (;;) {
  const id = save(body);
  // Synchronous write: the ack reaches the pipe before the next save begins.
  fs.writeSync(1, `${id}\n`);
}
