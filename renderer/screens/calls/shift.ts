import { useSyncExternalStore } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { call, invoke, onEvent } from '../../bridge.ts';

// The shift as the whole window sees it: who is signed in and the call in progress with its
// timer. The timer comes from main (computed from the injected clock): it is polled every
// second while a call goes on, so what the responder sees is exactly what will be recorded.

export type Profile = NonNullable<OutputOf<'profiles.current'>['profile']>;
export type ActiveCall = NonNullable<OutputOf<'calls.current'>['call']>;

export interface ShiftState {
  loaded: boolean;
  profile: Profile | null;
  active: ActiveCall | null;
}

const POLL_MS = 1000;
let state: ShiftState = { loaded: false, profile: null, active: null };
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let started = false;
/** Calls started in this window: any other active call found was restored after a restart. */
const startedHere = new Set<string>();

function set(next: Partial<ShiftState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

async function poll(): Promise<void> {
  if (!state.profile) return;
  const r = await invoke('calls.current', {});
  if (r.ok) {
    const a = r.value.call;
    const same = a && state.active && a.id === state.active.id && a.timer.elapsedMs === state.active.timer.elapsedMs && a.timer.running === state.active.timer.running;
    if (!same && (a || state.active)) set({ active: a });
  }
}

function ensurePolling(): void {
  if (timer) return;
  timer = setInterval(() => void poll(), POLL_MS);
}

async function load(): Promise<void> {
  const r = await invoke('profiles.current', {});
  set({ loaded: true, profile: r.ok ? r.value.profile : null });
  await poll();
}

function start(): void {
  if (started) return;
  started = true;
  void load();
  ensurePolling();
  onEvent('calls.changed', () => void poll());
  onEvent('store.status', () => void load());
  // Who is signed in changes in main (sign-in, sign-out, first supervisor): the window follows.
  onEvent('access.changed', (a) => {
    if (a.profile?.id !== state.profile?.id) void load();
  });
}

export const shift = {
  get: (): ShiftState => state,
  subscribe(l: () => void): () => void {
    start();
    listeners.add(l);
    return () => listeners.delete(l);
  },
  refresh: poll,
  /** With the profile's PIN (`secret`), or `newPin` for a profile that has none yet. */
  async signIn(profileId: string, credentials: { secret?: string; newPin?: string }): Promise<Profile> {
    const profile = await call('profiles.signIn', { profileId, ...credentials });
    set({ profile, active: null });
    await poll();
    return profile;
  },
  async signOut(): Promise<void> {
    await call('profiles.signOut', {});
    set({ profile: null, active: null });
  },
  async startCall(): Promise<OutputOf<'calls.start'>> {
    const view = await call('calls.start', {});
    startedHere.add(view.id);
    set({ active: { id: view.id, timer: view.timer, lastActivityAt: view.lastActivityAt } });
    return view;
  },
  /** True when the call in progress was not started in this window (restored after a crash or restart). */
  wasRestored(callId: string): boolean {
    return !startedHere.has(callId);
  },
  markSeen(callId: string): void {
    startedHere.add(callId);
  },
  setTimer(callId: string, t: ActiveCall['timer']): void {
    if (state.active?.id === callId) set({ active: { ...state.active, timer: t } });
  },
};

export function useShift(): ShiftState {
  return useSyncExternalStore(shift.subscribe, shift.get);
}
