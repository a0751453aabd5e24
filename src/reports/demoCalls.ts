import demoDirectory from '../directory/demo/demoDirectory.json' with { type: 'json' };
import { addDays, dayStart } from '../domain/brusselsTime.ts';

// Realistic fictitious calls for demos, screenshots, benchmarks and tests: deterministic for a
// seed. The mixes follow what the line's published bilans describe — food aid in about one
// call in four, then housing, income, administrative and digital questions, debts, health and
// listening; one call often carries several requests; calls on weekdays 9:00–17:00, Mondays
// busier; talk time a few minutes to two hours; referrals to services of the demo directory,
// some with a warm handoff; a callback for about one call in eight.

export interface DemoReferral {
  serviceId: string;
  serviceName: string;
  firstTheme: string | null;
  contacted: boolean;
  outcome: 'contact_given' | 'will_help' | 'appointment' | 'cannot_help' | 'unreachable' | 'pending' | null;
}

export interface DemoCallback {
  status: 'pending' | 'done' | 'unreachable' | 'withdrawn';
  /** Minutes after the call's end the callback is due. */
  dueAfterMinutes: number;
  failedAttempts: number;
  language: 'fr' | 'nl' | 'en' | 'ar' | 'other';
  phone: string;
}

export interface DemoCall {
  /** Index into DEMO_RESPONDERS. */
  responder: number;
  startedAt: string;
  durationMs: number;
  callerType: 'concerned' | 'relative' | 'professional' | 'other' | null;
  language: 'fr' | 'nl' | 'en' | 'ar' | 'other' | null;
  interpreter: boolean;
  commune: string | null;
  callerHistory: 'first' | 'repeat' | null;
  heardFrom: string | null;
  resolution: 'resolved' | 'partly' | 'unresolved' | null;
  unmetNeed: string | null;
  mayQuote: boolean;
  themes: string[];
  interventions: Array<'information' | 'orientation' | 'referral' | 'direct_help' | 'listening'>;
  referrals: DemoReferral[];
  notes: string[];
  callback: DemoCallback | null;
  /** Left ended but not closed (a record to finish). */
  unfinished: boolean;
  /** Issue 16: a call without request (about one in ten), closed as such. */
  noRequest: 'silent' | 'wrong_number' | 'out_of_scope' | 'test' | null;
  socialAidContact: 'never' | 'past' | 'current' | 'unknown';
  barriers: Array<'non_knowledge' | 'non_demand' | 'non_proposal' | 'non_receipt'>;
  debrief: boolean;
}

export const DEMO_RESPONDERS: ReadonlyArray<{ displayName: string; centre: string; role: 'responder' | 'supervisor' }> = [
  { displayName: 'Amina (démo)', centre: 'CASG Bruxelles Sud-Est', role: 'responder' },
  { displayName: 'Bart (demo)', centre: 'CAW Brussel', role: 'responder' },
  { displayName: 'Chloé (démo)', centre: 'CAP Brabantia', role: 'responder' },
  { displayName: 'Driss (démo)', centre: 'CASG Bruxelles Sud-Est', role: 'responder' },
  { displayName: 'Els (demo)', centre: 'CAW Brussel', role: 'responder' },
  { displayName: 'Fatou (démo)', centre: 'Centre Social Protestant', role: 'responder' },
  { displayName: 'Grégoire (démo)', centre: 'CAP Brabantia', role: 'responder' },
  { displayName: 'Hélène (démo)', centre: 'Centre Social Protestant', role: 'supervisor' },
];

/** mulberry32: small, fast, good enough for fictitious data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weights<T extends string> = ReadonlyArray<readonly [T, number]>;

function picker<T extends string>(weights: Weights<T>): (r: number) => T {
  const total = weights.reduce((a, [, w]) => a + w, 0);
  const cum: Array<[T, number]> = [];
  let acc = 0;
  for (const [k, w] of weights) cum.push([k, (acc += w / total)]);
  return (r) => {
    for (const [k, c] of cum) if (r < c) return k;
    return cum[cum.length - 1]![0];
  };
}

// Food is drawn apart (about one call in four); the other themes by weight.
const OTHER_THEMES = picker([
  ['housing', 16],
  ['income', 16],
  ['admin', 11],
  ['debt', 8],
  ['health', 8],
  ['digital', 7],
  ['mental_health', 6],
  ['energy', 6],
  ['residence', 6],
  ['family', 4],
  ['employment', 4],
  ['legal', 4],
  ['shelter', 4],
  ['general', 4],
  ['education', 2],
  ['elderly', 2],
  ['violence', 1.5],
  ['disability', 1],
] as const);

const COMMUNE_PICK = picker<string>([
  ['bruxelles', 16],
  ['schaerbeek', 11],
  ['molenbeek-saint-jean', 10],
  ['anderlecht', 10],
  ['ixelles', 6],
  ['saint-gilles', 5],
  ['forest', 5],
  ['saint-josse-ten-noode', 4],
  ['uccle', 4],
  ['etterbeek', 3.5],
  ['jette', 3.5],
  ['evere', 3],
  ['koekelberg', 2],
  ['woluwe-saint-lambert', 2],
  ['ganshoren', 1.5],
  ['berchem-sainte-agathe', 1.5],
  ['auderghem', 1.5],
  ['woluwe-saint-pierre', 1.5],
  ['watermael-boitsfort', 1],
  ['outside', 4],
  ['unknown', 12],
  ['_null', 3],
]);

const CALLER = picker([['concerned', 72], ['relative', 12], ['professional', 13], ['other', 3], ['_null', 3]] as const);
const LANGUAGE = picker([['fr', 70], ['nl', 10], ['en', 6], ['ar', 7], ['other', 5], ['_null', 2]] as const);
const HISTORY = picker([['first', 65], ['repeat', 30], ['_null', 5]] as const);
const HEARD = picker([
  ['cpas', 14],
  ['social_service', 16],
  ['association', 10],
  ['public_service', 6],
  ['relative', 14],
  ['media', 5],
  ['internet', 12],
  ['poster', 4],
  ['previous_call', 9],
  ['other', 3],
  ['_null', 20],
] as const);
const RESOLUTION = picker([['resolved', 55], ['partly', 25], ['unresolved', 12], ['_null', 8]] as const);
const OUTCOME = picker([['contact_given', 45], ['will_help', 20], ['appointment', 12], ['cannot_help', 8], ['unreachable', 7], ['pending', 6], ['_null', 2]] as const);
const HOUR = picker([['9', 10], ['10', 14], ['11', 14], ['12', 10], ['13', 9], ['14', 12], ['15', 12], ['16', 10]] as const);
const WEEKDAY_WEIGHT = [1.3, 1.1, 1.0, 1.0, 0.9, 0, 0];
const CALLBACK_STATUS = picker([['done', 72], ['unreachable', 20], ['withdrawn', 3], ['pending', 5]] as const);

const UNMET: Readonly<Record<string, readonly string[]>> = {
  housing: ['Pas de logement accessible avec ses revenus, liste d\'attente de plusieurs années', 'Aucune AIS ne prend de nouvelles inscriptions'],
  shelter: ['Plus de place en hébergement d\'urgence ce soir', 'Centre d\'accueil complet, rappeler demain matin'],
  income: ['Dossier de chômage bloqué au syndicat depuis deux mois', 'Le CPAS ne répond pas au téléphone, pas de rendez-vous avant trois semaines'],
  food: ['Colis alimentaire seulement dans quinze jours', 'Épicerie sociale saturée dans sa commune'],
  digital: ['Pas d\'accès à itsme ni d\'ordinateur pour la démarche en ligne'],
  health: ['Aucun médecin généraliste ne prend de nouveaux patients dans le quartier'],
  residence: ['Pas de solution pour une personne sans titre de séjour'],
};
const UNMET_ANY = ['Service saturé, rappeler plus tard', 'Délais trop longs pour la situation'];

const NOTE_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  food: ['Madame a perdu son emploi, plus rien dans le frigo en fin de mois. Orientée vers une épicerie sociale.', 'Monsieur seul avec deux enfants, demande un colis alimentaire cette semaine.'],
  housing: ['Loyer impayé depuis deux mois, peur de l\'expulsion. Informé de ses droits et de la médiation.', 'Cherche un logement moins cher, orienté vers une agence immobilière sociale.'],
  income: ['Allocations de chômage non versées depuis la fin du contrat, le syndicat ne répond pas.', 'Demande de RIS introduite au CPAS, pas de nouvelles depuis un mois.'],
  admin: ['Ne comprend pas le courrier reçu de l\'administration, explications données.', 'Aide pour remplir un formulaire en ligne.'],
  digital: ['Pas d\'ordinateur ni de smartphone, ne peut pas faire la demande en ligne. Orientée vers un EPN.'],
  debt: ['Factures d\'énergie en retard, orienté vers un service de médiation de dettes.'],
  health: ['Cherche un médecin généraliste, orientée vers une maison médicale.'],
  mental_health: ['Appel long, personne isolée depuis des mois, besoin d\'être écoutée.', 'Grande détresse, orientation vers un service de santé mentale.'],
  residence: ['Questions sur le droit au séjour, orienté vers un service juridique spécialisé.'],
};
const NOTE_ANY = ['Situation complexe, plusieurs demandes en même temps.', 'Première fois qu\'il fait appel à un service social.', 'A déjà appelé d\'autres numéros sans réponse.'];
// A few quotable notes still carry something identifying, as real notes do: the excerpt
// review must catch them (the detector flags them before a supervisor can approve).
const IDENTIFYING_SLIPS = ['Habite rue de la Loi 16, 1000 Bruxelles.', 'Numéro laissé : 0470 12 34 56.'];

interface DirService {
  id: string;
  name: string;
  themes: string[];
}
const SERVICES: readonly DirService[] = (demoDirectory as unknown as DirService[]).map((s) => ({ id: s.id, name: s.name, themes: s.themes }));
const SERVICES_BY_THEME = new Map<string, DirService[]>();
for (const s of SERVICES) for (const t of s.themes) (SERVICES_BY_THEME.get(t) ?? SERVICES_BY_THEME.set(t, []).get(t)!).push(s);

export interface DemoOptions {
  calls: number;
  days: number;
  /** Last day of the span (YYYY-MM-DD); calls are spread over the `days` days before and including it. */
  endDay: string;
  seed?: number;
  /** Calls ending after this instant are left pending/unfinished as a live shift would (default: none). */
  now?: Date;
}

function lognormalMinutes(r1: number, r2: number, medianMin: number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(Math.max(r1, 1e-12))) * Math.cos(2 * Math.PI * r2);
  return medianMin * Math.exp(sigma * z);
}

/** Deterministic fictitious calls, sorted by start time. */
const NO_REQUEST = picker<'silent' | 'wrong_number' | 'out_of_scope' | 'test' | '_null'>([['_null', 90], ['silent', 5], ['wrong_number', 2], ['out_of_scope', 2.5], ['test', 0.5]]);
const SOCIAL_AID = picker<'never' | 'past' | 'current' | 'unknown'>([['never', 30], ['past', 20], ['current', 25], ['unknown', 25]]);
const BARRIER_LIST = ['non_knowledge', 'non_demand', 'non_proposal', 'non_receipt'] as const;
const BARRIER_RATE = [0.3, 0.08, 0.12, 0.1];

function issue16Fields(r: () => number): Pick<DemoCall, 'noRequest' | 'socialAidContact' | 'barriers' | 'debrief'> {
  const kind = NO_REQUEST(r());
  const barriers = BARRIER_LIST.filter((_, i) => r() < BARRIER_RATE[i]!);
  return { noRequest: kind === '_null' ? null : kind, socialAidContact: SOCIAL_AID(r()), barriers, debrief: r() < 0.04 };
}

export function generateDemoCalls(opts: DemoOptions): DemoCall[] {
  const rnd = prng(opts.seed ?? 20200330);
  const r = () => rnd();
  // The fields of issue 16 draw from their own sequence: the calls of a seed stay what they were.
  const r16 = prng((opts.seed ?? 20200330) + 7919);
  const days: Array<{ day: string; weight: number }> = [];
  for (let i = opts.days - 1; i >= 0; i--) {
    const day = addDays(opts.endDay, -i);
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    days.push({ day, weight: WEEKDAY_WEIGHT[weekday] as number });
  }
  // A span of weekend days only still gets calls (a demo must show something).
  if (days.every((d) => d.weight === 0)) for (const d of days) d.weight = 1;
  const dayPick = picker(days.map((d, i) => [String(i), d.weight] as const));
  const out: DemoCall[] = [];
  for (let n = 0; n < opts.calls; n++) {
    const day = days[Number(dayPick(r()))]!.day;
    const hour = Number(HOUR(r()));
    const start = new Date(dayStart(day).getTime() + hour * 3_600_000 + Math.floor(r() * 3_600_000));
    const themes: string[] = [];
    if (r() < 0.25) themes.push('food');
    const k = r();
    const want = k < 0.58 ? 1 : k < 0.86 ? 2 : k < 0.97 ? 3 : 4;
    for (let guard = 0; themes.length < want && guard < 20; guard++) {
      const t = OTHER_THEMES(r());
      if (!themes.includes(t)) themes.push(t);
    }
    const listening = themes.includes('mental_health') ? r() < 0.7 : r() < 0.12;
    const interventions: DemoCall['interventions'] = [];
    if (r() < 0.55) interventions.push('information');
    if (r() < 0.6) interventions.push('orientation');
    const warm = r() < 0.18;
    if (warm) interventions.push('referral');
    if (r() < 0.12) interventions.push('direct_help');
    if (listening) interventions.push('listening');
    if (!interventions.length) interventions.push('information');
    const refCount = interventions.includes('orientation') || warm ? (r() < 0.7 ? 1 : r() < 0.8 ? 2 : 3) : r() < 0.15 ? 1 : 0;
    const referrals: DemoReferral[] = [];
    for (let i = 0; i < refCount; i++) {
      const theme = themes[i % themes.length] as string;
      const pool = SERVICES_BY_THEME.get(theme) ?? SERVICES;
      const s = pool[Math.floor(r() * pool.length)] as DirService;
      if (referrals.some((x) => x.serviceId === s.id)) continue;
      const o = OUTCOME(r());
      referrals.push({ serviceId: s.id, serviceName: s.name, firstTheme: s.themes[0] ?? null, contacted: warm && i === 0, outcome: o === '_null' ? null : o });
    }
    let minutes = lognormalMinutes(r(), r(), listening ? 22 : 9, 0.75);
    minutes = Math.min(180, Math.max(0.5, minutes));
    const lang = LANGUAGE(r());
    const res = RESOLUTION(r());
    const unmet = (res === 'unresolved' || res === 'partly') && r() < 0.6 ? (UNMET[themes[0] as string] ?? UNMET_ANY)[Math.floor(r() * 2) % (UNMET[themes[0] as string] ?? UNMET_ANY).length]! : null;
    const mayQuote = r() < 0.1;
    const notes = [(NOTE_TEMPLATES[themes[0] as string] ?? NOTE_ANY)[Math.floor(r() * 2) % (NOTE_TEMPLATES[themes[0] as string] ?? NOTE_ANY).length]!];
    if (r() < 0.5) notes.push(NOTE_ANY[Math.floor(r() * NOTE_ANY.length)]!);
    if (mayQuote && r() < 0.15) notes.push(IDENTIFYING_SLIPS[Math.floor(r() * IDENTIFYING_SLIPS.length)]!);
    const commune = COMMUNE_PICK(r());
    const caller = CALLER(r());
    const hist = HISTORY(r());
    const heard = HEARD(r());
    const end = start.getTime() + minutes * 60_000;
    let callback: DemoCallback | null = null;
    if (r() < 0.12) {
      const recent = opts.now ? opts.now.getTime() - end < 2 * 86_400_000 : false;
      let status = CALLBACK_STATUS(r());
      if (status === 'pending' && !recent) status = 'done';
      if (recent && r() < 0.6) status = 'pending';
      callback = {
        status,
        dueAfterMinutes: 60 + Math.floor(r() * 60 * 24),
        failedAttempts: status === 'unreachable' ? 3 : status === 'done' ? (r() < 0.3 ? 1 : 0) : 0,
        language: lang === '_null' ? 'fr' : lang,
        phone: `+3247${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
      };
    }
    out.push({
      responder: Math.floor(r() * (DEMO_RESPONDERS.length - 1)),
      startedAt: start.toISOString(),
      durationMs: Math.round(minutes * 60_000),
      callerType: caller === '_null' ? null : caller,
      language: lang === '_null' ? null : lang,
      interpreter: (lang === 'ar' || lang === 'other') && r() < 0.2,
      commune: commune === '_null' ? null : commune,
      callerHistory: hist === '_null' ? null : hist,
      heardFrom: heard === '_null' ? null : heard,
      resolution: res === '_null' ? null : res,
      unmetNeed: unmet,
      mayQuote,
      themes,
      interventions,
      referrals,
      notes,
      callback,
      unfinished: opts.now ? opts.now.getTime() - end < 86_400_000 && r() < 0.1 : false,
      ...issue16Fields(r16),
    });
  }
  out.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  return out;
}
