import type { EventName, EventPayload, InputOf, OperationName, OutputOf, Result } from '../src/contract/index.ts';
import type { ErrorPayload } from '../src/errors.ts';

// The renderer's only door to the core: `invoke(name, input)` for contract operations and
// `onEvent` for pushed events. The preload (Electron) or the harness installs `window.relais`.
interface RelaisBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    relais?: RelaisBridge;
  }
}

function bridge(): RelaisBridge {
  if (!window.relais) throw new Error('Relais bridge missing: the UI must run inside the app or the test harness.');
  return window.relais;
}

export function invoke<N extends OperationName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
  return bridge().invoke(name, input) as Promise<Result<OutputOf<N>>>;
}

/** A failed operation, carrying the typed error for the UI to explain. */
export class OperationError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.payload = payload;
  }
}

/** invoke() for code that prefers exceptions: resolves with the value or throws OperationError. */
export async function call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await invoke(name, input);
  if (!r.ok) throw new OperationError(r.error);
  return r.value;
}

export function onEvent<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
  return bridge().on(name, listener as (p: unknown) => void);
}
