import { AppError } from '../../errors.ts';
import { LIST_FIELDS, MAX_CELL_CHARS, SERVICE_FIELDS, type ServiceField } from '../serviceSchema.ts';
import { lexiconEntrySchema, MAX_LEXICON_ENTRIES, type LexiconEntry } from '../lexicon/lexiconSchema.ts';
import { readDateCell } from './belgianDate.ts';
import { splitListCell } from './cells.ts';
import { decodeText } from './decodeText.ts';
import type { ImportWarning, RawRecord, RawTable, RowProblem } from './types.ts';

/*
 * Open Referral HSDS 3.0 JSON ↔ Relais service. The file is an array of HSDS services (or an
 * object with a `services` array), each in the "compiled" shape with its related objects
 * nested. Row numbers are 1-based positions in that array.
 *
 *   Relais field          HSDS 3.0
 *   id                    service.id
 *   name                  service.name
 *   alternate_name        service.alternate_name
 *   organization          service.organization.name   (a plain string is accepted too)
 *   description           service.description
 *   themes                service.attributes[].taxonomy_term.code whose code is a Relais theme
 *                         (other taxonomies' terms are ignored with a warning)
 *   keywords              service.x_relais.keywords   (extension; `keywords` array also read)
 *   communes_served       service.service_areas[].name  (`*` = the whole region)
 *   address               first location's addresses[0].address_1 (+ address_2, ", " joined)
 *   postcode              first location's addresses[0].postal_code
 *   commune               first location's addresses[0].city
 *                         (location = service.locations[0] or service.service_at_locations[0].location)
 *   phone                 service.phones[].number (+ " ext. " extension), " / " joined
 *   email                 service.email
 *   website               service.url
 *   hours                 service.schedules[].description, or built from byday/opens_at/closes_at;
 *                         one line per schedule
 *   languages             service.languages[].code (ISO 639-1)
 *   audience              service.x_relais.audience   (extension)
 *   access_conditions     service.eligibility_description
 *   professional_contact  service.x_relais.professional_contact (extension; never in public exports)
 *   last_verified         service.assured_date (first 10 characters of a date-time)
 *   status                service.status: active → active; inactive, defunct, temporarily closed → inactive
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function joined(parts: Array<string | null>, sep: string): string | null {
  const kept = parts.map((p) => p?.trim() ?? '').filter((p) => p !== '');
  return kept.length ? kept.join(sep) : null;
}

function scheduleText(s: Obj): string | null {
  const description = str(s.description);
  if (description && description.trim() !== '') return description;
  const days = str(s.byday);
  const opens = str(s.opens_at);
  const closes = str(s.closes_at);
  const time = opens || closes ? `${opens ?? ''}–${closes ?? ''}` : null;
  return joined([days, time], ' ');
}

/** HSDS data from elsewhere may carry foreign postcodes: kept out (with a warning) rather than refusing the service. */
function belgianPostcode(code: string | null, row: number, warnings: ImportWarning[]): string | null {
  const c = code?.trim() ?? '';
  if (c === '' || /^\d{4}$/.test(c)) return c === '' ? null : c;
  warnings.push({ field: 'postcode', message: `Row ${row}: postal code "${c.slice(0, 20)}" is not a Belgian postcode; left out.` });
  return null;
}

export function hsdsToValues(service: Obj, themeCodes: ReadonlySet<string>, row: number, warnings: ImportWarning[]): RawRecord {
  const problems: RowProblem[] = [];
  const ext = isObj(service.x_relais) ? service.x_relais : {};
  const org = service.organization;
  const location = isObj(arr(service.locations)[0])
    ? (arr(service.locations)[0] as Obj)
    : isObj(arr(service.service_at_locations)[0]) && isObj((arr(service.service_at_locations)[0] as Obj).location)
      ? ((arr(service.service_at_locations)[0] as Obj).location as Obj)
      : null;
  const address = location ? ((arr(location.addresses)[0] as Obj | undefined) ?? (isObj(location.physical_address) ? location.physical_address : location)) : null;
  const themes: string[] = [];
  for (const a of arr(service.attributes)) {
    if (!isObj(a)) continue;
    const term = isObj(a.taxonomy_term) ? a.taxonomy_term : null;
    const code = str(term?.code ?? a.value)?.trim().toLowerCase() ?? '';
    if (code === '') continue;
    if (themeCodes.has(code)) themes.push(code);
    else warnings.push({ field: 'themes', message: `Row ${row}: taxonomy term "${code.slice(0, 60)}" is not a Relais theme; ignored.` });
  }
  const status = str(service.status)?.trim().toLowerCase() ?? null;
  const assured = str(service.assured_date);
  const values: Partial<Record<ServiceField, unknown>> = {
    id: str(service.id) ?? '',
    name: str(service.name) ?? '',
    alternate_name: str(service.alternate_name),
    organization: isObj(org) ? str(org.name) : str(org ?? service.organization_name),
    description: str(service.description),
    themes,
    keywords: arr(ext.keywords ?? service.keywords).map(str).filter((s): s is string => s !== null),
    communes_served: arr(service.service_areas)
      .map((a) => (isObj(a) ? str(a.name) : str(a)))
      .filter((s): s is string => {
        if (s === null) return false;
        // HSDS area names may be sentences ("available to all residents of …"): not a commune.
        if (s.length > 100) warnings.push({ field: 'communes_served', message: `Row ${row}: service area "${s.slice(0, 60)}…" is not a commune name; left out.` });
        return s.length <= 100;
      }),
    address: address ? joined([str(address.address_1), str(address.address_2)], ', ') : str(ext.address),
    postcode: address ? belgianPostcode(str(address.postal_code), row, warnings) : str(ext.postcode),
    commune: address ? str(address.city) : str(ext.commune),
    phone: joined(
      arr(service.phones).map((p) => (isObj(p) ? joined([str(p.number), p.extension ? `ext. ${str(p.extension)}` : null], ' ') : str(p))),
      ' / ',
    ),
    email: str(service.email),
    website: str(service.url ?? service.website),
    hours: joined(arr(service.schedules).map((s) => (isObj(s) ? scheduleText(s) : str(s))), '\n'),
    languages: arr(service.languages).map((l) => (isObj(l) ? str(l.code ?? l.name) : str(l))).filter((s): s is string => s !== null),
    audience: str(ext.audience),
    access_conditions: str(service.eligibility_description),
    professional_contact: str(ext.professional_contact),
    crisis: ext.crisis === true || ext.crisis === 'true',
    last_verified: assured === null ? null : readDateCell(assured),
    status: status === null || status === '' ? null : status === 'active' ? 'active' : ['inactive', 'defunct', 'temporarily closed'].includes(status) ? 'inactive' : status,
  };
  // Keys the service does not carry leave the stored value alone (see ValidRow.fields). A
  // Relais export (it has `x_relais`) leaves out absent values, as HSDS wants: there, every
  // standard field is present and a missing key means "empty"; only the x_relais keys it
  // carries count (the public flavour has no professional_contact, which must not be wiped).
  const ours = isObj(service.x_relais);
  const has = (o: Obj, ...keys: string[]) => (ours && o === service) || keys.some((k) => k in o);
  const present: Record<ServiceField, boolean> = {
    id: true,
    name: true,
    alternate_name: has(service, 'alternate_name'),
    organization: has(service, 'organization', 'organization_name'),
    description: has(service, 'description'),
    themes: has(service, 'attributes'),
    keywords: has(ext, 'keywords') || has(service, 'keywords'),
    communes_served: has(service, 'service_areas'),
    address: has(service, 'locations', 'service_at_locations') || has(ext, 'address', 'postcode', 'commune'),
    postcode: has(service, 'locations', 'service_at_locations') || has(ext, 'address', 'postcode', 'commune'),
    commune: has(service, 'locations', 'service_at_locations') || has(ext, 'address', 'postcode', 'commune'),
    phone: has(service, 'phones'),
    email: has(service, 'email'),
    website: has(service, 'url', 'website'),
    hours: has(service, 'schedules'),
    languages: has(service, 'languages'),
    audience: has(ext, 'audience'),
    access_conditions: has(service, 'eligibility_description'),
    professional_contact: has(ext, 'professional_contact'),
    last_verified: has(service, 'assured_date'),
    status: has(service, 'status'),
    crisis: has(ext, 'crisis'),
  };
  for (const f of SERVICE_FIELDS) if (!present[f]) delete values[f];
  for (const f of SERVICE_FIELDS) {
    const v = values[f];
    const longest = Array.isArray(v) ? Math.max(0, ...v.map((s: string) => s.length)) : typeof v === 'string' ? v.length : 0;
    if (longest > MAX_CELL_CHARS) {
      problems.push({ row, field: f, message: `value too long (${longest} characters, at most ${MAX_CELL_CHARS}).` });
      delete values[f];
    }
  }
  return { row, values, problems };
}

// A JSON list in Relais's own flat shape (the CSV header's field names as keys, as in the
// bundled demo directory) is read field for field instead of being mistaken for HSDS, which
// would silently drop every flat-only field.
const FLAT_MARKERS = ['communes_served', 'postcode', 'commune', 'address', 'phone', 'hours', 'access_conditions', 'professional_contact', 'last_verified', 'audience', 'themes'];
const FLAT_FIELDS: ReadonlySet<string> = new Set(SERVICE_FIELDS);
const LISTS: ReadonlySet<string> = new Set(LIST_FIELDS);

function isFlatRecord(item: Obj): boolean {
  return FLAT_MARKERS.some((k) => k in item);
}

function flatToValues(item: Obj, row: number, unknown: Set<string>): RawRecord {
  const problems: RowProblem[] = [];
  const values: Partial<Record<ServiceField, unknown>> = {};
  for (const [key, raw] of Object.entries(item)) {
    if (!FLAT_FIELDS.has(key)) {
      unknown.add(key);
      continue;
    }
    const field = key as ServiceField;
    let v: unknown = raw;
    if (LISTS.has(field)) {
      if (typeof raw === 'string') v = splitListCell(raw);
      else if (Array.isArray(raw)) v = raw.map((x) => str(x)).filter((x): x is string => x !== null);
      else if (raw === null) v = [];
      else {
        problems.push({ row, field, message: 'expected a list (array or "a|b" text).' });
        continue;
      }
    } else if (raw !== null && typeof raw !== 'string') {
      v = str(raw);
      if (v === null) {
        problems.push({ row, field, message: 'expected text.' });
        continue;
      }
    }
    const longest = Array.isArray(v) ? Math.max(0, ...v.map((x: string) => x.length)) : typeof v === 'string' ? v.length : 0;
    if (longest > MAX_CELL_CHARS) {
      problems.push({ row, field, message: `value too long (${longest} characters, at most ${MAX_CELL_CHARS}).` });
      continue;
    }
    values[field] = v;
  }
  return { row, values, problems };
}

/**
 * The services a JSON document holds, in every shape HSDS 3.0 publishes them: one service
 * object (examples/service_full.json), an array, {"services": […]}, the API's paged list
 * ({"contents": […]}, examples/service_list.json), and organizations with their services
 * nested (organization_full.json, organization_list.json) — a nested service without its own
 * organization takes the one it sits in. Null when none of these.
 */
const ORGANIZATION_ONLY = ['tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'parent_organization_id', 'organization_identifiers', 'programs', 'website'];

export function servicesIn(json: unknown): unknown[] | null {
  const fromItems = (items: unknown[]): unknown[] =>
    items.flatMap((item) => {
      if (isObj(item) && Array.isArray(item.services)) {
        const org = { id: item.id, name: item.name, description: item.description };
        return item.services.map((svc) => (isObj(svc) && !('organization' in svc) && typeof item.name === 'string' ? { ...svc, organization: org } : svc));
      }
      // An organization listed without its services (organization_list.json) is not a service.
      if (isObj(item) && !('status' in item) && ORGANIZATION_ONLY.some((k) => k in item)) return [];
      return [item];
    });
  if (Array.isArray(json)) return fromItems(json);
  if (!isObj(json)) return null;
  if (Array.isArray(json.services) && !('name' in json && 'id' in json)) return fromItems(json.services);
  if (Array.isArray(json.contents)) return fromItems(json.contents);
  if ('id' in json || 'name' in json) return fromItems([json]);
  return null;
}

/** A feed bundle's HSDS data may carry the line's situation lexicon beside the services. */
function readLexicon(json: unknown, warnings: ImportWarning[]): LexiconEntry[] | null {
  if (!isObj(json) || !Array.isArray(json.x_relais_lexicon)) return null;
  const entries: LexiconEntry[] = [];
  json.x_relais_lexicon.slice(0, MAX_LEXICON_ENTRIES).forEach((e, i) => {
    const parsed = lexiconEntrySchema.safeParse(e);
    if (parsed.success) entries.push(parsed.data);
    else warnings.push({ field: 'x_relais_lexicon', message: `Lexicon entry ${i + 1} ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}.` });
  });
  return entries;
}

export function readHsds(bytes: Uint8Array, fileName: string, themeCodes: ReadonlySet<string>): RawTable {
  const { text, encoding } = decodeText(bytes, fileName);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError('FileRejected', 'import.badJson', { file: fileName, detail: (e as Error).message.slice(0, 120) });
  }
  const list = servicesIn(json);
  if (!list) {
    throw new AppError(
      'FileRejected',
      'import.notHsds', { file: fileName },
    );
  }
  if (list.length === 0) throw new AppError('FileRejected', 'import.noServices', { file: fileName });
  const warnings: ImportWarning[] = [];
  const unknownFlatKeys = new Set<string>();
  const records: RawRecord[] = list.map((item, i) => {
    const row = i + 1;
    if (!isObj(item)) return { row, values: {}, problems: [{ row, field: 'row', message: 'expected an HSDS service object.' }] };
    return isFlatRecord(item) ? flatToValues(item, row, unknownFlatKeys) : hsdsToValues(item, themeCodes, row, warnings);
  });
  if (unknownFlatKeys.size > 0) {
    warnings.unshift({ field: null, message: `Unknown fields ignored: ${[...unknownFlatKeys].slice(0, 20).join(', ')}.` });
  }
  if (!list.some((item) => isObj(item) && ('id' in item || 'name' in item))) {
    throw new AppError('FileRejected', 'import.noIdOrName', { file: fileName });
  }
  const lexicon = readLexicon(json, warnings);
  return { format: 'hsds', columns: [], lexicon, encoding: encoding === 'utf-8-bom' ? 'utf-8-bom' : encoding, delimiter: null, records, warnings: warnings.slice(0, 200) };
}
