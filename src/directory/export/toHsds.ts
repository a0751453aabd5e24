import { BUILTIN_THEMES } from '../../domain/taxonomy.ts';
import type { Service } from '../serviceSchema.ts';
import type { FlatOptions } from './flatRows.ts';

// Relais services → HSDS 3.0 compiled services (the mapping is documented field by field in
// import/readHsds.ts, which reads this output back). Fields HSDS has no place for travel in
// the `x_relais` extension object; the public flavour leaves out professional_contact.
const THEME_LABELS = new Map(BUILTIN_THEMES.map((t) => [t.code, t.labels.en]));

export function serviceToHsds(s: Service, opts: FlatOptions, themeLabels: ReadonlyMap<string, string> = THEME_LABELS): Record<string, unknown> {
  const sub = (kind: string, i: number) => `${s.id}-${kind}-${i + 1}`;
  const x: Record<string, unknown> = { keywords: s.keywords, audience: s.audience, crisis: s.crisis };
  if (!opts.public) x.professional_contact = s.professional_contact;
  const hasLocation = s.address !== null || s.postcode !== null || s.commune !== null;
  return {
    id: s.id,
    name: s.name,
    alternate_name: s.alternate_name,
    description: s.description,
    url: s.website,
    email: s.email,
    status: s.status,
    eligibility_description: s.access_conditions,
    assured_date: s.last_verified,
    organization: s.organization === null ? null : { id: `${s.id}-organization`, name: s.organization },
    phones: s.phone === null ? [] : [{ id: sub('phone', 0), number: s.phone }],
    schedules: s.hours === null ? [] : [{ id: sub('schedule', 0), description: s.hours }],
    languages: s.languages.map((code, i) => ({ id: sub('language', i), code })),
    service_areas: s.communes_served.map((name, i) => ({ id: sub('area', i), name, ...(name === '*' ? { description: 'Brussels-Capital Region' } : {}) })),
    locations: hasLocation
      ? [{ id: sub('location', 0), location_type: 'physical', addresses: [{ id: sub('address', 0), address_1: s.address, postal_code: s.postcode, city: s.commune, country: 'BE', address_type: 'physical' }] }]
      : [],
    attributes: s.themes.map((code, i) => ({
      id: sub('attribute', i),
      taxonomy_term: { id: `relais-theme-${code}`, code, name: themeLabels.get(code) ?? code, taxonomy: 'relais-themes' },
    })),
    x_relais: x,
  };
}

export function servicesToHsds(services: readonly Service[], opts: FlatOptions, themeLabels?: ReadonlyMap<string, string>): Buffer {
  // One service per line: diff-friendly and about half the size of indented JSON.
  const lines = services.map((s) => JSON.stringify(serviceToHsds(s, opts, themeLabels)));
  return Buffer.from(lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n', 'utf8');
}
