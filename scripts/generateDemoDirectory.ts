// Generates the bundled demo directory, src/directory/demo/demoDirectory.json: a few hundred
// realistic Brussels services (real communes and kinds of services) with clearly fictitious
// contact details (+32 2 555 xx xx, @example.be). Deterministic: same output on every run.
//   node scripts/generateDemoDirectory.ts [--out FILE]
import type { Service } from '../src/directory/serviceSchema.ts';
import fs from 'node:fs';
import path from 'node:path';
import { COMMUNES, type Commune } from '../src/domain/communes.ts';

/** The demo file holds plain services, exactly the directory's own type. */
type DemoService = Service;

// Deterministic pseudo-random numbers (mulberry32).
let seed = 20240330;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number): boolean => rand() < p;

const C = (code: string): Commune => {
  const c = COMMUNES.find((x) => x.code === code);
  if (!c) throw new Error(code);
  return c;
};
/** "de Schaerbeek" / "d'Anderlecht" / "d'Etterbeek" */
const deFr = (fr: string): string => (/^[AEIOUÉ]/i.test(fr) ? `d'${fr}` : `de ${fr}`);
const slug = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const STREETS: Record<string, string[]> = {
  anderlecht: ['rue Wayez', 'chaussée de Mons', 'rue Eloy', 'boulevard de la Révision', 'rue de Fiennes'],
  auderghem: ['boulevard du Souverain', 'chaussée de Wavre', 'rue Émile Idiers'],
  'berchem-sainte-agathe': ['rue des Alcyons', 'avenue de Selliers de Moranville', 'rue de l\'Allée Verte'],
  bruxelles: ['rue Haute', 'rue Blaes', 'boulevard d\'Anvers', 'rue de la Caserne', 'rue des Tanneurs', 'rue Marie-Christine', 'rue du Canal'],
  etterbeek: ['avenue d\'Auderghem', 'rue Général Leman', 'chaussée Saint-Pierre'],
  evere: ['square Hoedemaekers', 'rue de Paris', 'avenue Henri Conscience'],
  forest: ['chaussée de Neerstalle', 'rue du Croissant', 'avenue Van Volxem', 'rue de Belgrade'],
  ganshoren: ['avenue de Villegas', 'rue Vanderveken', 'avenue Charles-Quint'],
  ixelles: ['rue du Viaduc', 'chaussée de Boondael', 'rue Malibran', 'rue de la Crèche', 'chaussée d\'Ixelles'],
  jette: ['rue Léon Theodor', 'chaussée de Wemmel', 'place Reine Astrid'],
  koekelberg: ['rue Herkoliers', 'chaussée de Gand', 'rue Jean Jacquet'],
  'molenbeek-saint-jean': ['rue Comte de Flandre', 'chaussée de Gand', 'rue de Ribaucourt', 'boulevard Léopold II', 'rue Vandenpeereboom'],
  'saint-gilles': ['rue de Mérode', 'chaussée de Waterloo', 'rue Fernand Bernier', 'avenue du Parc'],
  'saint-josse-ten-noode': ['rue de la Limite', 'rue Verte', 'chaussée de Louvain', 'avenue de l\'Astronomie'],
  schaerbeek: ['rue Gallait', 'avenue Rogier', 'rue de Brabant', 'chaussée d\'Helmet', 'rue Josaphat', 'place Colignon'],
  uccle: ['chaussée d\'Alsemberg', 'rue du Doyenné', 'avenue de Fré'],
  'watermael-boitsfort': ['place Keym', 'rue du Loutrier', 'avenue Delleur'],
  'woluwe-saint-lambert': ['avenue Paul Hymans', 'rue de la Charrette', 'boulevard de la Woluwe'],
  'woluwe-saint-pierre': ['avenue Charles Thielemans', 'rue François Gay', 'avenue de Tervueren'],
};

let phoneCounter = 0;
function phone(): string {
  phoneCounter++;
  const a = String(10 + Math.floor(phoneCounter / 100)).padStart(2, '0');
  const b = String(phoneCounter % 100).padStart(2, '0');
  return `+32 2 555 ${a} ${b}`;
}
function spoc(): string {
  phoneCounter++;
  return `SPOC professionnels (ne pas communiquer au public) : +32 2 555 9${phoneCounter % 10} ${String(phoneCounter % 100).padStart(2, '0')}`;
}
function address(commune: Commune): { address: string; postcode: string; commune: string } {
  const street = pick(STREETS[commune.code] ?? ['rue de la Loi']);
  return { address: `${street} ${1 + Math.floor(rand() * 180)}`, postcode: commune.postcodes[0] as string, commune: commune.fr };
}

const HOURS_WEEKDAY = ['mo-fr 09:00-17:00', 'mo-fr 08:30-12:00', 'mo-fr 09:00-12:00,13:30-16:30', 'mo-th 09:00-16:00; fr 09:00-12:00', 'mo,we,fr 09:30-12:30', 'tu-th 13:00-17:00', 'mo-fr 09:00-12:30; sa 10:00-12:00'];
const HOURS_FREE = ['Sur rendez-vous', 'Permanences variables, appeler avant de venir', 'Le matin en semaine (horaire réduit pendant les congés scolaires)', 'Op afspraak'];
const EXTRA_LANGS = ['ar', 'en', 'es', 'tr', 'ro', 'pt', 'ru', 'pl', 'bg', 'ber', 'uk', 'ps', 'fa', 'it'];

const services: DemoService[] = [];

function lastVerified(): string {
  // Spread over 2023-01 … 2025-06; about a third is more than a year old.
  const month = Math.floor(rand() * 30);
  const y = 2023 + Math.floor(month / 12);
  const m = (month % 12) + 1;
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Spec {
  id: string;
  name: string;
  alternate_name?: string | null;
  organization?: string | null;
  description: string;
  themes: string[];
  keywords?: string[];
  commune?: Commune | null;
  communes_served?: string[];
  hours?: string | null;
  languages?: string[];
  audience?: string | null;
  access_conditions?: string | null;
  professional_contact?: string | null;
  inactive?: boolean;
  dutch?: boolean;
}

function add(spec: Spec): void {
  if (services.some((s) => s.id === spec.id)) throw new Error(`duplicate id ${spec.id}`);
  const place = spec.commune ? address(spec.commune) : { address: null, postcode: null, commune: null };
  const langs = new Set(spec.languages ?? (spec.dutch ? ['nl', 'fr'] : ['fr']));
  if (!spec.languages && chance(0.35)) langs.add(pick(EXTRA_LANGS.filter((l) => l.length === 2)));
  if (!spec.languages && chance(0.15)) langs.add('en');
  const base = slug(spec.id);
  const hours = spec.hours !== undefined ? spec.hours : chance(0.85) ? pick(HOURS_WEEKDAY) : pick(HOURS_FREE);
  services.push({
    id: spec.id,
    name: spec.name,
    alternate_name: spec.alternate_name ?? null,
    organization: spec.organization ?? null,
    description: spec.description,
    themes: spec.themes,
    keywords: spec.keywords ?? [],
    communes_served: spec.communes_served ?? (spec.commune ? [spec.commune.fr] : ['*']),
    address: place.address,
    postcode: place.postcode,
    commune: place.commune,
    phone: phone(),
    email: `${base.slice(0, 40)}@example.be`,
    website: chance(0.7) ? `https://${base.slice(0, 40)}.example.be` : null,
    hours,
    languages: [...langs],
    audience: spec.audience ?? null,
    access_conditions: spec.access_conditions ?? null,
    professional_contact: spec.professional_contact ?? null,
    last_verified: lastVerified(),
    status: spec.inactive ? 'inactive' : 'active',
    crisis: false,
  });
}

const ALL = COMMUNES;

// 1. The 19 CPAS / OCMW.
for (const c of ALL) {
  add({
    id: `cpas-${c.code}`,
    name: c.code === 'bruxelles' ? 'CPAS de la Ville de Bruxelles' : `CPAS ${deFr(c.fr)}`,
    alternate_name: c.code === 'bruxelles' ? 'OCMW van de Stad Brussel' : `OCMW ${c.nl}`,
    organization: `Centre public d'action sociale ${deFr(c.fr)}`,
    description: `Centre public d'action sociale de la commune : revenu d'intégration (RIS), aide sociale, aide médicale urgente (AMU) pour les personnes sans titre de séjour, aide énergie, médiation de dettes, carte médicale. Dossier ouvert pour les habitants domiciliés ou résidant ${c.fr === 'Bruxelles' ? 'à Bruxelles-Ville' : `à ${c.fr}`}.`,
    themes: ['income', 'general', 'health', 'energy', 'debt'],
    keywords: ['revenu d\'intégration', 'leefloon', 'aide sociale', 'AMU', 'carte médicale', 'permanence sociale'],
    commune: c,
    hours: 'mo-fr 08:30-12:00',
    languages: ['fr', 'nl'],
    audience: 'Habitants de la commune',
    access_conditions: 'Se présenter à la permanence sociale du quartier avec une pièce d\'identité',
    professional_contact: spoc(),
    dutch: true,
  });
}

// 2. General social work: CASG (FR) and CAW (NL).
const CASG = [
  ['casg-marolles', 'Centre d\'action sociale globale des Marolles', 'bruxelles'],
  ['casg-saint-gilles', 'CASG Entraide de Saint-Gilles', 'saint-gilles'],
  ['casg-schaerbeek', 'Centre d\'action sociale globale de Schaerbeek', 'schaerbeek'],
  ['casg-molenbeek', 'CASG Molenbeek – Maritime', 'molenbeek-saint-jean'],
  ['casg-ixelles', 'Centre social d\'Ixelles (CASG)', 'ixelles'],
  ['casg-anderlecht', 'CASG Cureghem', 'anderlecht'],
  ['casg-forest', 'Centre d\'action sociale globale de Forest', 'forest'],
  ['casg-saint-josse', 'CASG Saint-Josse – Espace social', 'saint-josse-ten-noode'],
  ['casg-laeken', 'Centre d\'action sociale de Laeken', 'bruxelles'],
  ['casg-etterbeek', 'CASG Etterbeek', 'etterbeek'],
  ['casg-jette', 'Centre d\'action sociale globale de Jette', 'jette'],
  ['cap-evere', 'Centre d\'aide aux personnes d\'Evere (CAP)', 'evere'],
] as const;
for (const [id, name, code] of CASG) {
  add({
    id, name, commune: C(code), communes_served: [C(code).fr],
    organization: 'Fédération des centres de service social',
    description: 'Service social généraliste : accueil, écoute, information sur les droits, accompagnement dans les démarches (CPAS, chômage, logement, dettes), orientation vers les services spécialisés. Suivi à plus long terme.',
    themes: ['general', 'admin', 'income'],
    keywords: ['service social', 'accompagnement social', 'aide sociale générale', 'CASG'],
    professional_contact: chance(0.5) ? spoc() : null,
    audience: 'Tout public',
  });
}
const CAW = [
  ['caw-brussel-onthaal-noord', 'CAW Brussel – Onthaal Noord', 'schaerbeek'],
  ['caw-brussel-onthaal-centrum', 'CAW Brussel – Onthaal Centrum', 'bruxelles'],
  ['caw-brussel-onthaal-zuid', 'CAW Brussel – Onthaal Zuid', 'anderlecht'],
  ['caw-brussel-onthaal-west', 'CAW Brussel – Onthaal West', 'molenbeek-saint-jean'],
  ['caw-brussel-jac', 'CAW Brussel – JAC (jongeren)', 'bruxelles'],
  ['caw-brussel-slachtofferhulp', 'CAW Brussel – Slachtofferhulp', 'bruxelles'],
] as const;
for (const [id, name, code] of CAW) {
  const jac = id.endsWith('jac');
  const victims = id.endsWith('slachtofferhulp');
  add({
    id, name, commune: C(code), communes_served: ['*'], dutch: true,
    organization: 'CAW Brussel (Centrum Algemeen Welzijnswerk)',
    alternate_name: victims ? 'Aide aux victimes (CAW)' : jac ? 'Centre d\'accueil pour jeunes (CAW)' : 'Accueil social généraliste du CAW',
    description: victims
      ? 'Slachtofferhulp: ondersteuning van slachtoffers van geweld, diefstal, ongevallen. Aide aux victimes en néerlandais et en français.'
      : jac
        ? 'Jongerenonthaal voor 12 tot 25 jaar: vragen over school, thuis, geld, wonen, relaties. Anoniem en gratis.'
        : 'Algemeen welzijnswerk: onthaal, informatie en begeleiding bij vragen over inkomen, wonen, schulden, relaties en administratie. Service social généraliste néerlandophone, accueil aussi en français.',
    themes: victims ? ['violence', 'general'] : jac ? ['family', 'general', 'education'] : ['general', 'admin', 'housing'],
    keywords: victims ? ['slachtofferhulp', 'aide aux victimes', 'geweld'] : jac ? ['jongeren', 'jeunes', 'JAC'] : ['welzijnswerk', 'onthaal', 'maatschappelijk werk'],
    professional_contact: chance(0.5) ? spoc() : null,
  });
}

// 3. Food aid: social groceries, Restos du Cœur, food parcels, social restaurants.
const EPICERIES = ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'saint-gilles', 'forest', 'ixelles', 'jette', 'evere', 'bruxelles', 'saint-josse-ten-noode', 'koekelberg', 'etterbeek', 'uccle', 'woluwe-saint-lambert', 'ganshoren'];
const EPI_NAMES: Record<string, string> = {
  'molenbeek-saint-jean': 'Épicerie sociale du Maritime', bruxelles: 'Épicerie sociale des Marolles', anderlecht: 'Épicerie sociale de Cureghem',
  schaerbeek: 'Épicerie sociale Josaphat', 'saint-gilles': 'Épicerie sociale Porte de Hal', forest: 'Épicerie sociale Forest-Wiels',
};
for (const code of EPICERIES) {
  const c = C(code);
  add({
    id: `epicerie-${code}`,
    name: EPI_NAMES[code] ?? `Épicerie sociale ${deFr(c.fr)}`,
    alternate_name: `Sociale kruidenier ${c.nl}`,
    organization: chance(0.5) ? `CPAS ${deFr(c.fr)}` : 'Réseau des épiceries sociales',
    description: 'Magasin où l\'on achète des produits alimentaires et d\'hygiène à prix réduit (environ -30 à -70 %), sur orientation d\'un service social. Fruits et légumes frais.',
    themes: ['food'],
    keywords: ['épicerie sociale', 'courses à prix réduit', 'produits d\'hygiène'],
    commune: c,
    access_conditions: 'Sur orientation du CPAS ou d\'un service social, carte d\'accès valable 6 mois',
    inactive: code === 'ganshoren',
  });
}
const RESTOS = ['bruxelles', 'schaerbeek', 'saint-gilles', 'anderlecht', 'molenbeek-saint-jean', 'laeken', 'ixelles', 'forest'];
for (const code of RESTOS) {
  const c = code === 'laeken' ? C('bruxelles') : C(code);
  const label = code === 'laeken' ? 'Laeken' : c.fr;
  add({
    id: `restos-${code}`,
    name: `Restos du Cœur ${deFr(label)}`,
    organization: 'Les Restos du Cœur de Belgique',
    description: 'Repas chauds à petit prix ou gratuits, colis alimentaires, douches et vestiaire selon les jours. Accueil sans conditions.',
    themes: ['food', 'shelter'],
    keywords: ['repas chaud', 'colis', 'resto social', 'vestiaire'],
    commune: c,
    communes_served: ['*'],
    hours: 'mo-fr 11:30-14:00',
    audience: 'Personnes en difficulté, sans-abri',
  });
}
const COLIS = ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'saint-josse-ten-noode', 'forest', 'jette', 'evere', 'ixelles', 'bruxelles', 'koekelberg', 'berchem-sainte-agathe', 'auderghem', 'watermael-boitsfort', 'woluwe-saint-pierre', 'uccle', 'etterbeek'];
const PARISH = ['Saint-Vincent de Paul', 'Entraide paroissiale', 'Croix-Rouge', 'Solidarité quartier', 'Les Amis du quartier'];
for (const code of COLIS) {
  const c = C(code);
  const org = pick(PARISH);
  add({
    id: `colis-${code}`,
    name: `Distribution de colis alimentaires ${org === 'Croix-Rouge' ? 'Croix-Rouge ' : ''}${deFr(c.fr)}`,
    organization: org,
    description: 'Distribution de colis alimentaires (banque alimentaire) une ou deux fois par mois, sur inscription. Produits secs, conserves, parfois produits frais.',
    themes: ['food'],
    keywords: ['colis alimentaire', 'banque alimentaire', 'voedselpakket'],
    commune: c,
    hours: pick(['tu 09:00-12:00', 'we 13:00-16:00', 'th 09:30-11:30', 'sa 09:00-11:00', 'fr 14:00-16:00']),
    access_conditions: 'Inscription avec une attestation de revenus ou une orientation sociale',
    inactive: code === 'berchem-sainte-agathe',
  });
}
for (const [id, name, code, nl] of [
  ['resto-social-porte-de-hal', 'Restaurant social Porte de Hal', 'saint-gilles', false],
  ['sociaal-restaurant-anderlecht', 'Sociaal restaurant De Overkant', 'anderlecht', true],
  ['resto-social-schaerbeek', 'Resto social Le Pianocktail', 'schaerbeek', false],
  ['voedselbank-brussel', 'Voedselbank Brussel-Brabant (dépôt régional)', 'bruxelles', true],
  ['frigo-solidaire-ixelles', 'Frigo solidaire d\'Ixelles', 'ixelles', false],
  ['frigo-solidaire-molenbeek', 'Frigo solidaire de Molenbeek', 'molenbeek-saint-jean', false],
] as const) {
  add({
    id, name, commune: C(code), dutch: nl, communes_served: id.startsWith('voedselbank') ? ['*'] : [C(code).fr],
    description: id.startsWith('frigo')
      ? 'Frigo en accès libre : chacun peut déposer ou prendre des aliments. Sans inscription.'
      : id.startsWith('voedselbank')
        ? 'Banque alimentaire régionale : approvisionne les associations de distribution de colis. Pas de distribution aux particuliers, oriente vers le point de distribution le plus proche.'
        : nl ? 'Warme maaltijden aan democratische prijzen. Repas chauds à prix démocratique.' : 'Repas chauds à prix démocratique (2 à 5 €), ambiance conviviale.',
    themes: ['food'],
    keywords: id.startsWith('frigo') ? ['frigo', 'gratuit', 'sans inscription'] : ['repas', 'maaltijd'],
    hours: id.startsWith('frigo') ? '24/7' : undefined,
  });
}

// 4. Health: maisons médicales / wijkgezondheidscentra.
const MM: [string, string, string][] = [
  ['mm-marolles', 'Maison médicale des Marolles', 'bruxelles'],
  ['mm-maelbeek', 'Maison médicale du Maelbeek', 'ixelles'],
  ['mm-nord', 'Maison médicale du Quartier Nord', 'schaerbeek'],
  ['mm-botanique', 'Maison médicale Botanique', 'saint-josse-ten-noode'],
  ['mm-cureghem', 'Maison médicale de Cureghem', 'anderlecht'],
  ['mm-tournesol', 'Maison médicale Le Tournesol', 'molenbeek-saint-jean'],
  ['mm-forest', 'Maison médicale de Forest', 'forest'],
  ['mm-saint-gilles', 'Maison médicale Santé Plurielle', 'saint-gilles'],
  ['mm-jette', 'Maison médicale de Jette', 'jette'],
  ['mm-etterbeek', 'Maison médicale des Étangs', 'etterbeek'],
  ['mm-evere', 'Maison médicale d\'Evere', 'evere'],
  ['mm-koekelberg', 'Maison médicale Kalindi', 'koekelberg'],
  ['mm-uccle', 'Maison médicale du Globe', 'uccle'],
  ['mm-matonge', 'Maison médicale Matonge', 'ixelles'],
  ['mm-josaphat', 'Maison médicale Josaphat', 'schaerbeek'],
  ['mm-anneessens', 'Maison médicale Anneessens', 'bruxelles'],
  ['mm-laeken', 'Maison médicale de Laeken', 'bruxelles'],
  ['mm-ganshoren', 'Maison médicale de Ganshoren', 'ganshoren'],
];
for (const [id, name, code] of MM) {
  add({
    id, name, commune: C(code),
    description: 'Médecine générale, soins infirmiers, kinésithérapie et service social au forfait : pas de paiement à la consultation pour les patients inscrits (via la mutuelle). Inscription selon le quartier.',
    themes: ['health'],
    keywords: ['médecin généraliste', 'forfait', 'infirmier', 'kiné'],
    access_conditions: 'Habiter le quartier desservi ; inscription au forfait via la mutuelle',
    inactive: id === 'mm-ganshoren',
  });
}
const WGC: [string, string, string][] = [
  ['wgc-brussel-noord', 'Wijkgezondheidscentrum Brussel-Noord', 'schaerbeek'],
  ['wgc-molenbeek', 'Wijkgezondheidscentrum De Brug', 'molenbeek-saint-jean'],
  ['wgc-anderlecht', 'Wijkgezondheidscentrum Medikuregem', 'anderlecht'],
  ['wgc-sint-gillis', 'Wijkgezondheidscentrum Sint-Gillis', 'saint-gilles'],
];
for (const [id, name, code] of WGC) {
  add({
    id, name, alternate_name: `Maison médicale néerlandophone (${C(code).nl})`, commune: C(code), dutch: true,
    description: 'Huisartsen, verpleging en maatschappelijk werk aan een vast forfait via het ziekenfonds. Médecine générale au forfait.',
    themes: ['health'], keywords: ['huisarts', 'forfait', 'ziekenfonds'],
  });
}
for (const [id, name, code, desc, themes, kw] of [
  ['mdm-centre', 'Médecins du Monde – Centre d\'accès aux soins', 'bruxelles', 'Consultations médicales gratuites pour les personnes sans couverture de soins : sans-papiers, personnes sans abri, migrants en transit. Orientation vers l\'aide médicale urgente du CPAS.', ['health', 'residence'], ['soins gratuits', 'sans couverture', 'AMU']],
  ['medihalte', 'Medihalte – consultations sans rendez-vous', 'bruxelles', 'Consultations de médecine générale gratuites et accompagnement vers le système de santé pour les personnes sans mutuelle.', ['health'], ['médecin gratuit', 'sans mutuelle']],
  ['planning-familial-saint-gilles', 'Planning familial de Saint-Gilles', 'saint-gilles', 'Contraception, IVG, consultations gynécologiques, psychologiques et juridiques, accueil sans rendez-vous.', ['health', 'family'], ['contraception', 'IVG', 'planning']],
  ['planning-familial-schaerbeek', 'Planning familial Josaphat', 'schaerbeek', 'Contraception, tests de grossesse, IVG, consultations conjugales et familiales.', ['health', 'family'], ['contraception', 'grossesse']],
  ['croix-rouge-soins-nord', 'Croix-Rouge – Hub humanitaire (soins et orientation)', 'bruxelles', 'Premiers soins, orientation sociale et juridique, recharge de téléphones et reconnexion familiale pour les personnes migrantes.', ['health', 'residence', 'general'], ['hub humanitaire', 'migrants']],
  ['mutualite-permanence-anderlecht', 'Permanence mutuelle – affiliation et remboursements', 'anderlecht', 'Aide pour s\'affilier à une mutuelle, comprendre les remboursements, le statut BIM (intervention majorée).', ['health', 'admin'], ['mutuelle', 'BIM', 'intervention majorée']],
] as const) {
  add({ id, name, commune: C(code), communes_served: ['*'], description: desc, themes: [...themes], keywords: [...kw], languages: ['fr', 'nl', 'en', 'ar'] });
}

// 5. Mental health and listening.
const SSM: [string, string][] = [['ssm-anderlecht', 'anderlecht'], ['ssm-schaerbeek', 'schaerbeek'], ['ssm-ixelles', 'ixelles'], ['ssm-saint-gilles', 'saint-gilles'], ['ssm-molenbeek', 'molenbeek-saint-jean'], ['ssm-uccle', 'uccle'], ['ssm-bruxelles', 'bruxelles'], ['ssm-etterbeek', 'etterbeek'], ['ssm-forest', 'forest']];
for (const [id, code] of SSM) {
  add({
    id, name: `Service de santé mentale ${deFr(C(code).fr)}`, commune: C(code),
    description: 'Consultations psychologiques et psychiatriques pour adultes, enfants et familles, à tarif adapté selon les revenus. Premier entretien d\'accueil sous 15 jours.',
    themes: ['mental_health', 'health'], keywords: ['psychologue', 'psychiatre', 'SSM', 'consultation'],
    access_conditions: 'Premier contact par téléphone',
  });
}
for (const [id, name, nl, alt, desc, kw, regional] of [
  ['tele-accueil', 'Télé-Accueil Bruxelles (107)', false, null, 'Écoute téléphonique anonyme 24h/24 pour toute personne en difficulté morale, sociale ou psychologique.', ['écoute', '107', 'solitude'], true],
  ['tele-onthaal', 'Tele-Onthaal Brussel (106)', true, null, 'Anonieme telefonische hulp, dag en nacht, voor wie nood heeft aan een gesprek. Écoute téléphonique en néerlandais.', ['luisteren', '106', 'eenzaamheid'], true],
  ['prevention-suicide', 'Centre de prévention du suicide – ligne d\'écoute', false, null, 'Ligne d\'écoute 24h/24 pour les personnes qui pensent au suicide et leurs proches.', ['suicide', 'écoute', 'crise'], true],
  ['cggz-brussel', 'CGGZ Brussel', true, 'Centre de santé mentale néerlandophone', 'Centrum voor geestelijke gezondheidszorg: psychologische hulp voor kinderen, jongeren en volwassenen.', ['psycholoog', 'therapie'], true],
  ['equipe-mobile-crise', 'Équipe mobile de crise en santé mentale', false, null, 'Intervention à domicile de psychologues et infirmiers en cas de crise psychique, sur demande d\'un médecin ou d\'un service.', ['crise', 'à domicile', 'psychiatrie'], true],
  ['ulysse-ssm-exil', 'Service de santé mentale pour personnes exilées', false, null, 'Soutien psychologique des personnes exilées et sans-papiers ayant vécu des traumatismes, avec interprètes.', ['exil', 'trauma', 'interprète'], true],
  ['groupe-parole-deuil', 'Groupe de parole – deuil et isolement', false, null, 'Groupes de parole hebdomadaires pour les personnes en deuil ou isolées. Gratuit.', ['deuil', 'isolement'], false],
] as const) {
  add({
    id, name, dutch: nl, alternate_name: alt, description: desc, keywords: [...kw],
    themes: id === 'ulysse-ssm-exil' ? ['mental_health', 'residence'] : ['mental_health'],
    commune: regional ? null : C('etterbeek'),
    communes_served: regional ? ['*'] : ['Etterbeek'],
    hours: id.startsWith('tele') || id === 'prevention-suicide' ? '24/7' : undefined,
    languages: id === 'ulysse-ssm-exil' ? ['fr', 'en', 'ar', 'fa', 'ps'] : undefined,
  });
}

// 6. Housing: AIS / SVK, housing rights, shelters.
const AIS: [string, string, string | null][] = [
  ['ais-schaerbeek', 'schaerbeek', 'AIS Schaerbeekoise'], ['ais-saint-gilles', 'saint-gilles', null], ['ais-forest', 'forest', null], ['ais-ixelles', 'ixelles', 'AIS d\'Ixelles – Logement pour tous'],
  ['ais-anderlecht', 'anderlecht', null], ['ais-molenbeek', 'molenbeek-saint-jean', 'AIS Molenbeek – Habitat solidaire'], ['ais-bruxelles', 'bruxelles', 'AIS Quartiers'], ['ais-etterbeek', 'etterbeek', null],
  ['ais-uccle', 'uccle', null], ['ais-jette', 'jette', null], ['ais-saint-josse', 'saint-josse-ten-noode', null], ['ais-evere', 'evere', null],
  ['svk-brussel', 'bruxelles', null],
];
for (const [id, code, custom] of AIS) {
  const c = C(code);
  const nl = id.startsWith('svk');
  add({
    id, commune: c, dutch: nl,
    name: nl ? 'Sociaal Verhuurkantoor Brussel' : custom ?? `Agence immobilière sociale ${deFr(c.fr)}`,
    alternate_name: nl ? 'Agence immobilière sociale néerlandophone (SVK)' : `Sociaal verhuurkantoor ${c.nl}`,
    description: 'Agence immobilière sociale (AIS) : loue des logements de propriétaires privés à des ménages à revenus modestes, loyer sous le prix du marché. Inscription sur liste d\'attente.',
    themes: ['housing'], keywords: ['AIS', 'SVK', 'logement social', 'loyer modéré', 'liste d\'attente'],
    communes_served: nl ? ['*'] : [c.fr, ...(chance(0.4) ? [pick(ALL).fr] : [])],
    access_conditions: 'Revenus inférieurs aux plafonds du logement social',
    inactive: id === 'ais-evere',
  });
}
for (const [id, name, code, desc, themes, kw, nl] of [
  ['samusocial', 'Samusocial', 'bruxelles', 'Hébergement d\'urgence pour personnes sans abri (hommes, femmes, familles), maraudes, dispatching des places d\'urgence. Numéro vert 24h/24.', ['shelter', 'health'], ['hébergement d\'urgence', 'maraudes', 'sans-abri', 'nuit'], false],
  ['samusocial-familles', 'Samusocial – Centre pour familles', 'woluwe-saint-lambert', 'Hébergement d\'urgence pour familles avec enfants sans logement.', ['shelter', 'family'], ['familles', 'enfants', 'hébergement d\'urgence'], false],
  ['pierre-d-angle', 'Asile de nuit Pierre d\'Angle', 'bruxelles', 'Abri de nuit à bas seuil, 48 lits, accueil inconditionnel dès 20 h, sans réservation.', ['shelter'], ['abri de nuit', 'dormir', 'lit'], false],
  ['ariane', 'Centre d\'hébergement Ariane', 'bruxelles', 'Maison d\'accueil pour hommes seuls sans abri, séjour de moyen terme avec accompagnement social.', ['shelter', 'housing'], ['maison d\'accueil', 'hommes seuls'], false],
  ['nachtopvang-brussel', 'Nachtopvang Brussel', 'anderlecht', 'Nachtopvang voor dakloze mannen en vrouwen, van 20u tot 8u. Abri de nuit néerlandophone.', ['shelter'], ['nachtopvang', 'dakloos', 'slapen'], true],
  ['jamais-sans-toit', 'Centre de jour Jamais Sans Toit', 'saint-gilles', 'Centre de jour pour personnes sans abri : douches, lessive, café, domiciliation postale, permanence sociale.', ['shelter', 'general'], ['centre de jour', 'douche', 'domiciliation', 'sans-abri'], false],
  ['la-fontaine', 'La Fontaine – soins d\'hygiène', 'bruxelles', 'Douches, soins des pieds, lessive pour personnes sans abri. Gratuit.', ['shelter', 'health'], ['douche', 'hygiène', 'lessive'], false],
  ['maison-accueil-femmes', 'Maison d\'accueil pour femmes et enfants', 'ixelles', 'Hébergement temporaire et accompagnement de femmes seules ou avec enfants, notamment victimes de violences conjugales. Adresse confidentielle.', ['shelter', 'violence', 'family'], ['femmes', 'enfants', 'violences conjugales', 'refuge'], false],
  ['hiver-86', 'Plan hiver – places d\'accueil supplémentaires', 'bruxelles', 'Places d\'hébergement supplémentaires pendant l\'hiver (novembre à mars), dispatching via le Samusocial.', ['shelter'], ['plan hiver', 'grand froid'], false],
  ['infirmiers-de-rue', 'Infirmiers de rue', 'bruxelles', 'Soins et accompagnement vers un logement des personnes sans abri les plus fragiles.', ['shelter', 'health', 'housing'], ['housing first', 'soins de rue'], false],
  ['housing-first-brussels', 'Housing First Brussels', 'saint-josse-ten-noode', 'Accès direct à un logement avec accompagnement intensif pour personnes longtemps à la rue.', ['housing', 'shelter'], ['housing first', 'logement'], false],
  ['rassemblement-droit-logement', 'Rassemblement bruxellois pour le droit à l\'habitat', 'saint-gilles', 'Information sur les droits des locataires, logement insalubre, expulsions, aides au loyer et allocation loyer.', ['housing', 'legal'], ['locataire', 'expulsion', 'insalubrité', 'allocation loyer', 'bail'], false],
  ['huurdersbond-brussel', 'Huurdersbond Brussel', 'bruxelles', 'Juridisch advies voor huurders: huurcontract, waarborg, huurprijs, uitzetting. Conseil aux locataires.', ['housing', 'legal'], ['huurder', 'waarborg', 'uitzetting', 'locataire'], true],
  ['fonds-logement', 'Fonds du Logement – prêts et garantie locative', 'saint-gilles', 'Prêt sans intérêt pour la garantie locative, crédits hypothécaires sociaux, logements à louer.', ['housing', 'debt'], ['garantie locative', 'caution', 'prêt'], false],
  ['logement-social-inscription', 'Permanence inscription logement social (SISP)', 'schaerbeek', 'Aide à l\'inscription sur les listes d\'attente des sociétés immobilières de service public.', ['housing', 'admin'], ['logement social', 'SISP', 'inscription'], false],
] as const) {
  add({
    id, name, commune: C(code), communes_served: ['*'], description: desc, themes: [...themes], keywords: [...kw], dutch: nl,
    hours: id.startsWith('samusocial') || id === 'hiver-86' ? '24/7' : id === 'pierre-d-angle' || id === 'nachtopvang-brussel' ? '20:00-08:00' : undefined,
    audience: (themes as readonly string[]).includes('shelter') ? 'Personnes sans abri ou mal logées' : null,
    professional_contact: id === 'samusocial' ? spoc() : null,
    languages: ['fr', 'nl', 'en'],
  });
}

// 7. Legal aid.
add({
  id: 'baj-bruxelles', name: 'Bureau d\'aide juridique de Bruxelles (BAJ)', alternate_name: 'Bureau voor Juridische Bijstand Brussel (BJB)',
  organization: 'Ordre français des avocats du barreau de Bruxelles', commune: C('bruxelles'), communes_served: ['*'],
  description: 'Désignation d\'un avocat pro deo (gratuit ou partiellement gratuit) selon les revenus ; première consultation juridique gratuite.',
  themes: ['legal'], keywords: ['avocat pro deo', 'aide juridique de deuxième ligne', 'avocat gratuit'], hours: 'mo-fr 09:00-11:30', languages: ['fr', 'nl'],
  access_conditions: 'Revenus sous les plafonds de l\'aide juridique (preuves à apporter)',
});
add({
  id: 'bjb-brussel', name: 'Bureau voor Juridische Bijstand Brussel', alternate_name: 'BJB – Nederlandstalige Orde van Advocaten', commune: C('bruxelles'), communes_served: ['*'], dutch: true,
  description: 'Aanstelling van een pro-Deoadvocaat (gratis of gedeeltelijk gratis) volgens inkomen.',
  themes: ['legal'], keywords: ['pro deo', 'advocaat', 'juridische bijstand'], hours: 'mo-fr 09:00-12:00',
});
const PERM_JUR = ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'saint-gilles', 'ixelles', 'forest', 'jette', 'evere', 'etterbeek', 'uccle'];
for (const code of PERM_JUR) {
  const c = C(code);
  add({
    id: `permanence-juridique-${code}`, name: `Permanence juridique gratuite ${deFr(c.fr)}`, commune: c,
    organization: 'Commission d\'aide juridique',
    description: 'Aide juridique de première ligne : un avocat répond gratuitement aux questions (bail, famille, dettes, travail, séjour) et oriente si nécessaire vers le BAJ.',
    themes: ['legal'], keywords: ['conseil juridique', 'première ligne', 'gratuit'], hours: pick(['tu 17:00-19:00', 'th 17:30-19:30', 'we 14:00-16:00', 'sa 10:00-12:00']),
  });
}
for (const [id, name, desc, themes, kw] of [
  ['atelier-droits-sociaux', 'Atelier des droits sociaux', 'Permanences juridiques en droit social : chômage, CPAS, allocations familiales, mutuelle, sanctions. Recours contre les décisions.', ['legal', 'income'], ['droit social', 'recours', 'sanction chômage']],
  ['infor-droits', 'Infor Droits – permanence téléphonique', 'Information juridique gratuite par téléphone sur le droit de la famille, du logement et de la consommation.', ['legal'], ['information juridique', 'téléphone']],
  ['ligue-droits-humains', 'Service juridique en droit des étrangers', 'Consultations en droit des étrangers : régularisation, regroupement familial, demande d\'asile, recours.', ['legal', 'residence'], ['droit des étrangers', 'régularisation', 'asile', '9bis']],
  ['kinderrechtswinkel', 'Kinderrechtswinkel Brussel', 'Juridische info voor kinderen en jongeren. Information juridique pour les jeunes.', ['legal', 'family'], ['jongeren', 'kinderrechten']],
  ['mediation-locale', 'Service de médiation locale (conflits de voisinage)', 'Médiation gratuite pour les conflits de voisinage, entre locataire et propriétaire, dans la famille.', ['legal', 'family', 'housing'], ['médiation', 'voisins', 'conflit']],
] as const) {
  add({ id, name, commune: C(id === 'mediation-locale' ? 'schaerbeek' : 'saint-gilles'), communes_served: id === 'mediation-locale' ? ['Schaerbeek'] : ['*'], description: desc, themes: [...themes], keywords: [...kw], dutch: id === 'kinderrechtswinkel' });
}

// 8. Debts and energy.
const DEBT = ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'ixelles', 'saint-gilles', 'forest', 'bruxelles', 'jette', 'uccle', 'evere', 'woluwe-saint-lambert', 'koekelberg'];
for (const code of DEBT) {
  const c = C(code);
  add({
    id: `mediation-dettes-${code}`, name: `Service de médiation de dettes ${deFr(c.fr)}`, alternate_name: `Schuldbemiddeling ${c.nl}`, commune: c,
    organization: chance(0.6) ? `CPAS ${deFr(c.fr)}` : 'Centre de service social',
    description: 'Médiation de dettes amiable ou judiciaire (règlement collectif de dettes), négociation de plans de paiement avec les créanciers, huissiers, budget.',
    themes: ['debt'], keywords: ['médiation de dettes', 'huissier', 'plan de paiement', 'règlement collectif', 'budget'],
    inactive: code === 'koekelberg',
  });
}
for (const [id, name, code, desc, themes, kw, nl] of [
  ['centre-reference-dettes', 'Centre d\'appui aux services de médiation de dettes', 'bruxelles', 'Centre de référence : information sur le surendettement, ligne pour particuliers et professionnels, liste des médiateurs agréés.', ['debt'], ['surendettement', 'médiateur agréé'], false],
  ['infor-gazelec', 'Infor GazElec', 'saint-josse-ten-noode', 'Aide en cas de factures d\'énergie impayées, coupures, compteur à budget, statut de client protégé, comparaison des fournisseurs.', ['energy', 'debt'], ['gaz', 'électricité', 'client protégé', 'compteur', 'facture'], false],
  ['energie-cpas-cellule', 'Cellule énergie – guidance énergétique', 'schaerbeek', 'Accompagnement pour réduire ses factures de gaz et d\'électricité, primes, visite à domicile.', ['energy'], ['guidance énergétique', 'économies d\'énergie'], false],
  ['energiecel-brussel', 'Energiecel Brussel', 'bruxelles', 'Hulp bij hoge energiefacturen, afsluiting, budgetmeter. Aide aux factures d\'énergie.', ['energy', 'debt'], ['energiefactuur', 'budgetmeter', 'afsluiting'], true],
  ['eau-vivaqua-social', 'Service social de l\'eau – plans de paiement', 'etterbeek', 'Plans de paiement et fonds social pour les factures d\'eau impayées.', ['energy', 'debt'], ['eau', 'facture d\'eau'], false],
  ['budget-permanence', 'Permanence budget et consommation', 'ixelles', 'Aide à la gestion du budget, crédits, contrats de consommation abusifs.', ['debt'], ['budget', 'crédit', 'consommation'], false],
] as const) {
  add({ id, name, commune: C(code), communes_served: ['*'], description: desc, themes: [...themes], keywords: [...kw], dutch: nl });
}

// 9. Income: unions, CAPAC, ONEM, allowances.
const UNIONS = [
  ['fgtb', 'FGTB Bruxelles', 'ABVV Brussel', 'saint-gilles'],
  ['csc', 'CSC Bruxelles', 'ACV Brussel', 'bruxelles'],
  ['cgslb', 'CGSLB Bruxelles', 'ACLVB Brussel', 'bruxelles'],
] as const;
for (const [u, fr, nl, code] of UNIONS) {
  add({
    id: `${u}-chomage`, name: `${fr} – service chômage`, alternate_name: `${nl} – werkloosheidsdienst`, organization: fr, commune: C(code), communes_served: ['*'],
    description: 'Paiement des allocations de chômage aux affiliés, introduction du dossier, carte de contrôle, chômage temporaire, litiges avec l\'ONEM.',
    themes: ['income', 'employment'], keywords: ['allocations de chômage', 'syndicat', 'chômage temporaire', 'carte de contrôle', 'ONEM'], languages: ['fr', 'nl'],
    professional_contact: spoc(),
  });
  for (const sub of ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean'].slice(0, u === 'cgslb' ? 1 : 3)) {
    add({
      id: `${u}-chomage-${sub}`, name: `${fr} – permanence chômage ${C(sub).fr}`, alternate_name: `${nl} – zitdag ${C(sub).nl}`, organization: fr, commune: C(sub), communes_served: ['*'],
      description: 'Permanence locale du syndicat pour les dossiers de chômage des affiliés.', themes: ['income', 'employment'], keywords: ['chômage', 'syndicat'], languages: ['fr', 'nl'],
    });
  }
}
add({
  id: 'capac-bruxelles', name: 'CAPAC – bureau de Bruxelles', alternate_name: 'HVW – Hulpkas voor Werkloosheidsuitkeringen Brussel', organization: 'Caisse auxiliaire de paiement des allocations de chômage',
  commune: C('saint-gilles'), communes_served: ['*'], description: 'Organisme public de paiement des allocations de chômage pour les personnes non affiliées à un syndicat. Introduction et suivi du dossier.',
  themes: ['income', 'employment'], keywords: ['allocations de chômage', 'organisme de paiement', 'non syndiqué'], languages: ['fr', 'nl'], hours: 'mo-fr 08:30-12:00', professional_contact: spoc(),
});
for (const code of ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean']) {
  add({
    id: `capac-${code}`, name: `CAPAC – antenne ${deFr(C(code).fr)}`, alternate_name: `HVW – kantoor ${C(code).nl}`, organization: 'CAPAC / HVW', commune: C(code), communes_served: ['*'],
    description: 'Antenne locale de la CAPAC pour les dossiers de chômage des personnes non syndiquées.', themes: ['income', 'employment'], keywords: ['chômage', 'CAPAC'], languages: ['fr', 'nl'], hours: 'mo,we,fr 08:30-11:30',
  });
}
for (const [id, name, desc, themes, kw] of [
  ['onem-bureau-bruxelles', 'ONEM – bureau du chômage de Bruxelles', 'Décisions sur le droit aux allocations de chômage, dispenses, convocations, sanctions. Informations générales.', ['income', 'employment'], ['ONEM', 'RVA', 'dispense']],
  ['famiris', 'Famiris – allocations familiales', 'Caisse publique d\'allocations familiales à Bruxelles : droit aux allocations, suppléments sociaux, paiements.', ['income', 'family'], ['allocations familiales', 'groeipakket', 'kindergeld']],
  ['service-pensions', 'Service des pensions – permanence GRAPA', 'Pension, garantie de revenus aux personnes âgées (GRAPA), calcul et démarches.', ['income', 'elderly'], ['pension', 'GRAPA', 'inkomensgarantie']],
  ['vierge-noire-handicap', 'DG Personnes handicapées – allocations', 'Reconnaissance du handicap, allocations de remplacement et d\'intégration, carte de stationnement.', ['disability', 'income'], ['allocation handicap', 'reconnaissance', 'carte de stationnement']],
] as const) {
  add({ id, name, commune: C('bruxelles'), communes_served: ['*'], description: desc, themes: [...themes], keywords: [...kw], languages: ['fr', 'nl', 'en'] });
}

// 10. Employment.
for (const code of ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'saint-gilles', 'ixelles', 'forest', 'bruxelles', 'jette', 'evere', 'etterbeek']) {
  const c = C(code);
  add({
    id: `actiris-${code}`, name: `Actiris – antenne ${deFr(c.fr)}`, alternate_name: `Actiris – antenne ${c.nl}`, organization: 'Actiris', commune: c,
    description: 'Inscription comme chercheur d\'emploi, accompagnement vers l\'emploi, offres, formations, aides à l\'embauche.',
    themes: ['employment'], keywords: ['chercheur d\'emploi', 'inscription', 'werkzoekende', 'offres d\'emploi'], languages: ['fr', 'nl'],
  });
}
for (const code of ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'saint-gilles', 'bruxelles', 'forest', 'etterbeek', 'saint-josse-ten-noode']) {
  add({
    id: `mission-locale-${code}`, name: `Mission locale ${deFr(C(code).fr)}`, commune: C(code),
    description: 'Accompagnement des chercheurs d\'emploi peu qualifiés : orientation, formation, recherche active d\'emploi, CV.',
    themes: ['employment', 'education'], keywords: ['formation', 'CV', 'recherche d\'emploi'],
  });
}
for (const [id, name, desc, kw, nl] of [
  ['trace-brussel', 'Tracé Brussel', 'Begeleiding naar werk en opleiding voor Nederlandstalige werkzoekenden. Accompagnement vers l\'emploi.', ['werk', 'opleiding'], true],
  ['inspection-sociale', 'Inspection du travail – permanence travailleurs', 'Plaintes et informations sur les droits des travailleurs : salaire impayé, travail au noir, contrat, licenciement.', ['droit du travail', 'salaire impayé', 'licenciement'], false],
  ['orcasa-travailleurs-sans-papiers', 'Permanence travailleurs sans papiers', 'Information sur les droits des travailleurs sans titre de séjour, récupération de salaires impayés, exploitation.', ['travailleurs sans papiers', 'exploitation'], false],
  ['titres-services-info', 'Info titres-services et aide ménagère', 'Information pour travailleurs et utilisateurs de titres-services.', ['titres-services', 'aide ménagère'], false],
] as const) {
  add({ id, name, commune: C('bruxelles'), communes_served: ['*'], description: desc, themes: id === 'orcasa-travailleurs-sans-papiers' ? ['employment', 'residence'] : ['employment'], keywords: [...kw], dutch: nl });
}

// 11. Residence rights, undocumented people, newcomers.
for (const [id, name, code, desc, themes, kw, nl] of [
  ['permanence-sans-papiers', 'Permanence sociale pour personnes sans papiers', 'saint-gilles', 'Accueil, information et orientation des personnes sans titre de séjour : aide médicale urgente, scolarité des enfants, droits, régularisation.', ['residence', 'general'], ['sans-papiers', 'AMU', 'régularisation'], false],
  ['infopunt-zonder-papieren', 'Infopunt mensen zonder papieren', 'bruxelles', 'Informatie en doorverwijzing voor mensen zonder wettig verblijf. Information pour les personnes sans papiers.', ['residence'], ['zonder papieren', 'verblijf'], true],
  ['ciré-service-social', 'Service social pour demandeurs d\'asile et réfugiés', 'ixelles', 'Accompagnement social et juridique des demandeurs d\'asile et réfugiés reconnus : logement, équivalence de diplômes, regroupement familial.', ['residence', 'legal', 'housing'], ['réfugiés', 'asile', 'regroupement familial'], false],
  ['bapa-bruxelles', 'BAPA – Bureau d\'accueil des primo-arrivants', 'schaerbeek', 'Parcours d\'accueil pour primo-arrivants : cours de français, citoyenneté, accompagnement administratif.', ['residence', 'education', 'admin'], ['primo-arrivants', 'parcours d\'intégration', 'nouveaux arrivants'], false],
  ['bon-inburgering', 'BON – Brussels Onthaalbureau Nieuwkomers', 'bruxelles', 'Inburgeringstraject voor nieuwkomers: Nederlandse les, maatschappelijke oriëntatie, begeleiding.', ['residence', 'education'], ['inburgering', 'nieuwkomers'], true],
  ['point-contact-retour', 'Point d\'information migration et retour', 'bruxelles', 'Information sur les possibilités de séjour et le retour volontaire.', ['residence'], ['retour volontaire', 'migration'], false],
  ['amu-info', 'Info AMU – aide médicale urgente', 'molenbeek-saint-jean', 'Aide pour demander l\'aide médicale urgente au CPAS pour les personnes sans titre de séjour.', ['residence', 'health'], ['aide médicale urgente', 'AMU', 'sans-papiers'], false],
] as const) {
  add({ id, name, commune: C(code), communes_served: ['*'], description: desc, themes: [...themes], keywords: [...kw], dutch: nl, languages: nl ? ['nl', 'fr', 'en', 'ar'] : ['fr', 'en', 'ar', 'es'] });
}

// 12. Digital divide: EPN.
const EPN = ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'saint-gilles', 'ixelles', 'forest', 'bruxelles', 'jette', 'evere', 'etterbeek', 'saint-josse-ten-noode', 'koekelberg', 'uccle', 'auderghem', 'ganshoren', 'watermael-boitsfort', 'woluwe-saint-lambert', 'berchem-sainte-agathe', 'woluwe-saint-pierre'];
for (const code of EPN) {
  const c = C(code);
  add({
    id: `epn-${code}`, name: `Espace public numérique ${deFr(c.fr)}`, alternate_name: `Openbare computerruimte ${c.nl}`, commune: c,
    description: 'Accès gratuit à des ordinateurs et à internet, aide pour les démarches en ligne (itsme, MyMinfin, formulaires, e-mails), initiations à l\'informatique.',
    themes: ['digital', 'admin'], keywords: ['EPN', 'ordinateur', 'internet', 'itsme', 'démarches en ligne', 'imprimer'],
    inactive: code === 'woluwe-saint-pierre',
  });
}
for (const [id, name, desc, nl] of [
  ['digitaal-huis-brussel', 'Digitaal Huis Brussel', 'Digitale hulp: itsme installeren, online formulieren, e-loket. Aide numérique en néerlandais et français.', true],
  ['ecrivain-public-schaerbeek', 'Écrivain public de Schaerbeek', 'Aide gratuite pour écrire des lettres, remplir des formulaires administratifs, comprendre un courrier.', false],
  ['ecrivain-public-molenbeek', 'Écrivain public de Molenbeek', 'Aide gratuite pour écrire des lettres, remplir des formulaires administratifs, comprendre un courrier officiel.', false],
  ['guichet-numerique-seniors', 'Guichet numérique pour seniors', 'Aide individuelle aux personnes âgées pour le smartphone, la banque en ligne et itsme.', false],
] as const) {
  const c = id.includes('schaerbeek') ? C('schaerbeek') : id.includes('molenbeek') ? C('molenbeek-saint-jean') : C('bruxelles');
  add({ id, name, commune: c, communes_served: id.startsWith('ecrivain') ? [c.fr] : ['*'], description: desc, dutch: nl, themes: id.startsWith('ecrivain') ? ['admin'] : id.includes('seniors') ? ['digital', 'elderly'] : ['digital', 'admin'], keywords: id.startsWith('ecrivain') ? ['écrivain public', 'courrier', 'formulaire'] : ['itsme', 'smartphone'] });
}

// 13. Language classes and education.
const CLASSES: [string, string, string, boolean][] = [
  ['lire-ecrire-bruxelles', 'Lire et Écrire Bruxelles – alphabétisation', 'bruxelles', false],
  ['lire-ecrire-schaerbeek', 'Lire et Écrire – cours d\'alpha Schaerbeek', 'schaerbeek', false],
  ['lire-ecrire-molenbeek', 'Lire et Écrire – cours d\'alpha Molenbeek', 'molenbeek-saint-jean', false],
  ['fle-saint-gilles', 'Cours de français langue étrangère (FLE) – Saint-Gilles', 'saint-gilles', false],
  ['fle-ixelles', 'Cours de français pour adultes – Ixelles', 'ixelles', false],
  ['fle-anderlecht', 'Cours de français du soir – Anderlecht', 'anderlecht', false],
  ['huis-nederlands', 'Huis van het Nederlands Brussel', 'bruxelles', true],
  ['cvo-nederlands-schaarbeek', 'CVO – Nederlandse les voor volwassenen (Schaarbeek)', 'schaerbeek', true],
  ['ecole-devoirs-forest', 'École de devoirs de Forest', 'forest', false],
  ['ecole-devoirs-saint-josse', 'École de devoirs de Saint-Josse', 'saint-josse-ten-noode', false],
  ['promotion-sociale-jette', 'Promotion sociale – formations pour adultes (Jette)', 'jette', false],
];
for (const [id, name, code, nl] of CLASSES) {
  const homework = id.startsWith('ecole');
  add({
    id, name, commune: C(code), dutch: nl,
    communes_served: id === 'huis-nederlands' || id === 'lire-ecrire-bruxelles' ? ['*'] : [C(code).fr],
    description: homework ? 'Soutien scolaire gratuit pour les enfants de primaire et secondaire après l\'école.'
      : nl ? 'Nederlandse les voor anderstaligen, alle niveaus. Cours de néerlandais pour adultes, inschrijving en niveautest.'
        : 'Cours de français pour adultes, alphabétisation et français langue étrangère, tous niveaux. Inscriptions en septembre et janvier.',
    themes: homework ? ['education', 'family'] : ['education'],
    keywords: homework ? ['soutien scolaire', 'devoirs', 'enfants'] : nl ? ['Nederlands leren', 'taalles'] : ['alphabétisation', 'français', 'FLE'],
  });
}

// 14. Family, youth, violence.
for (const code of ['schaerbeek', 'anderlecht', 'molenbeek-saint-jean', 'bruxelles', 'saint-gilles', 'forest']) {
  add({
    id: `amo-${code}`, name: `AMO ${deFr(C(code).fr)} (aide en milieu ouvert)`, commune: C(code),
    description: 'Service d\'aide aux jeunes de 0 à 22 ans et à leurs familles : écoute, conflits familiaux, école, décrochage. Gratuit et confidentiel.',
    themes: ['family', 'education'], keywords: ['jeunes', 'adolescents', 'conflit familial', 'décrochage scolaire'],
  });
}
for (const [id, name, desc, themes, kw, nl] of [
  ['ligne-violences-conjugales', 'Ligne Écoute violences conjugales', 'Écoute, information et orientation anonymes pour les victimes de violences conjugales, leurs proches et les professionnels.', ['violence'], ['violences conjugales', 'victimes', 'écoute'], false],
  ['cprv-centre-prise-en-charge', 'Centre de prise en charge des violences sexuelles (CPVS)', 'Accueil 24h/24 des victimes de violences sexuelles : soins médicaux, soutien psychologique, possibilité de porter plainte.', ['violence', 'health'], ['violences sexuelles', 'viol', 'CPVS'], false],
  ['refuge-hommes-femmes-violences', 'Refuge pour victimes de violences intrafamiliales', 'Hébergement sécurisé à adresse confidentielle pour victimes de violences intrafamiliales et leurs enfants.', ['violence', 'shelter'], ['refuge', 'violences intrafamiliales'], false],
  ['caw-partnergeweld', 'CAW Brussel – Partnergeweld', 'Begeleiding bij partnergeweld en intrafamiliaal geweld. Accompagnement des violences conjugales.', ['violence', 'family'], ['partnergeweld', 'intrafamiliaal geweld'], true],
  ['sos-enfants', 'SOS Enfants – équipe de Bruxelles', 'Prise en charge des situations de maltraitance d\'enfants. Écoute des parents et des professionnels.', ['violence', 'family'], ['maltraitance', 'enfants'], false],
  ['ecoute-enfants-103', 'Écoute-Enfants (103)', 'Ligne d\'écoute gratuite et anonyme pour les enfants et les adolescents.', ['family', 'mental_health'], ['103', 'enfants', 'ados'], false],
  ['one-consultations', 'ONE – consultations pour enfants', 'Consultations préventives gratuites pour les enfants de 0 à 6 ans : vaccins, suivi de croissance, conseils aux parents.', ['family', 'health'], ['bébé', 'vaccins', 'PMI'], false],
  ['kind-en-gezin-brussel', 'Kind en Gezin Brussel (Opgroeien)', 'Consultatiebureau voor baby\'s en peuters, vaccinaties, opvoedingsondersteuning.', ['family', 'health'], ['baby', 'consultatiebureau'], true],
  ['creche-solidaire', 'Halte-accueil solidaire (garde d\'enfants occasionnelle)', 'Garde d\'enfants occasionnelle à bas prix pour parents en démarches ou en formation.', ['family'], ['garde d\'enfants', 'crèche', 'halte-accueil'], false],
  ['service-droit-jeunes', 'Service droit des jeunes', 'Information juridique gratuite pour les jeunes et leurs parents : école, famille, aide à la jeunesse, séjour.', ['legal', 'family'], ['droit des jeunes'], false],
  ['maison-parents-solos', 'Maison des parents solos', 'Soutien aux familles monoparentales : permanences sociales, groupes de parole, aide aux pensions alimentaires (SECAL).', ['family', 'income'], ['monoparentale', 'pension alimentaire', 'SECAL'], false],
] as const) {
  add({ id, name, commune: C('bruxelles'), communes_served: ['*'], description: desc, themes: [...themes], keywords: [...kw], dutch: nl, hours: id === 'cprv-centre-prise-en-charge' || id === 'ligne-violences-conjugales' ? '24/7' : undefined });
}

// 15. Older people and disability.
for (const [id, name, code, desc, themes, kw, nl] of [
  ['infor-homes', 'Infor-Homes Bruxelles', 'bruxelles', 'Information sur les maisons de repos, résidences-services, aide à domicile, et écoute des plaintes.', ['elderly'], ['maison de repos', 'résidence-services', 'homes'], false],
  ['senior-montessori-aide-domicile', 'Aide à domicile pour seniors – centre de coordination', 'ixelles', 'Coordination des soins et de l\'aide à domicile : aide familiale, repas à domicile, télévigilance.', ['elderly', 'health'], ['aide familiale', 'repas à domicile', 'télévigilance'], false],
  ['lokaal-dienstencentrum-anderlecht', 'Lokaal dienstencentrum Anderlecht', 'anderlecht', 'Ontmoetingscentrum voor senioren: maaltijden, activiteiten, hulp bij administratie.', ['elderly'], ['senioren', 'dienstencentrum'], true],
  ['lokaal-dienstencentrum-schaarbeek', 'Lokaal dienstencentrum Schaarbeek', 'schaerbeek', 'Ontmoetingscentrum voor ouderen: warme maaltijden, pedicure, computerlessen.', ['elderly', 'food'], ['ouderen', 'dienstencentrum'], true],
  ['respect-seniors', 'Respect Seniors – maltraitance des aînés', 'bruxelles', 'Écoute et accompagnement en cas de maltraitance envers une personne âgée.', ['elderly', 'violence'], ['maltraitance', 'aînés'], false],
  ['phare-info', 'Service PHARE – personnes handicapées', 'saint-gilles', 'Information et aides pour les personnes handicapées bruxelloises : aides matérielles, accueil de jour, emploi adapté.', ['disability'], ['PHARE', 'handicap', 'aides matérielles'], false],
  ['vaph-brussel', 'VAPH – Vlaams Agentschap Personen met een Handicap (Brussel)', 'bruxelles', 'Ondersteuning voor personen met een handicap: persoonlijk budget, hulpmiddelen.', ['disability'], ['VAPH', 'persoonsvolgend budget'], true],
  ['info-handicap-asbl', 'Info-Handicap – permanence téléphonique', 'bruxelles', 'Information sur les droits et aides pour les personnes handicapées et leurs proches.', ['disability', 'admin'], ['droits', 'allocation'], false],
  ['mobilite-reduite-transport', 'Transport adapté pour personnes à mobilité réduite', 'evere', 'Transport à la demande pour personnes à mobilité réduite, sur réservation.', ['disability', 'elderly'], ['PMR', 'chaise roulante', 'transport'], false],
] as const) {
  add({ id, name, commune: C(code), communes_served: id.startsWith('lokaal') ? [C(code).fr] : ['*'], description: desc, themes: [...themes], keywords: [...kw], dutch: nl });
}

// 16. Administrative help and generalist lines.
for (const code of ['anderlecht', 'schaerbeek', 'molenbeek-saint-jean', 'saint-gilles', 'forest', 'uccle', 'woluwe-saint-lambert', 'auderghem', 'watermael-boitsfort', 'berchem-sainte-agathe', 'ganshoren', 'koekelberg', 'evere']) {
  const c = C(code);
  add({
    id: `permanence-sociale-${code}`, name: `Permanence sociale communale ${deFr(c.fr)}`, alternate_name: `Sociale permanentie ${c.nl}`, commune: c, dutch: true,
    organization: `Administration communale ${deFr(c.fr)}`,
    description: 'Aide aux démarches administratives (domiciliation, documents, primes communales, allocations), information sur les services sociaux de la commune.',
    themes: ['admin', 'general'], keywords: ['démarches', 'documents', 'primes', 'domiciliation'],
  });
}
for (const [id, name, desc, themes, kw] of [
  ['allo-aide-sociale', 'Allo ? Aide sociale (0800)', 'Ligne gratuite et anonyme d\'information et d\'orientation sociale pour toute question sociale, en semaine de 9 h à 17 h.', ['general'], ['0800', 'ligne gratuite', 'orientation']],
  ['1718-info-sociale', 'Numéro d\'information sociale régionale', 'Information générale sur les aides sociales, orientation vers les services compétents de la région.', ['general', 'admin'], ['information', 'orientation']],
  ['cohesion-sociale-maritime', 'Maison de quartier Maritime', 'Maison de quartier : activités, permanences sociales, accueil des familles, cours.', ['general', 'education'], ['maison de quartier', 'cohésion sociale']],
  ['convivence-habitat', 'Permanence logement et rénovation', 'Aide pour les primes à la rénovation, problèmes avec le propriétaire, logement insalubre.', ['housing'], ['rénovation', 'primes', 'insalubre']],
] as const) {
  add({
    id, name, commune: id === 'cohesion-sociale-maritime' ? C('molenbeek-saint-jean') : C('bruxelles'),
    communes_served: id === 'cohesion-sociale-maritime' ? ['Molenbeek-Saint-Jean'] : ['*'],
    description: desc, themes: [...themes], keywords: [...kw], hours: id === 'allo-aide-sociale' ? 'mo-fr 09:00-17:00' : undefined, languages: ['fr', 'nl'],
  });
}

// 17. Addiction and other health support.
for (const [id, name, desc, kw] of [
  ['infor-drogues', 'Infor-Drogues – permanence d\'écoute', 'Écoute téléphonique et consultations pour les usagers de drogues et leurs proches.', ['drogues', 'addiction', 'assuétudes']],
  ['transit-bas-seuil', 'Centre d\'accueil bas seuil pour usagers de drogues', 'Accueil de jour et de nuit, soins, échange de seringues, accompagnement social pour usagers de drogues.', ['bas seuil', 'drogues', 'seringues']],
  ['alcool-ecoute', 'Permanence alcool et dépendances', 'Consultations pour les personnes ayant un problème d\'alcool et leurs proches.', ['alcool', 'dépendance']],
  ['free-clinic', 'Free Clinic – consultations', 'Consultations médicales et psychologiques à bas prix, centre de planning familial.', ['consultation', 'bas prix']],
] as const) {
  add({ id, name, commune: C('ixelles'), communes_served: ['*'], description: desc, themes: id === 'free-clinic' ? ['health', 'mental_health'] : ['health', 'mental_health'], keywords: [...kw] });
}

// Second-hand clothes / furniture (food theme excluded): general help.
for (const code of ['anderlecht', 'schaerbeek', 'forest', 'molenbeek-saint-jean', 'ixelles']) {
  add({
    id: `vestiaire-${code}`, name: `Vestiaire social ${deFr(C(code).fr)}`, commune: C(code),
    description: 'Vêtements de seconde main gratuits ou à petit prix, pour adultes et enfants. Parfois petits meubles et matériel de puériculture.',
    themes: ['general', 'family'], keywords: ['vêtements', 'vestiaire', 'seconde main', 'meubles'],
  });
}

// 18. Crisis lines (issue 16, the crisis panel): real public numbers, not fictitious ones — a
// responder must be able to dial them from the demo too. Written out in full (no random draws),
// so adding them leaves every other generated service unchanged.
const CRISIS_LINES: ReadonlyArray<Pick<Service, 'id' | 'name' | 'description' | 'keywords' | 'themes' | 'phone' | 'hours' | 'languages'>> = [
  { id: 'crise-112', name: '112 — Urgences (ambulance, pompiers)', description: "Numéro d'urgence européen : danger de mort, accident, incendie. Gratuit, 24 h/24.", keywords: ['urgence', 'ambulance', 'pompiers', 'noodgeval'], themes: ['health'], phone: '112', hours: '24/7', languages: ['fr', 'nl', 'en'] },
  { id: 'crise-101', name: '101 — Police', description: 'Police en urgence : violence en cours, menace, agression. Gratuit, 24 h/24.', keywords: ['police', 'urgence', 'politie'], themes: ['violence'], phone: '101', hours: '24/7', languages: ['fr', 'nl'] },
  { id: 'crise-107', name: '107 — Télé-Accueil', description: 'Écoute anonyme en français pour toute personne en difficulté, 24 h/24.', keywords: ['écoute', 'solitude', 'détresse'], themes: ['mental_health'], phone: '107', hours: '24/7', languages: ['fr'] },
  { id: 'crise-106', name: '106 — Tele-Onthaal', description: 'Anoniem luisterend oor in het Nederlands, 24 u/24.', keywords: ['luisteren', 'eenzaamheid', 'tele-onthaal'], themes: ['mental_health'], phone: '106', hours: '24/7', languages: ['nl'] },
  { id: 'crise-suicide', name: 'Centre de prévention du suicide — 0800 32 123', description: "Ligne d'écoute gratuite 24 h/24 pour les personnes en crise suicidaire et leurs proches (Zelfmoordlijn 1813 en néerlandais).", keywords: ['suicide', 'crise', 'zelfmoord', '1813'], themes: ['mental_health'], phone: '0800 32 123', hours: '24/7', languages: ['fr'] },
  { id: 'crise-103', name: '103 — Écoute-Enfants', description: 'Écoute gratuite pour les enfants et les jeunes, tous les jours de 10 h à 24 h.', keywords: ['enfants', 'jeunes', 'maltraitance'], themes: ['family'], phone: '103', hours: 'Mo-Su 10:00-24:00', languages: ['fr'] },
  { id: 'crise-violences', name: 'Ligne Écoute violences conjugales — 0800 30 030', description: 'Écoute, information et orientation pour les victimes de violences conjugales et leurs proches, gratuit, 24 h/24.', keywords: ['violences conjugales', 'victime', 'intrafamiliaal geweld'], themes: ['violence', 'family'], phone: '0800 30 030', hours: '24/7', languages: ['fr', 'nl'] },
];
// Appended after the sort, where they were first added: search ties and the seeded demo calls
// depend on the services' order, which stays what it was.
function addCrisisLines(): void {
  for (const line of CRISIS_LINES) {
    if (services.some((s) => s.id === line.id)) throw new Error(`duplicate id ${line.id}`);
    services.push({
      ...line,
      alternate_name: null, organization: null, communes_served: ['*'], address: null, postcode: null, commune: null,
      email: null, website: null, audience: null, access_conditions: null, professional_contact: null,
      last_verified: '2026-01-15', status: 'active', crisis: true,
    });
  }
}

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? (process.argv[outArg + 1] as string) : path.join(import.meta.dirname, '../src/directory/demo/demoDirectory.json');
services.sort((a, b) => a.id.localeCompare(b.id));
addCrisisLines();
fs.writeFileSync(out, `${JSON.stringify(services, null, 1)}\n`);
process.stdout.write(`${services.length} services → ${path.relative(process.cwd(), out)} (${services.filter((s) => s.status === 'inactive').length} inactive)\n`);
