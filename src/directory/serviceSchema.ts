import { z } from 'zod';
import { BUILTIN_THEME_CODES, THEME_CODE_PATTERN } from '../domain/taxonomy.ts';
import { dayOf } from '../domain/brusselsTime.ts';
import { ISO_639_1 } from './languages.ts';

// One service of the directory, field names exactly as in the flat CSV header (issue 4, after
// Open Referral HSDS 3.0). Canonical form: strings trimmed, absent optional text is `null`,
// lists are arrays (never null, no empty items, no `|` inside an item since `|` separates
// list items in CSV/XLSX cells). Import, export and the store all speak this form, so
// import(export(x)) == x holds field by field.

export const SERVICE_FIELDS = [
  'id',
  'name',
  'alternate_name',
  'organization',
  'description',
  'themes',
  'keywords',
  'communes_served',
  'address',
  'postcode',
  'commune',
  'phone',
  'email',
  'website',
  'hours',
  'languages',
  'audience',
  'access_conditions',
  'professional_contact',
  'last_verified',
  'status',
  'crisis',
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

export const LIST_FIELDS = ['themes', 'keywords', 'communes_served', 'languages'] as const satisfies readonly ServiceField[];
export const LIST_SEPARATOR = '|';

/** Any single cell of an import file longer than this is refused (row-level fault). */
export const MAX_CELL_CHARS = 4000;

export const SERVICE_STATUSES = ['active', 'inactive'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

// Control characters other than tab/newline have no business in a directory and can hide text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'contains control characters')
    // Line breaks are stored as \n whatever the source (XLSX normalises them; CSV keeps them).
    .transform((s) => s.replace(/\r\n?/g, '\n').trim());
}

/** Optional text: empty or blank becomes null. */
function optionalText(max: number) {
  return z
    .union([text(max), z.null()])
    .optional()
    .transform((s) => (s === undefined || s === null || s === '' ? null : s));
}

function list(item: z.ZodType<string>, maxItems: number) {
  return z
    .array(item)
    .max(maxItems, `at most ${maxItems} items`)
    .optional()
    .transform((items) => [...new Set((items ?? []).filter((s) => s !== ''))]);
}

const listItem = (max: number) =>
  text(max).refine((s) => !s.includes(LIST_SEPARATOR), `an item may not contain "${LIST_SEPARATOR}"`);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

// Deliberately plain: one @, no spaces, a dot in the domain. Stricter checks refuse real addresses.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
// Without a scheme ("www.cpas.be") a website is accepted as is; with one, only http(s).
const WEBSITE_SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export const serviceIdSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(100, 'at most 100 characters')
  .refine((s) => !CONTROL.test(s) && !/[\r\n\t]/.test(s), 'contains control characters');

/**
 * The service schema, checking theme codes against `themeCodes` (built-in + supervisor-added).
 * Languages and themes are compared lower case; status defaults to `active` when empty.
 */
export function makeServiceSchema(themeCodes: ReadonlySet<string> = new Set(BUILTIN_THEME_CODES)) {
  return z.strictObject({
    id: serviceIdSchema,
    name: text(300).refine((s) => s.trim() !== '', 'required'),
    alternate_name: optionalText(300),
    organization: optionalText(300),
    description: optionalText(MAX_CELL_CHARS),
    themes: list(
      listItem(40)
        .transform((s) => s.toLowerCase())
        .refine((s) => THEME_CODE_PATTERN.test(s) && themeCodes.has(s), { message: 'unknown theme code (the codes: `relais-admin taxonomy list`)' }),
      40,
    ),
    keywords: list(listItem(100), 100),
    communes_served: list(listItem(100), 100),
    address: optionalText(500),
    postcode: optionalText(10).refine((s) => s === null || (/^\d{4}$/.test(s) && Number(s) >= 1000), 'Belgian postcode expected (4 digits, 1000–9999)'),
    commune: optionalText(100),
    phone: optionalText(200),
    email: optionalText(254).refine((s) => s === null || EMAIL.test(s), 'invalid e-mail address'),
    website: optionalText(500).refine((s) => {
      if (s === null) return true;
      const scheme = WEBSITE_SCHEME.exec(s)?.[1]?.toLowerCase();
      return scheme === undefined || scheme === 'http' || scheme === 'https' || /^[a-z0-9.-]+:\d+/i.test(s);
    }, 'website must be an http(s) address'),
    hours: optionalText(1000),
    languages: list(
      listItem(10)
        .transform((s) => s.toLowerCase())
        .refine((s) => ISO_639_1.has(s), 'ISO 639-1 language code expected (e.g. fr, nl, en, ar)'),
      50,
    ),
    audience: optionalText(1000),
    access_conditions: optionalText(2000),
    professional_contact: optionalText(500),
    last_verified: optionalText(10).refine((s) => s === null || isIsoDate(s), 'date expected as YYYY-MM-DD'),
    status: z
      .union([z.string().trim().toLowerCase(), z.null()])
      .optional()
      .transform((s) => (s === undefined || s === null || s === '' ? 'active' : s))
      .pipe(z.enum(SERVICE_STATUSES, { message: 'status must be active or inactive' })),
    /** An emergency or listening line shown in the crisis panel (issue 16): true/false, 1/0, oui/non, ja/nee, yes/no; empty = no. */
    crisis: z
      .union([z.boolean(), z.number(), z.string(), z.null()])
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === null || v === '' || v === false || v === 0) return false;
        if (v === true || v === 1) return true;
        const t = String(v).trim().toLowerCase();
        if (['true', '1', 'yes', 'oui', 'ja', 'x'].includes(t)) return true;
        if (['false', '0', 'no', 'non', 'nee', ''].includes(t)) return false;
        ctx.addIssue({ code: 'custom', message: 'crisis must be true or false (1/0, oui/non, ja/nee)' });
        return z.NEVER;
      }),
  });
}

/** Checks against the built-in taxonomy only; import and the repository pass the live set. */
export const serviceSchema = makeServiceSchema();

export interface Service {
  id: string;
  name: string;
  alternate_name: string | null;
  organization: string | null;
  description: string | null;
  themes: string[];
  keywords: string[];
  communes_served: string[];
  address: string | null;
  postcode: string | null;
  commune: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  hours: string | null;
  languages: string[];
  audience: string | null;
  access_conditions: string | null;
  professional_contact: string | null;
  last_verified: string | null;
  status: ServiceStatus;
  /** An emergency or listening line (crisis panel). */
  crisis: boolean;
}

/** The canonical service as the contract outputs it (no further checks). */
export const serviceOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  alternate_name: z.string().nullable(),
  organization: z.string().nullable(),
  description: z.string().nullable(),
  themes: z.array(z.string()),
  keywords: z.array(z.string()),
  communes_served: z.array(z.string()),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  commune: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  hours: z.string().nullable(),
  languages: z.array(z.string()),
  audience: z.string().nullable(),
  access_conditions: z.string().nullable(),
  professional_contact: z.string().nullable(),
  last_verified: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  crisis: z.boolean(),
});

export function changedFields(a: Service, b: Service): ServiceField[] {
  return SERVICE_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

// ---- Reachability notes -------------------------------------------------------------------

export const NOTE_MAX_CHARS = 500;

export const noteTextSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(NOTE_MAX_CHARS, `at most ${NOTE_MAX_CHARS} characters`)
  .refine((s) => !CONTROL.test(s), 'contains control characters');

/** `unreachable`: the service could not be reached; `verified`: a maintainer checked the record; `note`: anything else. */
export const NOTE_KINDS = ['note', 'unreachable', 'verified'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const reachabilityNoteSchema = z.object({
  id: z.number().int(),
  service_id: z.string(),
  text: z.string(),
  /** The responder's display name as shown on the card. */
  responder: z.string(),
  /** ISO 8601 timestamp. */
  created_at: z.string(),
  /** The writer's centre when the note came through the line's hub (issue 14); null for notes typed here. */
  centre: z.string().nullable().optional(),
  kind: z.enum(NOTE_KINDS),
});
export type ReachabilityNote = z.infer<typeof reachabilityNoteSchema>;

/** The card flags services not verified for over 12 months (or never). */
export function verificationOverdue(service: Pick<Service, 'last_verified'>, now: Date): boolean {
  if (!service.last_verified) return true;
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() - 1);
  return service.last_verified < dayOf(limit);
}
