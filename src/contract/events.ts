import { z } from 'zod';
import { storeStatusSchema } from './systemContract.ts';

// Push events main sends to the renderer. Later issues add theirs here (e.g. `callbacks.due`).
export const events = {
  'store.status': storeStatusSchema,
  'app.notice': z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /** Directory import on a large file: rows read, checked, then written. */
  'directory.importProgress': z.object({ phase: z.enum(['reading', 'checking', 'writing']), processed: z.number(), total: z.number() }),
  /** A call started, ended, was closed or reopened (history and the shift bar refresh). */
  'calls.changed': z.object({ callId: z.string(), status: z.enum(['active', 'ended', 'closed']) }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.infer<Events[N]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
