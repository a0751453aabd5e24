import type { DeviceView } from '../sync/wire.ts';
import type { HubContext } from './hubContext.ts';
import { HubRefusal } from './hubErrors.ts';
import { tokenHash } from './enrolment.ts';

export interface Device {
  id: string;
  centre: string;
  name: string;
  role: 'founder' | 'member';
}

/**
 * The device behind a bearer token, checked on every request against the database (no cache):
 * a revoked device is refused from the next request on, by every hub process.
 */
export async function authenticate(ctx: HubContext, authorization: string | undefined): Promise<Device> {
  const token = /^Bearer ([A-Za-z0-9_-]{32,64})$/.exec(authorization ?? '')?.[1];
  if (!token) throw new HubRefusal(401, 'Unauthenticated', 'This request needs a device token (join the hub first).');
  const rows = await ctx.db.query<Device & { revoked_at: Date | null }>('UPDATE hub_devices SET last_seen_at = $2 WHERE token_hash = $1 RETURNING id, centre, name, role, revoked_at', [tokenHash(token), ctx.clock.now()]);
  const device = rows[0];
  if (!device) throw new HubRefusal(401, 'Unauthenticated', 'Unknown device token: this workstation is not (or no longer) enrolled on this hub.');
  if (device.revoked_at) throw new HubRefusal(401, 'DeviceRevoked', 'This workstation was revoked on the hub: a supervisor must invite it again.');
  return { id: device.id, centre: device.centre, name: device.name, role: device.role };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function listDevices(ctx: HubContext): Promise<DeviceView[]> {
  const rows = await ctx.db.query<{ id: string; centre: string; name: string; role: 'founder' | 'member'; created_at: Date; last_seen_at: Date | null; revoked_at: Date | null }>(
    'SELECT id, centre, name, role, created_at, last_seen_at, revoked_at FROM hub_devices ORDER BY centre, name, created_at',
  );
  return rows.map((r) => ({ id: r.id, centre: r.centre, name: r.name, role: r.role, createdAt: iso(r.created_at) as string, lastSeenAt: iso(r.last_seen_at), revokedAt: iso(r.revoked_at) }));
}

/** Revokes at once; revoking twice is a no-op that still answers the device. */
export async function revokeDevice(ctx: HubContext, id: string): Promise<DeviceView> {
  await ctx.db.query('UPDATE hub_devices SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1', [id, ctx.clock.now()]);
  const device = (await listDevices(ctx)).find((d) => d.id === id);
  if (!device) throw new HubRefusal(404, 'NotFound', `No device ${id} on this hub (relais-hub devices list shows them).`);
  return device;
}
