import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError, type ErrorIssue } from '../errors.ts';
import { defaultDataDir } from '../platform/defaultDataDir.ts';
import { type ConfigState, type ConfigValues, defaultConfigValues, machineConfigSchema, valuesFrom } from './configSchema.ts';

// Reads the machine-wide config.json once at start. Never throws: a missing file means
// defaults; an unreadable or invalid one means *safe mode* — defaults, no directory feed,
// and a problem naming each offending key, shown by the app (config.get) and by doctor.

export const MAX_CONFIG_BYTES = 64 * 1024;

/** `RELAIS_CONFIG`, else the platform's machine-wide location. */
export function machineConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RELAIS_CONFIG) return path.resolve(env.RELAIS_CONFIG);
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Relais', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/Relais/config.json';
  return '/etc/relais/config.json';
}

/** The state of a shell that reads no config file (tests, the harness): defaults. */
export function noConfigState(): ConfigState {
  return { path: null, state: 'none', safeMode: false, blocksStore: false, values: defaultConfigValues(), problem: null };
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Read this file instead of the platform's location. */
  file?: string;
}

export function loadMachineConfig(opts: LoadConfigOptions = {}): ConfigState {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const file = opts.file ?? machineConfigPath(env, platform);
  // A file IT named on purpose (RELAIS_CONFIG) that is not there is a typo, not "no config".
  const explicit = !opts.file && !!env.RELAIS_CONFIG;
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return invalid(file, [{ path: '(file)', message: `${file} is not a file` }], null);
    if (stat.size > MAX_CONFIG_BYTES) return invalid(file, [{ path: '(file)', message: `the file is larger than ${MAX_CONFIG_BYTES / 1024} KiB` }], null);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && explicit) {
      return invalid(file, [{ path: '(file)', message: `RELAIS_CONFIG names ${file}, which does not exist — correct the variable or remove it` }], null);
    }
    if (code === 'ENOENT') return { path: file, state: 'missing', safeMode: false, blocksStore: false, values: defaultConfigValues(), problem: null };
    return invalid(file, [{ path: '(file)', message: `cannot be read (${code ?? 'error'})${code === 'EACCES' || code === 'EPERM' ? ' — give this account read access to it' : ''}` }], null);
  }
  return parseMachineConfig(text, file, platform);
}

/** Parses the text of a config file; exported for tests and `doctor`. */
export function parseMachineConfig(text: string, file: string, platform: NodeJS.Platform = process.platform): ConfigState {
  let raw: unknown;
  // Notepad saves UTF-8 with a byte-order mark.
  const body = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const syntax = jsonSyntaxError(body, (e as Error).message);
    const what = (e as Error).message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '');
    return invalid(file, [{ path: '(file)', message: `not valid JSON at line ${syntax.line}, column ${syntax.column}: ${what}${syntax.hint ? ` — ${syntax.hint}` : ''}` }], null, syntax);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return invalid(file, [{ path: '(file)', message: 'must be a JSON object { … }' }], null);
  }
  const result = machineConfigSchema.safeParse(raw);
  const issues = result.success ? [] : configIssues(result.error);
  if (result.success) issues.push(...runtimeChecks(result.data, platform));
  if (!result.success || issues.length) return invalid(file, issues, raw as Record<string, unknown>);
  return { path: file, state: 'loaded', safeMode: false, blocksStore: false, values: valuesFrom(result.data), problem: null };
}

export const BACKSLASH_HINT = 'in JSON write each backslash twice: "C:\\\\ProgramData\\\\Relais", "\\\\\\\\nas\\\\share"';

/** Line and column (1-based) of a JSON.parse error, and the usual cause at that spot. */
export function jsonSyntaxError(text: string, message: string): { line: number; column: number; hint: string | null } {
  const m = /position (\d+)/.exec(message);
  const pos = m ? Math.min(Number(m[1]), text.length) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  let hint: string | null = null;
  const prev = before.trimEnd().slice(-1);
  if (/escape|escaped|control character/i.test(message) || (text[pos - 1] === '\\' || text[pos] === '\\')) hint = BACKSLASH_HINT;
  else if (prev === ',' && /[}\]]/.test(text.slice(pos).trimStart()[0] ?? '')) hint = 'remove the comma after the last item of the list or object';
  else if (/property name|after property value|after array element/i.test(message)) hint = 'a comma or a double quote is missing or extra near here (names and texts in "double quotes")';
  else if (/end of JSON/i.test(message)) hint = 'the file ends too early: a closing } or ] is missing';
  return { line, column, hint };
}

/** Where the store lives: RELAIS_DATA_DIR, else the config's dataDir, else the per-user folder. */
export function resolveDataDir(config: ConfigState, env: NodeJS.ProcessEnv = process.env): string {
  if (env.RELAIS_DATA_DIR) return defaultDataDir(env);
  if (config.blocksStore) {
    throw new AppError('ConfigInvalid', `${config.problem?.message ?? `The configuration file ${config.path} is invalid.`} The data folder it names cannot be known, so no store is opened or created elsewhere: correct the file, or give --data-dir.`, config.problem?.issues);
  }
  return config.values.dataDir ? path.resolve(config.values.dataDir) : defaultDataDir(env);
}

/** The backup folder and retention the config imposes (over the store's own settings). */
export function configBackupPolicy(config: ConfigState): { folder?: string; keep?: number; configured?: boolean } {
  const b = config.values.backup;
  return { ...(b.folder ? { folder: path.resolve(b.folder), configured: true } : {}), ...(b.keep !== null ? { keep: b.keep } : {}) };
}

// ── issues ──────────────────────────────────────────────────────────────────────────────

const SECRET_KEY_NAME = /pass(word|phrase)?|secret|private|token|credential|pin$|^key$|apikey|datakey/i;
const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': ['$schema', 'centreName', 'dataDir', 'backup', 'feed', 'idleLockMinutes', 'defaultLanguage', 'purge'],
  backup: ['folder', 'keep'],
  feed: ['location', 'publicKey', 'allowUnsigned', 'autoApply'],
  purge: ['callbackNumberRetentionDays', 'notesRetentionMonths'],
};

function configIssues(error: z.ZodError): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  for (const issue of error.issues) {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = at ? `${at}.${key}` : key;
        out.push({ path: full, message: unknownKeyMessage(at, key) });
      }
    } else {
      out.push({ path: at || '(root)', message: issue.message });
    }
  }
  // One message per key: the first check is the most specific ("looks like a private key").
  const seen = new Set<string>();
  return out.filter((i) => !seen.has(i.path) && seen.add(i.path)).slice(0, 30);
}

function unknownKeyMessage(parent: string, key: string): string {
  if (SECRET_KEY_NAME.test(key)) return 'not allowed: keys and passphrases never belong in config.json — remove it';
  const known = KNOWN_KEYS[parent] ?? [];
  const close = known.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return `unknown setting${close ? ` — did you mean "${close}"?` : ''} (allowed here: ${known.join(', ')})`;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] as number;
      d[j] = Math.min((d[j] as number) + 1, (d[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length] as number;
}

/** What the schema cannot know: the running platform's path style, a real Ed25519 key. */
function runtimeChecks(parsed: z.output<typeof machineConfigSchema>, platform: NodeJS.Platform): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const paths: Array<[string, string | undefined]> = [
    ['dataDir', parsed.dataDir],
    ['backup.folder', parsed.backup?.folder],
    ['feed.location', parsed.feed && !parsed.feed.location.startsWith('https://') ? parsed.feed.location : undefined],
  ];
  for (const [key, value] of paths) {
    if (value !== undefined && platform !== 'win32' && !value.startsWith('/')) {
      issues.push({ path: key, message: `a Windows path on a ${platform} PC: use an absolute path starting with /` });
    }
  }
  if (parsed.feed?.publicKey) {
    try {
      const key = crypto.createPublicKey(parsed.feed.publicKey.includes('BEGIN') ? parsed.feed.publicKey : { key: Buffer.from(parsed.feed.publicKey.trim(), 'base64'), format: 'der', type: 'spki' });
      if (key.asymmetricKeyType !== 'ed25519') issues.push({ path: 'feed.publicKey', message: 'not an Ed25519 public key' });
    } catch {
      issues.push({ path: 'feed.publicKey', message: 'not a readable Ed25519 public key' });
    }
  }
  return issues;
}

function invalid(file: string, issues: ErrorIssue[], raw: Record<string, unknown> | null, syntax: { line: number; column: number; hint: string | null } | null = null): ConfigState {
  const values: ConfigValues = defaultConfigValues();
  // Safe mode still finds the records where they are: a dataDir that is valid on its own is kept,
  // so a typo elsewhere never makes the app offer to create a new, empty store. When the file
  // cannot be read at all, or dataDir itself is wrong, nobody knows where the records are: the
  // store is blocked (blocksStore) rather than opened or created in the per-user folder.
  const dataDir = raw ? machineConfigSchema.shape.dataDir.safeParse(raw.dataDir) : null;
  if (dataDir?.success && dataDir.data && !issues.some((i) => i.path === 'dataDir')) values.dataDir = dataDir.data;
  const blocksStore = raw === null || issues.some((i) => i.path === 'dataDir');
  const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  const consequence = blocksStore
    ? 'Relais opens no store until IT corrects the file (the data folder it names cannot be known).'
    : `Relais runs in safe mode: default settings${values.dataDir ? ' (except the data folder)' : ''}, no directory feed, until IT corrects the file.`;
  return {
    path: file,
    state: 'invalid',
    safeMode: true,
    blocksStore,
    values,
    problem: { message: `The configuration file ${file} is invalid — ${list}. ${consequence}`, issues, syntax },
  };
}
