import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../../src/app/appCore.ts';
import { folderFileSaver } from '../../../src/services/exportFile.ts';
import type { ScryptParams } from '../../../src/store/keyring.ts';
import { StoreSession } from '../../../src/store/storeSession.ts';
import { newSecretHash } from '../../../src/access/accessSession.ts';
import { type Profile, profilesRepository } from '../../../src/profiles/profilesRepository.ts';

// Real encrypted stores in fresh temporary folders, built by the real migrations. scrypt is
// cheaper than production (the keyring records whatever was used), everything else is real.
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };
export const TEST_PASSPHRASE = 'test recovery passphrase';

export function tempDir(prefix = 'relais-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function newOpenStore(dataDir = tempDir()): Promise<StoreSession> {
  const session = new StoreSession({ dataDir, scrypt: TEST_SCRYPT });
  await session.init(TEST_PASSPHRASE);
  return session;
}

export async function newOpenCore(opts: Partial<AppCoreOptions> = {}): Promise<AppCore> {
  // Exports are saved, as main's save dialog would, into a temporary folder (their answer says where).
  const core = createAppCore({ dataDir: tempDir(), shell: 'cli', scrypt: TEST_SCRYPT, validateOutput: true, saveFile: folderFileSaver(tempDir('relais-saved-')), ...opts });
  await core.start();
  const r = await core.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE });
  if (!r.ok) throw new Error(`store.init failed: ${r.error.message}`);
  return core;
}

/**
 * A responder profile with its PIN, written straight into the store: what a supervisor makes in
 * Administration (issue 12: nobody else creates profiles). Fixtures only; the rule itself is
 * tested through the router in confidentiality.test.ts.
 */
export async function seedResponder(core: AppCore, input: { displayName: string; centre: string; pin?: string }): Promise<Profile> {
  const s = core.services;
  return profilesRepository(s.store.database()).create(input, s.clock.now(), input.pin ? newSecretHash(s, input.pin) : null);
}

/** A responder on shift through the real router (issue 8: every operation past sign-in names its roles). */
export async function signInResponder(core: AppCore, displayName = 'Rita', centre = 'CASG Nord'): Promise<string> {
  const { id } = await seedResponder(core, { displayName, centre, pin: '246810' });
  const r = await core.router.dispatch('profiles.signIn', { profileId: id, secret: '246810' });
  if (!r.ok) throw new Error(`profiles.signIn failed: ${r.error.message}`);
  return id;
}

/** The first supervisor, signed in (access.createFirstSupervisor). */
export async function signInSupervisor(core: AppCore): Promise<void> {
  const r = await core.router.dispatch('access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
  if (!r.ok) throw new Error(`access.createFirstSupervisor failed: ${r.error.message}`);
}
