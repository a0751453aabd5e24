import { z } from 'zod';

// The hub's HTTP protocol: every request and response body, as zod schemas shared by the hub
// (src/hub, served by hub/) and the workstation's sync client (src/sync). Bodies carry the
// protocol version; a version the hub does not speak is refused with 400, never guessed at.
export const PROTOCOL_VERSION = 1;
const version = z.literal(PROTOCOL_VERSION, { error: `unsupported protocol version (this hub speaks ${PROTOCOL_VERSION})` });

const name = (max: number) => z.string().trim().min(1).max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'control characters are not allowed');
const b64url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+$/, 'expected base64url');
export const codeIdSchema = z.string().regex(/^[A-Z2-7]{10}$/, 'expected a code id');

/** Body size limits the hub enforces before parsing (bytes). */
export const BODY_LIMITS = { enrol: 4 * 1024, small: 16 * 1024, push: 1024 * 1024 } as const;

// --- Enrolment -----------------------------------------------------------------------------

/** Joining with a founding code or an invitation: only the code's id and authenticating half travel. */
export const enrolRequest = z.strictObject({
  v: version,
  codeId: codeIdSchema,
  auth: b64url(16, 64),
  /** The device's display name (the PC: "Accueil Schaerbeek 2"). */
  name: name(80),
  /** The founder names its centre; an invitation already carries it (then ignored). */
  centre: name(80).optional(),
});
export type EnrolRequest = z.infer<typeof enrolRequest>;

export const enrolResponse = z.strictObject({
  v: version,
  hubId: z.string(),
  deviceId: z.string(),
  token: b64url(32, 64),
  role: z.enum(['founder', 'member']),
  centre: z.string(),
  /** The line key wrapped under the invitation's other half; null for the founder (who makes the key). */
  wrappedKey: z.string().max(512).nullable(),
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

/** An invitation made by a joined workstation: the hub gets the hash of the auth half, never the half. */
export const inviteRequest = z.strictObject({
  v: version,
  /** Made by the inviting workstation: its wrapped key is bound to it. */
  codeId: codeIdSchema,
  centre: name(80),
  authHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
  wrappedKey: z.string().min(40).max(512),
});
export const inviteResponse = z.strictObject({ v: version, codeId: codeIdSchema, expiresAt: z.string() });

export const deviceView = z.strictObject({
  id: z.string(),
  centre: z.string(),
  name: z.string(),
  role: z.enum(['founder', 'member']),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DeviceView = z.infer<typeof deviceView>;
export const revokeRequest = z.strictObject({ v: version });
export const revokeResponse = z.strictObject({ v: version, device: deviceView });
export const devicesResponse = z.strictObject({ v: version, devices: z.array(deviceView) });

export const hubErrorBody = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional() }),
});
export type HubErrorBody = z.infer<typeof hubErrorBody>;
