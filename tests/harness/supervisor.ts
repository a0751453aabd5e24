import crypto from 'node:crypto';
import { needsFirstSupervisor, newSecretHash } from '../../src/access/accessSession.ts';
import type { AppCore } from '../../src/app/appCore.ts';

/** The supervisor every harness store holds (issue 8), so journeys start past the first-run screen. */
export const HARNESS_SUPERVISOR = { displayName: 'Superviseur·e test', centre: 'Relais', passphrase: 'harness supervisor passphrase' } as const;

/**
 * Gives an open store its first supervisor when it has none, straight in the store (no sign-in,
 * no audit entry, never signed in so last in the profile picker): what the first-run screen
 * would have done. The first-run journeys ask the harness not to.
 */
export function ensureHarnessSupervisor(core: AppCore): string | null {
  const s = core.services;
  if (!needsFirstSupervisor(s)) return null;
  const id = crypto.randomUUID();
  s.store
    .database()
    .prepare(`INSERT INTO profiles (id, display_name, centre, role, pin_hash, created_at) VALUES (?, ?, ?, 'supervisor', ?, ?)`)
    .run(id, HARNESS_SUPERVISOR.displayName, HARNESS_SUPERVISOR.centre, newSecretHash(s, HARNESS_SUPERVISOR.passphrase), s.clock.now().toISOString());
  return id;
}

export interface HarnessResponder {
  displayName: string;
  centre: string;
  pin: string;
}

/**
 * Responder profiles with their PIN, straight in the store: what a supervisor makes in
 * Administration (issue 12: the profile picker no longer creates profiles). Existing names are kept.
 */
export function ensureHarnessResponders(core: AppCore, responders: readonly HarnessResponder[]): void {
  const s = core.services;
  const db = s.store.database();
  for (const r of responders) {
    if (db.prepare('SELECT 1 FROM profiles WHERE display_name = ? AND centre = ?').pluck().get(r.displayName, r.centre)) continue;
    db.prepare(`INSERT INTO profiles (id, display_name, centre, role, pin_hash, created_at) VALUES (?, ?, ?, 'responder', ?, ?)`).run(
      crypto.randomUUID(),
      r.displayName,
      r.centre,
      newSecretHash(s, r.pin),
      s.clock.now().toISOString(),
    );
  }
}
