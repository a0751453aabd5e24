import { z } from 'zod';
import { DEFAULT_LINE_HOURS, HHMM_PATTERN, WEEKDAY_CODES } from '../domain/lineHours.ts';

// The machine-wide configuration file IT writes once per PC (docs/it-guide.md): what it may
// hold, its defaults, and the JSON Schema published for editors (docs/config.schema.json).
// Pure zod, no Node built-ins: the contract (bundled into the preload) imports the values schema.
//
// It never holds a key or a passphrase: every object is strict (an unknown key such as
// "passphrase" is refused by name), free text refuses anything that looks like a private key,
// and the feed's key can only be an Ed25519 *public* key.

export const CONFIG_LANGUAGES = ['fr', 'nl', 'en'] as const;

export const CONFIG_DEFAULTS = {
  idleLockMinutes: 5,
  defaultLanguage: 'fr' as (typeof CONFIG_LANGUAGES)[number],
  callbackNumberRetentionDays: 30,
  notesRetentionMonths: 24,
  feedAutoApply: false,
};

/** Absolute paths only: `C:\…`, `\\server\share\…` or `/…`. */
export const ABSOLUTE_PATH_PATTERN = /^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+|\/)/;
const PUBLIC_KEY_PATTERN = /^\s*(?:-----BEGIN PUBLIC KEY-----\s*MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=\s*-----END PUBLIC KEY-----|MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=)\s*$/;
const LOOKS_LIKE_SECRET = /PRIVATE KEY|ENCRYPTED|^MC4CAQAwBQYDK2Vw/;
const CONTROL = /[\u0000-\u001f\u007f]/;

const noSecret = (s: string) => !LOOKS_LIKE_SECRET.test(s);
const SECRET_MESSAGE = 'looks like a private key: keys and passphrases never belong in config.json';

function absolutePath(what: string) {
  return z
    .string()
    .min(1)
    .max(1024)
    .regex(ABSOLUTE_PATH_PATTERN, `${what} must be an absolute path (C:\\…, \\\\server\\share\\… or /…)`)
    .refine((s) => !CONTROL.test(s), 'contains control characters — a single backslash before r, n, t, b or f was read as one: in JSON write each backslash twice');
}

const feedLocation = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^(?:https:\/\/|[A-Za-z]:[\\/]|\\\\|\/)/, 'an https:// address or an absolute folder/file path (shared folder)')
  .refine((s) => !CONTROL.test(s), 'contains control characters')
  .refine((s) => {
    if (!s.startsWith('https://')) return true;
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'not a valid https address (and no user:password@ in it: credentials never belong in config.json)')
  .describe('Where the coordination publishes the directory bundle: an https:// address of the bundle file, or a shared folder (or the bundle file in it), e.g. \\\\serveur\\relais\\feed.');

const publicKey = z
  .string()
  .max(300)
  .refine(noSecret, SECRET_MESSAGE)
  .regex(PUBLIC_KEY_PATTERN, 'an Ed25519 public key as printed by `relais-admin feed keygen` (MCowBQYDK2VwAyEA…=)')
  .describe('Ed25519 public key of the coordination (the line `relais-admin feed keygen` prints). When set, only bundles signed with the matching private key are accepted.');

export const machineConfigSchema = z
  .strictObject({
    $schema: z.string().max(1024).optional().describe('Optional: the path or URL of config.schema.json, for editors.'),
    centreName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .refine((s) => !CONTROL.test(s), 'contains control characters')
      .refine(noSecret, SECRET_MESSAGE)
      .optional()
      .describe('Name of the centre, shown in the app and in support reports.'),
    dataDir: absolutePath('dataDir')
      .optional()
      .describe('Folder of the encrypted store, its backups and logs. Default: the per-user folder (%APPDATA%\\Relais, ~/.config/Relais). The environment variable RELAIS_DATA_DIR overrides it.'),
    backup: z
      .strictObject({
        folder: absolutePath('backup.folder').optional().describe('Where automatic and manual backups go. Default: <dataDir>\\backups.'),
        keep: z.int().min(1).max(365).optional().describe('How many automatic (daily and on-quit) backups to keep (default 7); manual backups are never pruned.'),
      })
      .optional()
      .describe('Encrypted backups (.relaisbak).'),
    feed: z
      .strictObject({
        location: feedLocation,
        publicKey: publicKey.optional(),
        allowUnsigned: z
          .boolean()
          .default(false)
          .describe(
            'Accept bundles that are not signed, when feed.publicKey is not set (default false: without a public key every bundle is refused). Anyone who can write to the feed location could then change the directory; doctor warns (exit 2). Ignored when publicKey is set.',
          ),
        autoApply: z
          .boolean()
          .default(CONFIG_DEFAULTS.feedAutoApply)
          .describe('Apply a newer valid bundle without asking (checked at start and hourly). Requires feed.publicKey: only signed bundles are ever applied by themselves. Default: show "directory update available" and wait.'),
      })
      .refine((f) => !f.autoApply || Boolean(f.publicKey), { path: ['autoApply'], message: 'autoApply needs feed.publicKey: only bundles signed by the coordination are applied without asking' })
      .optional()
      .describe('The published directory feed (bundles made with `relais-admin directory publish`).'),
    lineHours: z
      .strictObject({
        days: z.array(z.enum(WEEKDAY_CODES)).min(1).max(7).describe('Days the line answers: mon … sun.'),
        open: z.string().regex(HHMM_PATTERN, 'a time HH:MM').describe('Opening time, Brussels time (HH:MM).'),
        close: z.string().regex(HHMM_PATTERN, 'a time HH:MM').describe('Closing time, Brussels time (HH:MM).'),
      })
      .refine((h) => h.open < h.close, 'the line must open before it closes')
      .optional()
      .describe('The line\'s hours (default Monday to Friday, 09:00 to 17:00, Brussels time): the home board says who is on shift until when, and callback windows are proposed within them.'),
    callLengthMinutes: z
      .strictObject({
        amber: z.int().min(1).max(600).describe('The call timer turns amber past this many minutes.'),
        red: z.int().min(1).max(600).describe('The call timer turns red past this many minutes.'),
      })
      .refine((c) => c.amber < c.red, 'amber must come before red')
      .optional()
      .describe('When the call timer changes colour (default amber past 30 minutes, red past 60): neutral before, never an alarm at 00:00.'),
    idleLockMinutes: z.int().min(1).max(240).default(CONFIG_DEFAULTS.idleLockMinutes).describe('Lock the console after this many idle minutes.'),
    defaultLanguage: z.enum(CONFIG_LANGUAGES).default(CONFIG_DEFAULTS.defaultLanguage).describe('Language at first start: fr, nl or en.'),
    purge: z
      .strictObject({
        callbackNumberRetentionDays: z
          .int()
          .min(1)
          .max(365)
          .default(CONFIG_DEFAULTS.callbackNumberRetentionDays)
          .describe('Days a callback number is kept after the callback is completed or closed.'),
        notesRetentionMonths: z.int().min(1).max(120).default(CONFIG_DEFAULTS.notesRetentionMonths).describe('Months after which the free-text notes of calls are erased (structured fields stay).'),
      })
      .optional()
      .describe('Defaults of the retention policy (a supervisor may tighten them in the app).'),
  })
  .meta({
    title: 'Relais machine configuration',
    description:
      'Machine-wide settings for Relais, read at start from %ProgramData%\\Relais\\config.json (Windows), /etc/relais/config.json (Linux) or /Library/Application Support/Relais/config.json (macOS), or the file named by RELAIS_CONFIG. Never put a key or a passphrase in it.',
  });


/** The effective values: defaults filled in, unset optional values as null. */
export const configValuesSchema = z.object({
  centreName: z.string().nullable(),
  dataDir: z.string().nullable(),
  /** null: not set here (the store's own setting, else `<dataDir>/backups` and 7, applies). */
  backup: z.object({ folder: z.string().nullable(), keep: z.number().nullable() }),
  feed: z.object({ location: z.string(), publicKey: z.string().nullable(), autoApply: z.boolean(), allowUnsigned: z.boolean() }).nullable(),
  idleLockMinutes: z.number(),
  defaultLanguage: z.enum(CONFIG_LANGUAGES),
  lineHours: z.object({ days: z.array(z.enum(WEEKDAY_CODES)), open: z.string(), close: z.string() }),
  callLengthMinutes: z.object({ amber: z.number(), red: z.number() }),
  purge: z.object({ callbackNumberRetentionDays: z.number(), notesRetentionMonths: z.number() }),
});
export type ConfigValues = z.infer<typeof configValuesSchema>;

export function defaultConfigValues(): ConfigValues {
  return {
    centreName: null,
    dataDir: null,
    backup: { folder: null, keep: null },
    feed: null,
    idleLockMinutes: CONFIG_DEFAULTS.idleLockMinutes,
    defaultLanguage: CONFIG_DEFAULTS.defaultLanguage,
    lineHours: { ...DEFAULT_LINE_HOURS, days: [...DEFAULT_LINE_HOURS.days] },
    callLengthMinutes: { amber: 30, red: 60 },
    purge: { callbackNumberRetentionDays: CONFIG_DEFAULTS.callbackNumberRetentionDays, notesRetentionMonths: CONFIG_DEFAULTS.notesRetentionMonths },
  };
}

export function valuesFrom(parsed: z.output<typeof machineConfigSchema>): ConfigValues {
  const d = defaultConfigValues();
  return {
    centreName: parsed.centreName ?? null,
    dataDir: parsed.dataDir ?? null,
    backup: { folder: parsed.backup?.folder ?? null, keep: parsed.backup?.keep ?? null },
    feed: parsed.feed ? { location: parsed.feed.location, publicKey: parsed.feed.publicKey?.trim() ?? null, autoApply: parsed.feed.autoApply, allowUnsigned: parsed.feed.allowUnsigned } : null,
    idleLockMinutes: parsed.idleLockMinutes,
    defaultLanguage: parsed.defaultLanguage,
    lineHours: parsed.lineHours ? { ...parsed.lineHours, days: [...parsed.lineHours.days] } : d.lineHours,
    callLengthMinutes: parsed.callLengthMinutes ?? d.callLengthMinutes,
    purge: {
      callbackNumberRetentionDays: parsed.purge?.callbackNumberRetentionDays ?? d.purge.callbackNumberRetentionDays,
      notesRetentionMonths: parsed.purge?.notesRetentionMonths ?? d.purge.notesRetentionMonths,
    },
  };
}

/** Where the config state came from and what is wrong with it, for config.get and doctor. */
export const configStateSchema = z.object({
  /** The file read (or looked for); null when none was looked for (tests, the harness). */
  path: z.string().nullable(),
  /** `missing` is fine (defaults); `invalid` means safe mode. */
  state: z.enum(['loaded', 'missing', 'invalid', 'none']),
  safeMode: z.boolean(),
  values: configValuesSchema,
  /**
   * The data folder cannot be known from this file (it cannot be read or parsed, RELAIS_CONFIG names
   * no file, or its dataDir is wrong): the app shows the config-error screen and opens no store,
   * the CLI refuses without --data-dir. A broken config never moves the data to another folder.
   */
  blocksStore: z.boolean(),
  problem: z
    .object({
      /** English: logs, doctor, the CLI. */
      message: z.string(),
      /** What follows (safe mode, or no store): a reason key of reasons.json, for screens. */
      reason: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      /** Each problem: English message, and its reason key and parameters (or zod's rule and limit) for screens. */
      issues: z.array(
        z.object({
          path: z.string(),
          message: z.string(),
          reason: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          rule: z.string().optional(),
          limit: z.number().optional(),
          /** A JSON syntax error's usual cause, as a reason key. */
          hintReason: z.string().optional(),
        }),
      ),
      /** Where a JSON syntax error is (1-based), and what usually causes it (English; its reason key is on the issue). */
      syntax: z.object({ line: z.number(), column: z.number(), hint: z.string().nullable() }).nullable().optional(),
    })
    .nullable(),
});
export type ConfigState = z.infer<typeof configStateSchema>;

/** The JSON Schema published for IT editors (docs/config.schema.json), generated from the zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(machineConfigSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
