import os from 'node:os';
import { AppError } from '../errors.ts';
import type { Db } from '../store/openDatabase.ts';
import { authHash, formatCode, newInvitationSecrets, parseCode, randomCodeId, wrapSecretBytes } from './enrolmentCode.ts';
import { HubClient } from './hubClient.ts';
import { deleteHubLink, type HubLink, readHubLink, saveHubLink } from './hubLinkRepository.ts';
import { generateLineKey, type LineKey, unwrapLineKey, wrapLineKey } from './lineKey.ts';
import { shareOpenCallbacks } from './sharedCallbacks.ts';
import type { DeviceView } from './wire.ts';
import { PROTOCOL_VERSION } from './wire.ts';

// Joining the line's hub, inviting other workstations, the devices list and leaving: the
// workstation's side of enrolment. The line key is made here (founder) or unwrapped here
// (invited), and kept with the device token in the encrypted store only.

export interface SyncDeps {
  fetch?: typeof fetch;
}

/**
 * Runs joining's or leaving's one local write, after the hub answered (default: as is; the write
 * is a transaction of its own). The app passes context.auditedWrite, the CLI its own: their
 * transaction holds the audit entry too, read from the write's result (issue 13).
 */
export type LocalWrite<R> = (work: () => R) => R;

const run = <R>(work: () => R): R => work();

export interface Joined {
  hubId: string;
  deviceId: string;
  centre: string;
  role: 'founder' | 'member';
  lineKeyId: string;
}

export interface Left {
  revokedOnHub: boolean;
  droppedChanges: number;
}

export function requireLink(db: Db): HubLink {
  const link = readHubLink(db);
  if (!link) throw new AppError('Conflict', 'hub.notJoined');
  return link;
}

export const linkClient = (link: Pick<HubLink, 'url' | 'token'>, deps: SyncDeps = {}) => new HubClient({ url: link.url, token: link.token, ...(deps.fetch ? { fetch: deps.fetch } : {}) });

export interface JoinInput {
  url: string;
  code: string;
  /** The supervisor's centre (the founder's becomes the device's; an invitation names its own). */
  centre: string;
  /** This PC's name on the hub's devices list (default: the host name). */
  deviceName?: string | undefined;
  profileId: string | null;
}

export async function joinHub(db: Db, now: Date, input: JoinInput, deps: SyncDeps & { write?: LocalWrite<Joined> } = {}): Promise<Joined> {
  if (readHubLink(db)) throw new AppError('Conflict', 'hub.alreadyJoined');
  const code = parseCode(input.code);
  const client = new HubClient({ url: input.url, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const deviceName = (input.deviceName ?? os.hostname()).slice(0, 80) || 'Relais';
  const res = await client.enrol({ v: PROTOCOL_VERSION, codeId: code.codeId, auth: code.auth, name: deviceName, centre: input.centre });
  let lineKey: LineKey;
  if (res.role === 'founder') {
    // The founding workstation makes the line key; the hub never receives it.
    lineKey = generateLineKey();
  } else {
    if (!code.wrap || !res.wrappedKey) throw new AppError('InvalidInput', 'hub.codeIncomplete');
    lineKey = unwrapLineKey(res.wrappedKey, wrapSecretBytes(code.wrap), code.codeId);
  }
  const joined: Joined = { hubId: res.hubId, deviceId: res.deviceId, centre: res.centre, role: res.role, lineKeyId: lineKey.id };
  // The write answers the join's result: the audit entry reads the role from it.
  return (deps.write ?? run)(() =>
    db.transaction(() => {
      saveHubLink(db, { url: client.url, hubId: res.hubId, deviceId: res.deviceId, deviceName, centre: res.centre, role: res.role, token: res.token, lineKey, joinedAt: now.toISOString() }, input.profileId);
      // Callbacks promised before joining are shared too: the next permanence may be another centre.
      shareOpenCallbacks(db);
      return joined;
    })(),
  );
}

/**
 * An invitation for another centre's workstation: both halves of the code are made here; the
 * hub receives the hash of the first and the line key wrapped under the second.
 */
export async function inviteWorkstation(db: Db, centre: string, deps: SyncDeps = {}): Promise<{ code: string; expiresAt: string; centre: string }> {
  const link = requireLink(db);
  const { auth, wrap } = newInvitationSecrets();
  const codeId = randomCodeId();
  const wrappedKey = wrapLineKey(link.lineKey, wrapSecretBytes(wrap), codeId);
  const res = await linkClient(link, deps).invite({ codeId, centre, authHash: authHash(auth), wrappedKey });
  return { code: formatCode({ codeId: res.codeId, auth, wrap }), expiresAt: res.expiresAt, centre };
}

export async function hubDevices(db: Db, deps: SyncDeps = {}): Promise<{ devices: DeviceView[]; thisDeviceId: string }> {
  const link = requireLink(db);
  return { devices: await linkClient(link, deps).devices(), thisDeviceId: link.deviceId };
}

export async function revokeHubDevice(db: Db, deviceId: string, deps: SyncDeps = {}): Promise<void> {
  const link = requireLink(db);
  if (deviceId === link.deviceId) throw new AppError('InvalidInput', 'hub.revokeSelf');
  await linkClient(link, deps).revoke(deviceId);
}

/**
 * Leaves the hub: the device revokes itself when the hub answers (best effort), then the link,
 * its token and the line key are erased from this store with the outbox. Local data stays.
 */
export async function leaveHub(db: Db, deps: SyncDeps & { write?: LocalWrite<Left> } = {}): Promise<Left> {
  const link = requireLink(db);
  let revokedOnHub = false;
  try {
    await linkClient(link, deps).revoke(link.deviceId);
    revokedOnHub = true;
  } catch {
    // Offline or already revoked: leaving must still work; the hub's operator can revoke later.
  }
  // The write answers the leave's result: the audit entry reads the dropped count from it.
  return (deps.write ?? run)(() =>
    db.transaction(() => {
      const droppedChanges = (db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
      db.prepare('DELETE FROM sync_outbox').run();
      deleteHubLink(db);
      return { revokedOnHub, droppedChanges };
    })(),
  );
}
