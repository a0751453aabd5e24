import type { Service } from '../directory/serviceSchema.ts';
import type { HubSql } from './db/hubDb.ts';

// The line's directory as the hub holds it (issue 14): services are shared items (hub_items,
// kind 'service') that workstations pull after their cursor. Apart from the file import
// (hubDirectory.ts), so a push or a report does not load the import's readers (exceljs, CSV,
// HSDS): `relais-hub serve` loads those only when an import arrives.

export async function upsertService(tx: HubSql, service: Service, seq: number, deviceId: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO hub_items (kind, id, seq, payload, device_id) VALUES ('service', $1, $2, $3, $4)
     ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, payload = excluded.payload, device_id = excluded.device_id, deleted = false`,
    [service.id, seq, JSON.stringify(service), deviceId],
  );
}

export async function hubServices(db: HubSql): Promise<Map<string, Service>> {
  const rows = await db.query<{ payload: unknown }>(`SELECT payload FROM hub_items WHERE kind = 'service' AND NOT deleted`);
  const out = new Map<string, Service>();
  for (const r of rows) {
    const s = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Service;
    out.set(s.id, s);
  }
  return out;
}
