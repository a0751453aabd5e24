import { audit } from '../access/accessSession.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import { findIdentifyingData, guardContext, type GuardContext, type IdentifyingFinding } from '../domain/identifyingData.ts';
import { AppError } from '../errors.ts';
import type { Services } from '../services/services.ts';
import type { Db } from '../store/openDatabase.ts';

// The anonymity guard as the core applies it: with the directory's organisation names (so
// "Centre culturel Jacques Franck" is not a person), and as the one gate every text passes
// before it leaves the responder's hands — an excerpt approved for the public bilans, a
// handover note, a callback reason, and (issues 14/15) anything the hub carries: the "à
// savoir" note, handover text, callback reasons. A flagged text is refused until it is
// redacted, unless a supervisor overrides explicitly; the override is audited (kinds and
// count only, never the text).

/** What a text is for, as recorded in the audit log when a supervisor overrides the guard. */
export const OUTGOING_FIELDS = ['quote', 'handover', 'callbackReason', 'knowThat', 'pseudonym', 'hubText', 'reachabilityNote'] as const;
export type OutgoingField = (typeof OUTGOING_FIELDS)[number];

const contexts = new WeakMap<Db, { key: string; context: GuardContext }>();

/** The guard's context for this store: the directory's names and the communes, rebuilt when the directory changes. */
export function storeGuardContext(db: Db): GuardContext {
  const key = String(db.prepare('SELECT count(*) || \'|\' || coalesce(max(updated_at), \'\') FROM services').pluck().get());
  const cached = contexts.get(db);
  if (cached?.key === key) return cached.context;
  const context = guardContext(directoryRepository(db).serviceNames());
  contexts.set(db, { key, context });
  return context;
}

/** The identifying data the guard finds in `text`, with the directory known. */
export function findInStoreText(db: Db, text: string): IdentifyingFinding[] {
  return findIdentifyingData(text, storeGuardContext(db));
}

export interface OutgoingText {
  text: string;
  field: OutgoingField;
  /** Where the text sits in the operation's input, for the error's issue path ("text", "reason"). */
  path: string;
  /** A supervisor's explicit "publish/send anyway". */
  override?: boolean | undefined;
  /** Findings this kind of text may keep (a reachability note: the service's own numbers, see reachabilityNotes.ts). */
  allow?: ((f: IdentifyingFinding) => boolean) | undefined;
}

/**
 * The gate before approval or push. Returns the findings (empty when the text is clean).
 * Throws InvalidInput (one issue per finding, its kind as message) when the text holds
 * identifying data and no override is given; Forbidden when someone other than a supervisor
 * asks to override. An override that lets flagged text through is written to the audit log.
 */
export function guardOutgoingText(s: Services, out: OutgoingText): IdentifyingFinding[] {
  const all = findInStoreText(s.store.database(), out.text);
  const findings = out.allow ? all.filter((f) => !out.allow?.(f)) : all;
  if (findings.length === 0) return findings;
  const kinds = [...new Set(findings.map((f) => f.kind))];
  if (!out.override) {
    throw new AppError('InvalidInput', 'guard.stillThere', { kinds: kinds.join(', ') }, findings.map((f) => ({ path: out.path, message: f.kind })));
  }
  if (s.session.role !== 'supervisor') throw new AppError('Forbidden', 'guard.overrideSupervisorOnly');
  audit(s, 'guard.override', { kind: out.field, count: findings.length, reason: kinds.join(',') });
  s.log.info('guard.overridden', { field: out.field, count: findings.length });
  return findings;
}
