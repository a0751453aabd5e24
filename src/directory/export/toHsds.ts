import { BUILTIN_THEMES } from '../../domain/taxonomy.ts';
import type { LexiconEntry } from '../lexicon/lexiconSchema.ts';
import type { Service } from '../serviceSchema.ts';
import type { FlatOptions } from './flatRows.ts';

// Relais services → HSDS 3.0 services in the shape of the specification's compiled service
// schema (schema/compiled/service.json, branch 3.0; the mapping is documented field by field in
// import/readHsds.ts, which reads this output back). What the schema wants as a string is
// either a string or left out — never null — and the objects it requires a description for
// (organization, taxonomy term) get one. Fields HSDS has no place for travel in the `x_relais`
// extension object; the public flavour leaves out professional_contact.
const THEME_LABELS = new Map(BUILTIN_THEMES.map((t) => [t.code, t.labels.en]));
const REGION = 'Brussels-Capital Region';

type Json = Record<string, unknown>;

/** Only the present values: HSDS wants a string or no property at all. */
function present(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export interface HsdsExtras {
  /** Reachability notes to carry per service (internal exports only; issue 17). */
  notes?: ReadonlyMap<string, readonly { created_at: string; kind: string; text: string; responder: string }[]>;
}

export function serviceToHsds(s: Service, opts: FlatOptions, themeLabels: ReadonlyMap<string, string> = THEME_LABELS, extras: HsdsExtras = {}): Json {
  const sub = (kind: string, i: number) => `${s.id}-${kind}-${i + 1}`;
  // Our extension keeps nulls: a reader must tell "empty" from "not in this file".
  const x: Json = { keywords: s.keywords, audience: s.audience, crisis: s.crisis };
  if (!opts.public) x.professional_contact = s.professional_contact;
  const notes = opts.public ? undefined : extras.notes?.get(s.id);
  if (notes && notes.length > 0) x.reachability_notes = notes.map((n) => ({ date: n.created_at, kind: n.kind, text: n.text, by: n.responder }));
  // A full postal address makes an HSDS location; a partial one (no street, say) stays in x_relais.
  const fullAddress = s.address !== null && s.postcode !== null && s.commune !== null;
  if (!fullAddress) Object.assign(x, present({ address: s.address, postcode: s.postcode, commune: s.commune }));
  return present({
    id: s.id,
    name: s.name,
    alternate_name: s.alternate_name,
    description: s.description,
    url: s.website,
    email: s.email,
    status: s.status,
    eligibility_description: s.access_conditions,
    assured_date: s.last_verified,
    organization:
      s.organization === null
        ? null
        : { id: `${s.id}-organization`, name: s.organization, description: `${s.organization} (organisation of the service "${s.name}" in the Relais directory).` },
    phones: s.phone === null ? [] : [{ id: sub('phone', 0), number: s.phone }],
    schedules: s.hours === null ? [] : [{ id: sub('schedule', 0), description: s.hours }],
    languages: s.languages.map((code, i) => ({ id: sub('language', i), code })),
    service_areas: s.communes_served.map((name, i) => ({ id: sub('area', i), name, ...(name === '*' ? { description: REGION } : {}) })),
    service_at_locations: fullAddress
      ? [
          {
            id: sub('service-at-location', 0),
            location: {
              id: sub('location', 0),
              location_type: 'physical',
              addresses: [
                { id: sub('address', 0), address_1: s.address, city: s.commune, state_province: REGION, postal_code: s.postcode, country: 'BE', address_type: 'physical' },
              ],
            },
          },
        ]
      : [],
    attributes: s.themes.map((code, i) => {
      const label = themeLabels.get(code) ?? code;
      return {
        id: sub('attribute', i),
        taxonomy_term_id: `relais-theme-${code}`,
        taxonomy_term: { id: `relais-theme-${code}`, code, name: label, description: `Relais theme "${label}" (${code}).`, taxonomy: 'relais-themes' },
      };
    }),
    x_relais: x,
  });
}

export function servicesToHsds(
  services: readonly Service[],
  opts: FlatOptions,
  themeLabels?: ReadonlyMap<string, string>,
  extras: HsdsExtras & { lexicon?: readonly LexiconEntry[] | null } = {},
): Buffer {
  // One service per line: diff-friendly and about half the size of indented JSON.
  const lines = services.map((s) => JSON.stringify(serviceToHsds(s, opts, themeLabels, extras)));
  const list = lines.length ? `[\n${lines.join(',\n')}\n]` : '[]';
  if (!extras.lexicon || extras.lexicon.length === 0) return Buffer.from(`${list}\n`, 'utf8');
  // The feed: the services beside the line's situation lexicon, which travels with the directory.
  return Buffer.from(`{"services": ${list},\n"x_relais_lexicon": ${JSON.stringify(extras.lexicon)}}\n`, 'utf8');
}
