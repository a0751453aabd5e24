import { QueryClient } from '@tanstack/react-query';

// The window's one cache of what main answered (issue 13, point 6). Queries are keyed
// [operationName, input]; main's typed events say what went stale (invalidation.ts).
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // IPC does not flake; a refused operation (role, lock, input) must not be repeated.
        retry: false,
        // Freshness comes from main's events, not from the window getting focus again.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
