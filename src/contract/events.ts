import { z } from 'zod';
import { storeStatusSchema } from './systemContract.ts';
import { feedReportSchema } from './feedContract.ts';
import { CALL_LANGUAGES } from './callSchemas.ts';
import { accessStatusSchema } from './accessContract.ts';
import { hubStatusSchema } from './hubContract.ts';

// Push events main sends to the renderer. Later issues add theirs here (e.g. `callbacks.due`).
export const events = {
  'store.status': storeStatusSchema,
  /** Sign-in, sign-out, lock and unlock (idle, OS screen lock, by hand): the renderer gates on it. */
  'access.changed': accessStatusSchema,
  'app.notice': z.object({
    level: z.enum(['info', 'warning', 'error']),
    /** English, for the log; the screen shows `reason` (a reasons.json key) with `params` in its user's language. */
    message: z.string(),
    reason: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
  /** Directory import on a large file: rows read, checked, then written. */
  'directory.importProgress': z.object({ phase: z.enum(['reading', 'checking', 'writing']), processed: z.number(), total: z.number() }),
  /** The published directory was checked (at start, hourly, or on request) or applied: "directory update available: +12 / ~30 / −2". */
  'feed.status': feedReportSchema,
  /** A call started, was put on hold or resumed, ended, was closed or reopened: the renderer re-reads the timer's anchors (calls.current), history and the shift bar. */
  'calls.changed': z.object({ callId: z.string(), status: z.enum(['active', 'ended', 'closed']) }),
  /** main's clock was moved by hand (tests and the harness only: the system clock flows and never sends it); the timer re-reads calls.clock. */
  'clock.moved': z.object({ now: z.string() }),
  /** Callback reminders that fell due (one event per engine tick); `missed` ones fell due while the app was closed or asleep. No number, no reason. */
  'callbacks.due': z.object({
    at: z.string(),
    count: z.number(),
    missed: z.number(),
    callbacks: z.array(z.object({ id: z.string(), dueAt: z.string(), windowEnd: z.string().nullable(), language: z.enum(CALL_LANGUAGES), assigneeProfileId: z.string().nullable(), missed: z.boolean() })),
  }),
  /** The in-app badge: callbacks due now (overdue included) and overdue; sent when it changes. */
  'callbacks.badge': z.object({ due: z.number(), overdue: z.number() }),
  /** The line's hub: joined or left, a sync round done or failed, the pending count changed by an operation (the status chip: never polled). */
  'hub.status': hubStatusSchema,
  /**
   * A sync round applied changes pulled from the hub (counts per kind): the screens showing them
   * (home board's handover, callbacks queue, service cards' notes, directory) refresh at once.
   */
  'hub.pulled': z.object({ notes: z.number(), services: z.number(), callbacks: z.number(), handovers: z.number(), callerMarks: z.number() }),
  /** An entry was appended to the audit log (by an operation, the idle lock, the purge, a backup; the CLI's at the next tick): the log on the administration screen refreshes. No content. */
  'audit.appended': z.object({}),
  /** A handover note was left, or an excerpt approved or withdrawn: the shift summary, the home board and the quotes review refresh. No text. */
  'reports.changed': z.object({ what: z.enum(['handover', 'quote']) }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.infer<Events[N]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
