import type { Db } from '../store/openDatabase.ts';
import { readHubLink } from './hubLinkRepository.ts';

/** The facts hub.status and the status chip show ("synchronisé il y a 12 s" / "hors ligne depuis 14:02 — 37 en attente"). */
export function readHubStatus(db: Db) {
  const link = readHubLink(db);
  const pending = (db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
  return {
    joined: link !== null,
    url: link?.url ?? null,
    centre: link?.centre ?? null,
    deviceName: link?.deviceName ?? null,
    role: link?.role ?? null,
    lastSyncAt: link?.lastSyncAt ?? null,
    offlineSince: link?.offlineSince ?? null,
    pending,
    lastError: link?.lastError ?? null,
    updateNeeded: link?.updateNeeded ?? null,
    lineKeyId: link?.lineKey.id ?? null,
  };
}
