import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useEventInvalidation } from './invalidation.ts';
import { createQueryClient } from './queryClient.ts';

function EventInvalidation() {
  useEventInvalidation();
  return null;
}

/** The window's query cache and the one listener that keeps it in step with main's events. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <EventInvalidation />
      {children}
    </QueryClientProvider>
  );
}
