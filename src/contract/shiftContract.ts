import { z } from 'zod';
import { WEEKDAY_CODES } from '../domain/lineHours.ts';
import { operation } from './operation.ts';

// The home board (issue 16): what a responder needs at the start of a shift, in one read —
// who is on shift until when (the line's hours from the machine config), the records still
// to finish, the previous shift's handover notes and what changed in the directory since this
// profile's last shift. Callbacks due come from callbacks.queue.

export const shiftBoardSchema = z.object({
  now: z.string(),
  profile: z.object({ id: z.string(), displayName: z.string(), centre: z.string(), role: z.enum(['responder', 'supervisor']) }),
  line: z.object({
    hours: z.object({ days: z.array(z.enum(WEEKDAY_CODES)), open: z.string(), close: z.string() }),
    open: z.boolean(),
    closesAt: z.string().nullable(),
    opensAt: z.string().nullable(),
  }),
  /** This profile's ended calls whose record is not closed yet. */
  toFinish: z.number(),
  /** The handover notes of the latest day that has some (the previous shift's), from every centre: `centre` names another PC's centre, null for this PC. */
  handover: z.object({ day: z.string(), notes: z.array(z.object({ id: z.number(), text: z.string(), author: z.string(), centre: z.string().nullable(), createdAt: z.string() })) }).nullable(),
  directory: z.object({
    /** Changes are counted from this instant: this profile's previous sign-in, else 7 days ago. */
    since: z.string(),
    firstShift: z.boolean(),
    servicesTotal: z.number(),
    services: z.array(z.object({ id: z.string(), name: z.string(), added: z.boolean(), at: z.string() })),
    /** Reachability notes of the last 7 days. */
    notes: z.array(z.object({ id: z.number(), serviceId: z.string(), serviceName: z.string(), text: z.string(), createdAt: z.string() })),
  }),
});

export const shiftContract = {
  'shift.board': operation({
    summary: 'The home board of the signed-in profile: on shift until when (line hours), records to finish, the previous shift\'s handover notes, directory changes since the last shift.',
    access: ['responder', 'supervisor'],
    input: z.strictObject({}),
    output: shiftBoardSchema,
  }),
};
