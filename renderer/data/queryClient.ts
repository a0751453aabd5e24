import { QueryClient } from '@tanstack/react-query';

// The window's one cache of what main answered (issue 13, point 6). Queries are keyed
// [operationName, input]; main's typed events say what went stale (invalidation.ts).
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // main is in the same machine: asking it never waits for the network (the PC may be
        // offline for hours — TanStack's default 'online' mode would hold every query then).
        networkMode: 'always',
        // IPC does not flake; a refused operation (role, lock, input) must not be repeated.
        retry: false,
        // Freshness comes from main's events, not from the window getting focus again.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
