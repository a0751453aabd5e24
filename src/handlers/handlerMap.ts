import type { z } from 'zod';
import type { Contract, OperationName, OutputOf } from '../contract/index.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';

export type Handler<N extends OperationName> = (
  input: z.output<Contract[N]['input']>,
  services: Services,
  context: HandlerContext,
) => Promise<OutputOf<N>> | OutputOf<N>;

/** A domain's handler map: exactly the operations of its contract slice, no more, no less. */
export type HandlerMap<Slice> = { [N in keyof Slice & OperationName]: Handler<N> };

export type Handlers = HandlerMap<Contract>;
