import { z } from 'zod';

/**
 * A workstation enrolled on the hub, as the hub describes it. One shape for the wire protocol
 * (src/sync/wire.ts, strict) and for the app's contract (which adds `thisDevice`).
 */
export const hubDeviceFields = {
  id: z.string(),
  centre: z.string(),
  name: z.string(),
  role: z.enum(['founder', 'member']),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
};
