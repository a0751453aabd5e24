import { contract, isOperationName, type OperationName, type Result } from '../contract/index.ts';
import { AppError, isAppError } from '../errors.ts';
import { parseOrThrow } from '../schemas/parse.ts';
import type { Handlers } from '../handlers/handlerMap.ts';
import type { Actor, HandlerContext } from '../services/handlerContext.ts';
import { needsFirstSupervisor } from '../access/accessSession.ts';
import { isConditionalAccess, type OpenCondition } from '../contract/operation.ts';
import type { Services } from '../services/services.ts';
import type { Right } from '../contract/operation.ts';
import { holdsRight } from '../access/profileRights.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';

export interface Router {
  /** Never throws and never rejects: every outcome is a Result. */
  dispatch(name: unknown, input: unknown): Promise<Result<unknown>>;
}

export interface RouterOptions {
  /** Also parse each handler's answer against the contract (tests and the harness). */
  validateOutput?: boolean;
  /**
   * Called after each operation succeeds, with its parsed input and its answer: the app hooks
   * the audit log here (access/auditedOperations.ts), so the router knows no audit rule.
   */
  afterSuccess?: (name: OperationName, input: unknown, value: unknown, services: Services, context: HandlerContext) => void;
  /**
   * The unit an operation's change and its afterSuccess (the audit entry) are written in: the
   * app gives one SQLite transaction to the audited operations, so a change is never kept without
   * its entry nor an entry without its change. Null: the operation runs as is.
   */
  transactionFor?: (name: OperationName) => (<T>(work: () => T) => T) | null;
  /**
   * For an audited async operation: the wrapper of its one write (context.auditedWrite), a
   * transaction that also writes its audit entry. Null: the write runs as is.
   */
  auditedWriteFor?: (name: OperationName, input: unknown, services: Services, context: HandlerContext) => (<T>(work: () => T) => T) | null;
}

/** The signed-in profile as the handlers see it (read once per operation). */
function actorOf(services: Services): Actor | null {
  const id = services.session.profileId;
  const role = services.session.role;
  if (!id || !role || !services.store.isOpen()) return null;
  const p = profilesRepository(services.store.database()).get(id);
  return p ? { profileId: p.id, displayName: p.displayName, centre: p.centre, role } : null;
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

// The single router: the generic handler main registers for every IPC call, the harness
// bridge and the CLI all come through here, so validation and access rules live once.
export function createRouter(handlers: Handlers, services: Services, options: RouterOptions = {}): Router {
  async function run(name: unknown, input: unknown): Promise<unknown> {
    if (!isOperationName(name)) {
      throw new AppError('UnknownOperation', 'router.unknownOperation', { name: typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : typeof name });
    }
    const spec = contract[name];
    checkAccess(spec.access, services, name);
    checkRight((spec as { right?: Right }).right, services, name);
    const parsed = parseOrThrow(spec.input, input ?? {}, `input for ${name}`);
    const handler = handlers[name] as (i: unknown, s: Services, c: HandlerContext) => unknown;
    let actor: Actor | null | undefined;
    const context: HandlerContext = {
      get actor() {
        return (actor ??= actorOf(services));
      },
      auditedWrite(work) {
        const write = options.auditedWriteFor?.(name, parsed, services, context);
        return write ? write(work) : work();
      },
    };
    const finish = (value: unknown) => {
      if (options.validateOutput) {
        const check = spec.output.safeParse(value);
        if (!check.success) throw new Error(`handler ${name} returned a value outside its contract: ${check.error.message}`);
      }
      options.afterSuccess?.(name, parsed, value, services, context);
      return value;
    };
    const transaction = options.transactionFor?.(name);
    if (transaction) {
      return transaction(() => {
        const value = handler(parsed, services, context);
        // A promise would let the transaction commit before the work is done.
        if (isThenable(value)) throw new Error(`handler ${name} runs in a transaction and must be synchronous`);
        return finish(value);
      });
    }
    return finish(await handler(parsed, services, context));
  }

  return {
    async dispatch(name, input) {
      try {
        return { ok: true, value: await run(name, input) };
      } catch (e) {
        if (isAppError(e)) {
          if (e.code === 'Internal') services.log.error('operation.failed', { op: String(name), code: e.code });
          return { ok: false, error: e.toPayload() };
        }
        // Unexpected failures keep their detail in the log (no payload there), not in the UI.
        services.log.error('operation.crashed', { op: String(name), error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        return { ok: false, error: new AppError('Internal', 'router.unexpected', { operation: String(name) }).toPayload() };
      }
    },
  };
}

/** Whether an operation with `openWhile: condition` answers without sign-in right now. */
export function openNow(condition: OpenCondition, services: Services): boolean {
  if (condition === 'storeNotOpen') return !services.store.isOpen();
  return services.store.isOpen() && needsFirstSupervisor(services);
}

function checkAccess(access: (typeof contract)[keyof typeof contract]['access'], services: Services, name: string): void {
  if (services.session.locked && !(contract[name as keyof typeof contract] as { whileLocked?: true }).whileLocked) {
    throw new AppError('Locked', 'router.locked', { operation: name });
  }
  if (access === 'open') return;
  let roles = access as readonly string[];
  if (isConditionalAccess(access)) {
    if (openNow(access.openWhile, services)) return;
    roles = access.otherwise;
  }
  if (!services.store.isOpen()) throw new AppError('StoreLocked', 'router.storeLocked', { operation: name });
  const role = services.session.role;
  if (!role || !roles.includes(role)) {
    if (roles.length === 0) throw new AppError('Forbidden', 'router.supervisorExists', { operation: name });
    throw new AppError('Forbidden', 'router.forbidden', { operation: name, roles: roles.join(', ') });
  }
}

function checkRight(right: Right | undefined, services: Services, name: string): void {
  if (!right) return;
  const profileId = services.session.profileId;
  if (!profileId || !holdsRight(services.store.database(), profileId, right)) {
    throw new AppError('Forbidden', 'router.maintainerOnly', { operation: name });
  }
}
