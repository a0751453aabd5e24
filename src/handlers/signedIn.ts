import { AppError } from '../errors.ts';
import type { Actor, HandlerContext } from '../services/handlerContext.ts';

// Who runs the operation, as the router resolved it (context.actor): the one way a handler
// learns it. The router already refused a caller without the operation's role; a missing actor
// here is a profile gone between the check and the handler, said as "sign in first".

export function signedIn(c: HandlerContext, reason: 'access.signInFirst' | 'calls.signInFirst' = 'access.signInFirst'): Actor {
  if (!c.actor) throw new AppError('Forbidden', reason);
  return c.actor;
}
