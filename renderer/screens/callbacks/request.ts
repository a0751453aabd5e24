// "Schedule a callback from this call": the call console names the call, then navigates to
// the callbacks screen with the `callbacks.new` request (see navigation.ts); the form opens
// on that call. Alt+P from anywhere opens it on the call in progress (or the latest one).

let requested: string | null = null;

export function scheduleCallbackFor(callId: string): void {
  requested = callId;
}

/** The call named by the last request, once. */
export function takeCallbackRequest(): string | null {
  const id = requested;
  requested = null;
  return id;
}

let openRequested: string | null = null;

/** "Open this callback" from elsewhere (the home board): the callbacks screen opens its dialog. */
export function openCallbackFor(callbackId: string): void {
  openRequested = callbackId;
}

export function takeOpenRequest(): string | null {
  const id = openRequested;
  openRequested = null;
  return id;
}
