import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EVENT_NAMES, type EventName, type OperationName } from '../../src/contract/index.ts';
import { onEvent } from '../bridge.ts';

// The one table of what each of main's events makes stale (issue 13, point 6). A screen never
// listens to an event to refetch: it reads through useOperation and this table refreshes it.
// An entry names operations, or a domain prefix ending in '.*'; 'everything' empties the cache.
type Target = OperationName | `${string}.*`;
type Rule = readonly Target[] | 'everything';

export const INVALIDATIONS: { readonly [E in EventName]: Rule } = {
  // Another store (restore, first start) or another person (sign-in, sign-out, lock): nothing
  // cached may be shown again — a profile's answers are never shown to the next one.
  'store.status': 'everything',
  'access.changed': 'everything',
  // A call started, held, ended, closed or reopened: the history's pages (usePagedOperation), the
  // console's call (calls.get), the repeat-caller hint, the timer's anchors, the board. A call
  // closed "may be quoted" is a new candidate for the quotes review.
  'calls.changed': ['calls.*', 'shift.board', 'callbacks.*', 'reports.shiftSummary', 'reports.quotes.list'],
  'callbacks.due': ['callbacks.*', 'shift.board'],
  'callbacks.badge': ['callbacks.*', 'shift.board'],
  // A feed applied can change services, themes and the names the guard knows.
  'feed.status': ['directory.*', 'taxonomy.list', 'guard.knownNames', 'shift.board'],
  'hub.status': ['hub.*'],
  // Pulled from the hub (issue 15): another centre's handover note (home board, shift summary),
  // callbacks and take answers, reachability notes and services, repeat-caller marks.
  'hub.pulled': ['shift.board', 'reports.shiftSummary', 'callbacks.*', 'directory.*', 'calls.repeatCaller'],
  // A handover note (shift summary, home board) or an excerpt approved or withdrawn (quotes review).
  'reports.changed': ['reports.shiftSummary', 'reports.quotes.list', 'shift.board'],
  // An entry appended to the audit log: the administration screen's log (never polled).
  'audit.appended': ['audit.list'],
  // A clock moved by hand (tests, the harness): the timer's anchor on main's clock.
  'clock.moved': ['calls.clock'],
  'app.notice': [],
  'directory.importProgress': [],
};

function matches(target: Target, name: string): boolean {
  return target.endsWith('.*') ? name.startsWith(target.slice(0, -1)) : name === target;
}

export function applyEvent(client: QueryClient, event: EventName): void {
  const rule = INVALIDATIONS[event];
  if (rule === 'everything') {
    // What no screen shows is dropped (never shown to the next person); what is on screen is
    // asked again at once (the screens gate on who is signed in while it comes).
    client.removeQueries({ type: 'inactive' });
    void client.invalidateQueries();
    return;
  }
  if (rule.length === 0) return;
  void client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && rule.some((t) => matches(t, q.queryKey[0] as string)) });
}

/** Mounted once, under the QueryClientProvider: every event of the table reaches the cache. */
export function useEventInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offs = EVENT_NAMES.map((e) => onEvent(e, () => applyEvent(client, e)));
    return () => {
      for (const off of offs) off();
    };
  }, [client]);
}
