import crypto from 'node:crypto';
import { authHash, randomAuth, randomCodeId } from '../sync/enrolmentCode.ts';
import { type EnrolRequest, type EnrolResponse, PROTOCOL_VERSION } from '../sync/wire.ts';
import { ENROL_RATE, FOUNDING_CODE_HOURS, type HubContext, INVITATION_HOURS } from './hubContext.ts';
import { HubRefusal } from './hubErrors.ts';
import { hubId } from './hubMeta.ts';
import type { Device } from './devices.ts';

const hours = (h: number) => h * 3_600_000;

/**
 * relais-hub init: a one-time founding code, valid 24 h. Any unused founding code is voided
 * first (running init again replaces it); once a founder joined, no new one is issued.
 */
export async function createFoundingCode(ctx: HubContext): Promise<{ code: string; expiresAt: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const founded = await tx.query(`SELECT 1 FROM hub_devices WHERE role = 'founder' LIMIT 1`);
    if (founded.length) throw new HubRefusal(409, 'AlreadyFounded', 'This hub already has its founding workstation: invite workstations from a joined Relais (Administration → Hub, or relais-admin hub invite).');
    await tx.query(`UPDATE hub_codes SET expires_at = $1 WHERE kind = 'founding' AND used_at IS NULL AND expires_at > $1`, [now]);
    const codeId = randomCodeId();
    const auth = randomAuth();
    const expiresAt = new Date(now.getTime() + hours(FOUNDING_CODE_HOURS));
    await tx.query(`INSERT INTO hub_codes (id, kind, auth_hash, created_at, expires_at) VALUES ($1, 'founding', $2, $3, $4)`, [codeId, authHash(auth), now, expiresAt]);
    return { code: `${codeId}-${auth}`, expiresAt: expiresAt.toISOString() };
  });
}

/** hub.invite: the inviting workstation made both halves; the hub keeps the auth hash and the wrapped key. */
export async function createInvitation(ctx: HubContext, by: Device, input: { codeId: string; centre: string; authHash: string; wrappedKey: string }): Promise<{ codeId: string; expiresAt: string }> {
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + hours(INVITATION_HOURS));
  const rows = await ctx.db.query(
    `INSERT INTO hub_codes (id, kind, auth_hash, centre, wrapped_key, created_by, created_at, expires_at) VALUES ($1, 'invite', $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [input.codeId, input.authHash, input.centre, input.wrappedKey, by.id, now, expiresAt],
  );
  if (!rows.length) throw new HubRefusal(409, 'CodeIdTaken', 'This invitation id is already taken: make a new invitation.');
  return { codeId: input.codeId, expiresAt: expiresAt.toISOString() };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export const tokenHash = (token: string) => crypto.createHash('sha256').update(`relais device\0${token}`).digest('hex');

/**
 * Joining: counts the attempt against the client's address (kept in the database, so two hub
 * processes share the limit), checks the code (one-time, not expired, not burnt by wrong
 * tries), then creates the device and marks the code used in the same transaction.
 */
export async function enrol(ctx: HubContext, client: string, req: EnrolRequest): Promise<EnrolResponse> {
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - ENROL_RATE.windowMinutes * 60_000);
  // The attempt is recorded in its own transaction: a refused join must still count.
  const attempts = await ctx.db.transaction(async (tx) => {
    await tx.query('DELETE FROM hub_enrol_attempts WHERE at < $1', [windowStart]);
    await tx.query('INSERT INTO hub_enrol_attempts (client, at) VALUES ($1, $2)', [client, now]);
    const rows = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_enrol_attempts WHERE client = $1 AND at >= $2', [client, windowStart]);
    return rows[0]?.n ?? 0;
  });
  if (attempts > ENROL_RATE.perClient) {
    throw new HubRefusal(429, 'TooManyAttempts', `Too many enrolment attempts from this address: wait ${ENROL_RATE.windowMinutes} minutes.`);
  }
  const outcome = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ kind: 'founding' | 'invite'; auth_hash: string; centre: string | null; wrapped_key: string | null; expires_at: Date; used_at: Date | null; failed_attempts: number }>(
      'SELECT kind, auth_hash, centre, wrapped_key, expires_at, used_at, failed_attempts FROM hub_codes WHERE id = $1 FOR UPDATE',
      [req.codeId],
    );
    const code = rows[0];
    const unusable = new HubRefusal(403, 'CodeRefused', 'This code is not valid: it is unknown, already used, expired or mistyped. Ask for a new invitation.');
    if (!code || code.used_at || new Date(code.expires_at).getTime() <= now.getTime() || code.failed_attempts >= ENROL_RATE.perCode) return { refusal: unusable };
    if (!sameHash(code.auth_hash, authHash(req.auth))) {
      await tx.query('UPDATE hub_codes SET failed_attempts = failed_attempts + 1 WHERE id = $1', [req.codeId]);
      return { refusal: unusable };
    }
    const centre = code.kind === 'invite' ? (code.centre ?? '') : req.centre;
    if (!centre) return { refusal: new HubRefusal(400, 'InvalidInput', 'The founding workstation names its centre.', [{ path: 'centre', message: 'required with a founding code' }]) };
    const deviceId = crypto.randomUUID();
    const token = crypto.randomBytes(32).toString('base64url');
    const role = code.kind === 'founding' ? 'founder' : 'member';
    await tx.query(`INSERT INTO hub_devices (id, token_hash, centre, name, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [deviceId, tokenHash(token), centre, req.name, role, now]);
    await tx.query('UPDATE hub_codes SET used_at = $1, used_by = $2 WHERE id = $3', [now, deviceId, req.codeId]);
    return { response: { v: PROTOCOL_VERSION, hubId: await hubId(tx), deviceId, token, role, centre, wrappedKey: code.wrapped_key } as EnrolResponse };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.response;
}
