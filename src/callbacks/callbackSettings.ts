import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CALLBACK_SETTING_BOUNDS, type CallbackSettings, DEFAULT_CALLBACK_SETTINGS, type EffectiveCallbackSettings } from '../domain/callbackSettings.ts';

// The three numbers a centre may tune, kept in the store's `settings` table (migration 001)
// under `callbacks.*` keys; a missing or unreadable value falls back to its default.
// The number's retention has a ceiling: the machine configuration's
// `purge.callbackNumberRetentionDays` (IT, default 30). A supervisor may tighten it in the app,
// never loosen it: the effective value is the smaller of the two.

const KEYS: Record<keyof CallbackSettings, string> = {
  noAnswerDelayMinutes: 'callbacks.noAnswerDelayMinutes',
  maxFailedAttempts: 'callbacks.maxFailedAttempts',
  numberRetentionDays: 'callbacks.numberRetentionDays',
};

function inBounds(name: keyof CallbackSettings, value: number): boolean {
  const [min, max] = CALLBACK_SETTING_BOUNDS[name];
  return Number.isInteger(value) && value >= min && value <= max;
}

export function readCallbackSettings(db: Database, retentionMaxDays: number = DEFAULT_CALLBACK_SETTINGS.numberRetentionDays): EffectiveCallbackSettings {
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'callbacks.%'`).all() as Array<{ key: string; value: string }>;
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const out: EffectiveCallbackSettings = { ...DEFAULT_CALLBACK_SETTINGS, numberRetentionDays: retentionMaxDays, numberRetentionMaxDays: retentionMaxDays };
  for (const name of Object.keys(KEYS) as Array<keyof CallbackSettings>) {
    const raw = stored.get(KEYS[name]);
    const n = raw === undefined ? Number.NaN : Number(raw);
    if (inBounds(name, n)) out[name] = n;
  }
  out.numberRetentionDays = Math.min(out.numberRetentionDays, retentionMaxDays);
  return out;
}

export function writeCallbackSettings(db: Database, change: Partial<CallbackSettings>, now: Date, retentionMaxDays: number = DEFAULT_CALLBACK_SETTINGS.numberRetentionDays): EffectiveCallbackSettings {
  if (change.numberRetentionDays !== undefined && change.numberRetentionDays > retentionMaxDays) {
    throw new RangeError(`numberRetentionDays above the machine configuration's ${retentionMaxDays}`);
  }
  const upsert = db.prepare(
    `INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    for (const name of Object.keys(KEYS) as Array<keyof CallbackSettings>) {
      const v = change[name];
      if (v === undefined) continue;
      if (!inBounds(name, v)) throw new RangeError(`${name} out of bounds`);
      upsert.run(KEYS[name], String(v), now.toISOString());
    }
  })();
  return readCallbackSettings(db, retentionMaxDays);
}
