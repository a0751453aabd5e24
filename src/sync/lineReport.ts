import type { Db } from '../store/openDatabase.ts';
import { documentToBundle } from '../reports/reportJson.ts';
import type { ReportBundle } from '../reports/reportService.ts';
import { linkClient, requireLink, type SyncDeps } from './hubEnrolment.ts';

// "Bilan de la ligne" fetched from the hub (issue 14). The hub builds and protects it; this PC
// checks its shape (the report document schema, bounded) and shows or exports it as it came.
// Not joined: requireLink refuses with its reason; the hub unreachable: HubUnreachable.

export async function fetchLineReport(db: Db, req: { from: string; to: string; flavour: 'internal' | 'public' }, deps: SyncDeps = {}): Promise<ReportBundle> {
  const doc = await linkClient(requireLink(db), deps).lineReport(req);
  return documentToBundle(doc);
}
