import { dayOf } from '../../domain/brusselsTime.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../../store/openDatabase.ts';
import { directoryRepository } from '../directoryRepository.ts';
import { changedFields, makeServiceSchema, type Service, type ServiceField, type ServiceStatus } from '../serviceSchema.ts';

// A directory maintainer's changes to one service (issue 17): edit any field of the CSV
// contract, mark it verified (last_verified = today in Brussels, with an optional note kept as a
// `verified` reachability note), deactivate or reactivate it. The router audits each change.

export interface SaveResult {
  service: Service;
  created: boolean;
  fields: ServiceField[];
}

/** Validates with the live taxonomy; creates the service or replaces the stored one. */
export function saveService(db: Db, input: unknown, opts: { create: boolean; now: Date }): SaveResult {
  const repo = directoryRepository(db);
  const parsed = makeServiceSchema(repo.themeCodes()).safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'InvalidInput',
      'directory.serviceFieldsToCorrect', undefined,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const service = parsed.data as Service;
  const before = repo.getService(service.id);
  if (opts.create && before) throw new AppError('Conflict', 'directory.serviceExists', { id: JSON.stringify(service.id) });
  if (!opts.create && !before) throw new AppError('NotFound', 'directory.serviceNotFound', { id: JSON.stringify(service.id) });
  const fields = before ? changedFields(before, service) : [];
  if (!before || fields.length > 0) repo.upsertServices([service], opts.now);
  return { service, created: !before, fields };
}

export function verifyService(db: Db, id: string, opts: { note: string | null; responder: string; now: Date }): Service {
  const repo = directoryRepository(db);
  return db.transaction(() => {
    const s = repo.getService(id);
    if (!s) throw new AppError('NotFound', 'directory.serviceNotFound', { id: JSON.stringify(id) });
    const verified: Service = { ...s, last_verified: dayOf(opts.now) };
    repo.upsertServices([verified], opts.now);
    if (opts.note) repo.addNote(id, opts.note, opts.responder, opts.now, 'verified');
    return verified;
  })();
}

export function setServiceStatus(db: Db, id: string, status: ServiceStatus, now: Date): Service {
  const repo = directoryRepository(db);
  const s = repo.getService(id);
  if (!s) throw new AppError('NotFound', 'directory.serviceNotFound', { id: JSON.stringify(id) });
  const next: Service = { ...s, status };
  if (s.status !== status) repo.upsertServices([next], now);
  return next;
}
