import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { type ReasonKey, type ReasonParams, reasonText } from '../domain/i18n.ts';
import { AppError, type ErrorIssue } from '../errors.ts';
import { defaultDataDir } from '../platform/defaultDataDir.ts';
import { issuesOf } from '../schemas/parse.ts';
import { type ConfigState, type ConfigValues, defaultConfigValues, machineConfigSchema, valuesFrom } from './configSchema.ts';

// Reads the machine-wide config.json once at start. Never throws: a missing file means
// defaults; an unreadable or invalid one means *safe mode* — defaults, no directory feed,
// and a problem naming each offending key, shown by the app (config.get) and by doctor.
// Each problem carries a reason key (reasons.json, config.*) with its parameters, so the
// config-error screen says it in the user's language; its English text is the message.

type ConfigIssue = ErrorIssue & { reason: ReasonKey; params?: ReasonParams; hintReason?: ReasonKey };

/** One problem of the file: its reason, and the English words of it as the message. */
function issue(at: string, reason: ReasonKey, params?: ReasonParams): ConfigIssue {
  return { path: at, message: reasonText(reason, params), reason, ...(params ? { params } : {}) };
}

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
    if (!stat.isFile()) return invalid(file, [issue('(file)', 'config.notAFile', { file })], null);
    if (stat.size > MAX_CONFIG_BYTES) return invalid(file, [issue('(file)', 'config.tooLarge', { kib: MAX_CONFIG_BYTES / 1024 })], null);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && explicit) {
      return invalid(file, [issue('(file)', 'config.envMissing', { file })], null);
    }
    if (code === 'ENOENT') return { path: file, state: 'missing', safeMode: false, blocksStore: false, values: defaultConfigValues(), problem: null };
    return invalid(file, [issue('(file)', code === 'EACCES' || code === 'EPERM' ? 'config.unreadableAccess' : 'config.unreadable', { code: code ?? 'error' })], null);
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
    const bad = issue('(file)', 'config.badJson', { line: syntax.line, column: syntax.column, what });
    // The usual cause goes with it in English; a screen says it on its own, from hintReason.
    const cause = syntaxOf(body, (e as Error).message).hint;
    return invalid(file, [{ ...bad, message: `${bad.message}${syntax.hint ? ` — ${syntax.hint}` : ''}`, ...(cause ? { hintReason: `config.hint.${cause}` } : {}) }], null, syntax);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return invalid(file, [issue('(file)', 'config.notObject')], null);
  }
  const result = machineConfigSchema.safeParse(raw);
  const issues = result.success ? [] : configIssues(result.error);
  if (result.success) issues.push(...runtimeChecks(result.data, platform));
  if (!result.success || issues.length) return invalid(file, issues, raw as Record<string, unknown>);
  return { path: file, state: 'loaded', safeMode: false, blocksStore: false, values: valuesFrom(result.data), problem: null };
}

type SyntaxHint = 'backslash' | 'trailingComma' | 'quoteOrComma' | 'endsEarly';

/** Line and column (1-based) of a JSON.parse error, and the usual cause at that spot (English, and its reason key). */
export function jsonSyntaxError(text: string, message: string): { line: number; column: number; hint: string | null } {
  const s = syntaxOf(text, message);
  return { line: s.line, column: s.column, hint: s.hint ? reasonText(`config.hint.${s.hint}`, undefined) : null };
}

function syntaxOf(text: string, message: string): { line: number; column: number; hint: SyntaxHint | null } {
  const m = /position (\d+)/.exec(message);
  const pos = m ? Math.min(Number(m[1]), text.length) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  let hint: SyntaxHint | null = null;
  const prev = before.trimEnd().slice(-1);
  if (/escape|escaped|control character/i.test(message) || (text[pos - 1] === '\\' || text[pos] === '\\')) hint = 'backslash';
  else if (prev === ',' && /[}\]]/.test(text.slice(pos).trimStart()[0] ?? '')) hint = 'trailingComma';
  else if (/property name|after property value|after array element/i.test(message)) hint = 'quoteOrComma';
  else if (/end of JSON/i.test(message)) hint = 'endsEarly';
  return { line, column, hint };
}

/** Where the store lives: RELAIS_DATA_DIR, else the config's dataDir, else the per-user folder. */
export function resolveDataDir(config: ConfigState, env: NodeJS.ProcessEnv = process.env): string {
  if (env.RELAIS_DATA_DIR) return defaultDataDir(env);
  if (config.blocksStore) {
    throw new AppError('ConfigInvalid', 'config.noDataFolder', { problem: configProblemText(config) }, config.problem?.issues);
  }
  return config.values.dataDir ? path.resolve(config.values.dataDir) : defaultDataDir(env);
}

/** The English words of what is wrong with the file (for a message that goes on with what it stops). */
export function configProblemText(config: ConfigState): string {
  return config.problem?.message ?? `The configuration file ${config.path ?? 'config.json'} is invalid.`;
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
  const rules = issuesOf(error);
  for (const zi of error.issues) {
    const at = zi.path.map(String).join('.');
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        const full = at ? `${at}.${key}` : key;
        out.push(unknownKeyIssue(full, at, key));
      }
    } else if (at === 'feed.autoApply' && zi.code === 'custom') {
      out.push(issue('feed.autoApply', 'config.autoApplyNeedsKey'));
    } else {
      // zod's own words in English; its rule and limit let a screen say it in words (common:errors.issue.*).
      const ruled = rules.find((r) => r.path === (at || '(root)') && r.message === zi.message);
      out.push({ path: at || '(root)', message: zi.message, ...(ruled?.rule ? { rule: ruled.rule } : {}), ...(ruled?.limit !== undefined ? { limit: ruled.limit } : {}) });
    }
  }
  // One message per key: the first check is the most specific ("looks like a private key").
  const seen = new Set<string>();
  return out.filter((i) => !seen.has(i.path) && seen.add(i.path)).slice(0, 30);
}

function unknownKeyIssue(full: string, parent: string, key: string): ConfigIssue {
  if (SECRET_KEY_NAME.test(key)) return issue(full, 'config.secretKey');
  const known = KNOWN_KEYS[parent] ?? [];
  const close = known.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return close ? issue(full, 'config.unknownKeyClose', { close, allowed: known.join(', ') }) : issue(full, 'config.unknownKey', { allowed: known.join(', ') });
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
      issues.push(issue(key, 'config.windowsPath', { platform }));
    }
  }
  if (parsed.feed?.publicKey) {
    try {
      const key = crypto.createPublicKey(parsed.feed.publicKey.includes('BEGIN') ? parsed.feed.publicKey : { key: Buffer.from(parsed.feed.publicKey.trim(), 'base64'), format: 'der', type: 'spki' });
      if (key.asymmetricKeyType !== 'ed25519') issues.push(issue('feed.publicKey', 'config.notEd25519'));
    } catch {
      issues.push(issue('feed.publicKey', 'config.unreadableKey'));
    }
  }
  return issues;
}

function invalid(file: string, issues: ErrorIssue[], raw: Record<string, unknown> | null, syntax: ReturnType<typeof jsonSyntaxError> | null = null): ConfigState {
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
    problem: {
      message: `The configuration file ${file} is invalid — ${list}. ${consequence}`,
      // The consequence, for a screen to say in its user's language beside each issue's reason.
      reason: blocksStore ? 'config.blocksStore' : values.dataDir ? 'config.safeModeKeepsDataDir' : 'config.safeMode',
      params: { file },
      issues,
      syntax,
    },
  };
}
