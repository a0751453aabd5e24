import { useQueryClient } from '@tanstack/react-query';
import { createContext, createElement, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { OutputOf } from '../../../src/contract/index.ts';
import { call } from '../../bridge.ts';
import { operationKey, useOperation } from '../../data/useOperation.ts';

// The shift as the whole window sees it: who is signed in (`profiles.current`) and the call in
// progress with its timer's anchors (`calls.current`), both read through the query cache and
// refreshed by main's events (access.changed, calls.changed: data/invalidation.ts). The timer
// ticks in the window from those anchors (mainClock.ts): main is not asked every second.

export type Profile = NonNullable<OutputOf<'profiles.current'>['profile']>;
export type ActiveCall = NonNullable<OutputOf<'calls.current'>['call']>;
type Current = OutputOf<'calls.current'>;

export interface ShiftState {
  loaded: boolean;
  profile: Profile | null;
  active: ActiveCall | null;
}

const PROFILE = operationKey('profiles.current', {});
const CURRENT = operationKey('calls.current', {});

export function useShift(): ShiftState {
  const who = useOperation('profiles.current', {});
  const profile = who.data?.profile ?? null;
  const current = useOperation('calls.current', {}, { enabled: profile !== null });
  return { loaded: who.status !== 'pending', profile, active: profile ? (current.data?.call ?? null) : null };
}

// Calls started in this window, for its whole life (a lock unmounts the screens, not this):
// any other call in progress found was restored after a restart.
const StartedHere = createContext<Set<string> | null>(null);

export function ShiftProvider({ children }: { children: ReactNode }) {
  const [startedHere] = useState(() => new Set<string>());
  return createElement(StartedHere.Provider, { value: startedHere }, children);
}

export interface ShiftActions {
  /** With the profile's PIN (`secret`), or `newPin` for a profile that has none yet. */
  signIn(profileId: string, credentials: { secret?: string; newPin?: string }): Promise<Profile>;
  signOut(): Promise<void>;
  startCall(): Promise<OutputOf<'calls.start'>>;
  /** The call in progress as last read (for actions that must not wait for a render). */
  active(): ActiveCall | null;
  /** Read the call in progress again now (after ending or closing one). */
  refresh(): Promise<void>;
  setTimer(callId: string, t: ActiveCall['timer']): void;
  /** True when the call in progress was not started in this window (restored after a crash or restart). */
  wasRestored(callId: string): boolean;
  markSeen(callId: string): void;
}

export function useShiftActions(): ShiftActions {
  const client = useQueryClient();
  const startedHere = useContext(StartedHere);
  if (!startedHere) throw new Error('useShiftActions outside ShiftProvider');
  const refresh = useCallback(() => client.refetchQueries({ queryKey: CURRENT, exact: true }), [client]);
  return useMemo<ShiftActions>(
    () => ({
      async signIn(profileId, credentials) {
        const profile = await call('profiles.signIn', { profileId, ...credentials });
        client.setQueryData<OutputOf<'profiles.current'>>(PROFILE, { profile });
        return profile;
      },
      async signOut() {
        await call('profiles.signOut', {});
        client.setQueryData<OutputOf<'profiles.current'>>(PROFILE, { profile: null });
        client.setQueryData<Current>(CURRENT, { call: null });
      },
      async startCall() {
        const view = await call('calls.start', {});
        startedHere.add(view.id);
        client.setQueryData<Current>(CURRENT, { call: { id: view.id, timer: view.timer, lastActivityAt: view.lastActivityAt } });
        return view;
      },
      active: () => client.getQueryData<Current>(CURRENT)?.call ?? null,
      refresh,
      setTimer(callId, timer) {
        client.setQueryData<Current>(CURRENT, (c) => (c?.call?.id === callId ? { call: { ...c.call, timer } } : c));
      },
      wasRestored: (callId) => !startedHere.has(callId),
      markSeen: (callId) => void startedHere.add(callId),
    }),
    [client, startedHere, refresh],
  );
}
