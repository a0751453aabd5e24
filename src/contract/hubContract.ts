import { z } from 'zod';
import { hubDeviceFields } from '../schemas/hubDevice.ts';
import { operation } from './operation.ts';

// The line's hub on a workstation (issue 14): join with a code, invite another centre's
// workstation, list and revoke devices, leave, and the sync facts the status chip shows.
// No runtime import from sync/ here: the preload bundles this file.

const SIGNED_IN = ['responder', 'supervisor'] as const;
const SUPERVISOR = ['supervisor'] as const;
const short = (max: number) => z.string().trim().min(1).max(max);

export const hubStatusSchema = z.object({
  joined: z.boolean(),
  url: z.string().nullable(),
  centre: z.string().nullable(),
  deviceName: z.string().nullable(),
  role: z.enum(['founder', 'member']).nullable(),
  /** ISO time of the last successful round with the hub. */
  lastSyncAt: z.string().nullable(),
  /** Set while the hub cannot be reached: since when. */
  offlineSince: z.string().nullable(),
  /** Changes written here and not yet acknowledged by the hub. */
  pending: z.number().int(),
  lastError: z.string().nullable(),
  /** Set when the hub sent a change this Relais does not understand (its kind): the pull stopped before it; update Relais. */
  updateNeeded: z.string().nullable(),
  /** The line key's id (never the key): the same on every workstation of the line. */
  lineKeyId: z.string().nullable(),
});

export const hubDeviceSchema = z.object({ ...hubDeviceFields, thisDevice: z.boolean() });

export const hubContract = {
  'hub.status': operation({
    summary: 'Whether this workstation is joined to the line\'s hub, when it last synchronised, since when it is offline and how many changes wait.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: hubStatusSchema,
  }),
  'hub.syncNow': operation({
    summary: 'One sync round now: push the outbox, pull what changed on the hub. Offline: HubUnreachable, the changes stay pending.',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ pushed: z.number().int(), pulled: z.number().int(), pending: z.number().int() }),
  }),
  'hub.join': operation({
    summary: 'Join the line\'s hub with a founding code (the coordination) or an invitation code; the line key is made or unwrapped here and kept in the encrypted store.',
    access: SUPERVISOR,
    input: z.strictObject({ url: short(300), code: short(120), deviceName: short(80).optional() }),
    output: z.object({ hubId: z.string(), deviceId: z.string(), centre: z.string(), role: z.enum(['founder', 'member']), lineKeyId: z.string() }),
  }),
  'hub.invite': operation({
    summary: 'Invite another centre\'s workstation: a one-time code valid 72 hours (the hub keeps only a hash of half of it and the line key wrapped under the other half).',
    access: SUPERVISOR,
    input: z.strictObject({ centre: short(80) }),
    output: z.object({ code: z.string(), expiresAt: z.string(), centre: z.string() }),
  }),
  'hub.devices': operation({
    summary: 'The workstations enrolled on the hub: centre, name, last sync, revoked.',
    access: SUPERVISOR,
    input: z.strictObject({}),
    output: z.object({ devices: z.array(hubDeviceSchema) }),
  }),
  'hub.revokeDevice': operation({
    summary: 'Revoke another workstation on the hub: refused from its next request on.',
    access: SUPERVISOR,
    input: z.strictObject({ deviceId: short(64) }),
    output: z.object({ revoked: z.literal(true) }),
  }),
  'hub.leave': operation({
    summary: 'Leave the hub: this device revokes itself (when the hub answers), the token, line key and pending changes are erased here; local data stays.',
    access: SUPERVISOR,
    input: z.strictObject({}),
    output: z.object({ revokedOnHub: z.boolean(), droppedChanges: z.number().int() }),
  }),
};
