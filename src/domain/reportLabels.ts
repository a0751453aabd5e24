import { COMMUNES } from './communes.ts';
import type { Lang } from './taxonomy.ts';

// The words of a report, in the three languages: category names, table titles, column heads
// and the method note. Shared by the report builder (files written by main and the CLI) and
// the renderer (the same report on screen), so a table reads the same everywhere. The screen's
// own words (buttons, headings) are in renderer/i18n/locales/*/reports.json.

export type Label = Record<Lang, string>;

const L = (fr: string, nl: string, en: string): Label => ({ fr, nl, en });

export const NONE_LABEL = L('Non renseigné', 'Niet ingevuld', 'Not recorded');
export const TOTAL_LABEL = L('Total', 'Totaal', 'Total');
export const CATEGORY_LABEL = L('Catégorie', 'Categorie', 'Category');
export const PREVIOUS_PERIOD_LABEL = L('Période précédente', 'Vorige periode', 'Previous period');
export const CENTRES_LABEL = L('Centres', 'Centra', 'Centres');
export const GENERATED_LABEL = L('Produit le', 'Gemaakt op', 'Produced on');
export const PAGE_LABEL = L('Page', 'Pagina', 'Page');
export const HIDDEN_LEGEND = L(
  '<5, <10 : effectif trop petit pour être publié (de 1 à 4, de 1 à 9) ; s : masqué (pour protéger une autre case) ; – : sans objet.',
  '<5, <10: aantal te klein om te publiceren (1 tot 4, 1 tot 9); s: verborgen (om een andere cel te beschermen); –: niet van toepassing.',
  '<5, <10: count too small to publish (1 to 4, 1 to 9); s: hidden (to protect another cell); –: not applicable.',
);

export const WEEKDAYS: readonly Label[] = [
  L('lundi', 'maandag', 'Monday'),
  L('mardi', 'dinsdag', 'Tuesday'),
  L('mercredi', 'woensdag', 'Wednesday'),
  L('jeudi', 'donderdag', 'Thursday'),
  L('vendredi', 'vrijdag', 'Friday'),
  L('samedi', 'zaterdag', 'Saturday'),
  L('dimanche', 'zondag', 'Sunday'),
];

export const INTERVENTION_LABELS: Readonly<Record<string, Label>> = {
  information: L('Information sur les droits', 'Informatie over rechten', 'Information on rights'),
  orientation: L('Orientation générale', 'Algemene doorverwijzing', 'General orientation'),
  referral: L('Relais spécifique (contact pris)', 'Gerichte doorverwijzing (contact opgenomen)', 'Specific referral (service contacted)'),
  direct_help: L('Aide directe', 'Rechtstreekse hulp', 'Direct help'),
  listening: L('Écoute, soutien', 'Luisteren, steun', 'Listening, support'),
};

export const CALLER_TYPE_LABELS: Readonly<Record<string, Label>> = {
  concerned: L('Personne concernée', 'Betrokkene', 'Person concerned'),
  relative: L('Proche, tiers', 'Naaste, derde', 'Relative, third party'),
  professional: L('Professionnel·le', 'Professional', 'Professional'),
  other: L('Autre', 'Andere', 'Other'),
};

export const LANGUAGE_LABELS: Readonly<Record<string, Label>> = {
  fr: L('Français', 'Frans', 'French'),
  nl: L('Néerlandais', 'Nederlands', 'Dutch'),
  en: L('Anglais', 'Engels', 'English'),
  ar: L('Arabe', 'Arabisch', 'Arabic'),
  other: L('Autre langue', 'Andere taal', 'Other language'),
};

export const CALLER_HISTORY_LABELS: Readonly<Record<string, Label>> = {
  first: L('Premier appel', 'Eerste oproep', 'First call'),
  repeat: L('Appel répété', 'Herhaalde oproep', 'Repeat caller'),
};

export const SOCIAL_AID_LABELS: Readonly<Record<string, Label>> = {
  never: L('Jamais en lien avec l\'aide sociale', 'Nooit in contact met sociale hulp', 'Never in contact with social aid'),
  past: L('En lien par le passé', 'Vroeger in contact', 'In contact in the past'),
  current: L('Suivi·e actuellement par un service', 'Nu begeleid door een dienst', 'Currently followed by a service'),
  unknown: L('Inconnu', 'Onbekend', 'Unknown'),
};

export const BARRIER_LABELS: Readonly<Record<string, Label>> = {
  non_knowledge: L('Non-connaissance', 'Niet-kennen', 'Not known'),
  non_demand: L('Non-demande', 'Niet-vragen', 'Not asked for'),
  non_proposal: L('Non-proposition', 'Niet-aanbieden', 'Not offered'),
  non_receipt: L('Non-réception', 'Niet-ontvangen', 'Not received'),
};

export const NO_REQUEST_LABELS: Readonly<Record<string, Label>> = {
  silent: L('Silence / raccroché', 'Stilte / ingehaakt', 'Silence / hung up'),
  wrong_number: L('Faux numéro', 'Verkeerd nummer', 'Wrong number'),
  out_of_scope: L('Hors champ', 'Buiten opdracht', 'Out of scope'),
  test: L('Test', 'Test', 'Test'),
};

export const DEBRIEF_LABELS: Readonly<Record<string, Label>> = {
  yes: L('À débriefer', 'Te debriefen', 'To debrief'),
  no: L('Sans débriefing', 'Zonder debriefing', 'No debriefing'),
};

export const HEARD_FROM_LABELS: Readonly<Record<string, Label>> = {
  cpas: L('CPAS', 'OCMW', 'CPAS (public social welfare)'),
  social_service: L('Service social', 'Sociale dienst', 'Social service'),
  association: L('Association', 'Vereniging', 'Association'),
  public_service: L('Service public', 'Openbare dienst', 'Public service'),
  relative: L('Proche', 'Naaste', 'Relative'),
  media: L('Médias', 'Media', 'Media'),
  internet: L('Internet', 'Internet', 'Internet'),
  poster: L('Affiche, dépliant', 'Affiche, folder', 'Poster, leaflet'),
  previous_call: L('Appel précédent', 'Vorige oproep', 'Previous call'),
  other: L('Autre', 'Andere', 'Other'),
};

export const RESOLUTION_LABELS: Readonly<Record<string, Label>> = {
  resolved: L('Demande rencontrée', 'Vraag beantwoord', 'Need met'),
  partly: L('En partie', 'Gedeeltelijk', 'Partly met'),
  unresolved: L('Non rencontrée', 'Niet beantwoord', 'Not met'),
};

export const REFERRAL_OUTCOME_LABELS: Readonly<Record<string, Label>> = {
  contact_given: L('Coordonnées données', 'Contactgegevens gegeven', 'Contact details given'),
  will_help: L('Le service va aider', 'De dienst zal helpen', 'Service will help'),
  appointment: L('Rendez-vous pris', 'Afspraak gemaakt', 'Appointment booked'),
  cannot_help: L('Le service ne peut pas aider', 'De dienst kan niet helpen', 'Service cannot help'),
  unreachable: L('Service injoignable', 'Dienst onbereikbaar', 'Service unreachable'),
  pending: L('En attente', 'In afwachting', 'Pending'),
};

export const CALLBACK_STATUS_LABELS: Readonly<Record<string, Label>> = {
  done: L('Rappel abouti', 'Teruggebeld', 'Reached'),
  unreachable: L('Injoignable', 'Onbereikbaar', 'Unreachable'),
  withdrawn: L('Consentement retiré', 'Toestemming ingetrokken', 'Consent withdrawn'),
  pending: L('En attente', 'In afwachting', 'Pending'),
};

export const SERVICE_KINDS = [
  'cpas',
  'general_social',
  'food',
  'housing',
  'shelter',
  'income_employment',
  'debt_energy',
  'legal',
  'health',
  'mental_health',
  'violence_family',
  'digital',
  'education',
  'administration',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, Label>> = {
  cpas: L('CPAS', 'OCMW', 'CPAS (public social welfare)'),
  general_social: L('Service social généraliste (CASG, CAP, CAW)', 'Algemeen welzijnswerk (CAW, CASG, CAP)', 'General social work (CASG, CAP, CAW)'),
  food: L('Aide alimentaire', 'Voedselhulp', 'Food aid'),
  housing: L('Logement (AIS, logement social)', 'Huisvesting (SVK, sociale huisvesting)', 'Housing (social rental, social housing)'),
  shelter: L('Hébergement d\'urgence', 'Noodopvang', 'Emergency shelter'),
  income_employment: L('Revenus et emploi (syndicats, CAPAC, Actiris)', 'Inkomen en werk (vakbonden, HVW, Actiris)', 'Income and work (unions, CAPAC, Actiris)'),
  debt_energy: L('Dettes et énergie', 'Schulden en energie', 'Debts and energy'),
  legal: L('Aide juridique', 'Juridische hulp', 'Legal aid'),
  health: L('Santé', 'Gezondheid', 'Health'),
  mental_health: L('Santé mentale, écoute', 'Geestelijke gezondheid, luisteren', 'Mental health, listening'),
  violence_family: L('Famille, violences', 'Gezin, geweld', 'Family, violence'),
  digital: L('Aide numérique (EPN)', 'Digitale hulp', 'Digital help'),
  education: L('Enseignement, cours de langue', 'Onderwijs, taallessen', 'Education, language classes'),
  administration: L('Administrations', 'Administraties', 'Public administrations'),
  other: L('Autre service', 'Andere dienst', 'Other service'),
};

export const DURATION_BANDS = ['lt5', '5to15', '15to30', 'gt30'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];
export const DURATION_BAND_LABELS: Readonly<Record<DurationBand, Label>> = {
  lt5: L('Moins de 5 min', 'Minder dan 5 min', 'Under 5 min'),
  '5to15': L('5 à 15 min', '5 tot 15 min', '5 to 15 min'),
  '15to30': L('15 à 30 min', '15 tot 30 min', '15 to 30 min'),
  gt30: L('Plus de 30 min', 'Meer dan 30 min', 'Over 30 min'),
};

/** The band of a talk time in seconds: [0, 5 min), [5, 15), [15, 30), [30, ∞). */
export function durationBand(seconds: number): DurationBand {
  return seconds < 300 ? 'lt5' : seconds < 900 ? '5to15' : seconds < 1800 ? '15to30' : 'gt30';
}

export const COMMUNE_LABELS: Readonly<Record<string, Label>> = {
  ...Object.fromEntries(COMMUNES.map((c) => [c.code, L(c.fr, c.nl, c.fr === c.nl ? c.fr : `${c.fr} / ${c.nl}`)])),
  outside: L('Hors Région bruxelloise', 'Buiten het Brussels Gewest', 'Outside the Brussels Region'),
  unknown: L('Inconnue', 'Onbekend', 'Unknown'),
};
export const COMMUNE_ORDER: readonly string[] = [...COMMUNES.map((c) => c.code), 'outside', 'unknown'];

export const SECTION_LABELS = {
  volume: L('Volume des appels', 'Aantal oproepen', 'Call volume'),
  themes: L('Thématiques des demandes', 'Thema\'s van de vragen', 'Themes of the requests'),
  interventions: L('Interventions et relais', 'Tussenkomsten en doorverwijzingen', 'Interventions and referrals'),
  callers: L('Appelant·es', 'Oproepers', 'Callers'),
  duration: L('Durée des appels', 'Duur van de oproepen', 'Call length'),
  outcomes: L('Besoins non rencontrés et rappels', 'Onbeantwoorde noden en terugbellen', 'Unmet needs and callbacks'),
  quotes: L('Extraits (anonymisés)', 'Fragmenten (geanonimiseerd)', 'Excerpts (anonymised)'),
} satisfies Record<string, Label>;
export type SectionId = keyof typeof SECTION_LABELS;

/** Did help arrive, per referral, when a callback reached the caller (issue 15; glossary: follow-up = suivi = opvolging). */
export const HELP_LABELS = {
  arrived: L('Aide arrivée', 'Hulp gekomen', 'Help arrived'),
  in_progress: L('En cours', 'Loopt nog', 'In progress'),
  not_reached: L('Pas joint le service', 'Dienst niet bereikt', 'Could not reach the service'),
  refused: L('Refusée', 'Geweigerd', 'Refused'),
  other: L('Autre', 'Andere', 'Other'),
} satisfies Record<string, Label>;

export const COLUMN_LABELS = {
  calls: L('Appels', 'Oproepen', 'Calls'),
  requests: L('Demandes', 'Vragen', 'Requests'),
  perCall: L('Demandes par appel', 'Vragen per oproep', 'Requests per call'),
  count: L('Nombre', 'Aantal', 'Count'),
  pctRequests: L('% des demandes', '% van de vragen', '% of requests'),
  pctCalls: L('% des appels', '% van de oproepen', '% of calls'),
  pct: L('%', '%', '%'),
  previous: L('Période précédente', 'Vorige periode', 'Previous period'),
  change: L('Évolution', 'Evolutie', 'Change'),
  referrals: L('Relais', 'Doorverwijzingen', 'Referrals'),
  contacted: L('dont contact pris pour l\'appelant·e', 'waarvan contact opgenomen voor de oproeper', 'of which contacted on the caller\'s behalf'),
  notContacted: L('dont coordonnées seules', 'waarvan enkel contactgegevens', 'of which contact details only'),
  withInterpreter: L('avec interprète', 'met tolk', 'with interpreter'),
  withoutInterpreter: L('sans interprète', 'zonder tolk', 'without interpreter'),
  unmet: L('Demandes non (entièrement) rencontrées', 'Niet (volledig) beantwoorde vragen', 'Requests not (fully) met'),
  pctOfTheme: L('% des demandes du thème', '% van de vragen van het thema', '% of the theme\'s requests'),
  callbacks: L('Rappels', 'Terugbelverzoeken', 'Callbacks'),
  period: L('Période', 'Periode', 'Period'),
  followedUp: L('Relais suivis', 'Opgevolgde doorverwijzingen', 'Referrals followed up'),
  arrivedPct: L('% aide arrivée', '% hulp gekomen', '% help arrived'),
  hour: L('Heure', 'Uur', 'Hour'),
  unreachable: L('dont injoignable', 'waarvan onbereikbaar', 'of which unreachable'),
  pctUnreachable: L('% injoignable', '% onbereikbaar', '% unreachable'),
  helpArrivedFollowUp: L('Aide arrivée (suivi des rappels)', 'Hulp aangekomen (opvolging bij terugbellen)', 'Help arrived (callback follow-ups)'),
  service: L('Service', 'Dienst', 'Service'),
} satisfies Record<string, Label>;

export const TABLE_TITLES = {
  volumeDay: L('Appels par jour', 'Oproepen per dag', 'Calls per day'),
  volumeWeek: L('Appels par semaine', 'Oproepen per week', 'Calls per week'),
  volumeMonth: L('Appels par mois', 'Oproepen per maand', 'Calls per month'),
  heatmap: L('Appels par jour de la semaine et heure (usage interne)', 'Oproepen per weekdag en uur (intern gebruik)', 'Calls by weekday and hour (internal use)'),
  themes: L('Thématiques', 'Thema\'s', 'Themes'),
  communeTheme: L('Demandes par commune et thématique', 'Vragen per gemeente en thema', 'Requests by commune and theme'),
  interventions: L('Modes d\'intervention', 'Soorten tussenkomst', 'Intervention modes'),
  referralKinds: L('Relais par type de service', 'Doorverwijzingen per soort dienst', 'Referrals by kind of service'),
  referralOutcomes: L('Suite donnée par les services', 'Gevolg bij de diensten', 'Outcome with the services'),
  communes: L('Commune de l\'appelant·e', 'Gemeente van de oproeper', 'Caller\'s commune'),
  callerTypes: L('Type d\'appelant·e', 'Soort oproeper', 'Caller type'),
  callerHistory: L('Premier appel ou appel répété', 'Eerste of herhaalde oproep', 'First or repeat call'),
  heardFrom: L('Comment la personne a connu la ligne', 'Hoe de persoon de lijn kende', 'How the caller heard of the line'),
  languages: L('Langue de l\'appel et interprétariat', 'Taal van de oproep en tolk', 'Language of the call and interpreting'),
  durationBands: L('Durée des appels', 'Duur van de oproepen', 'Call length'),
  resolution: L('Réponse à la demande', 'Antwoord op de vraag', 'Was the need met?'),
  unmetByTheme: L('Besoins non rencontrés par thématique', 'Onbeantwoorde noden per thema', 'Unmet needs by theme'),
  callbacks: L('Rappels : issue', 'Terugbellen: resultaat', 'Callbacks: outcome'),
  helpArrived: L('Rappels : l\'aide est-elle arrivée ? (par type de service)', 'Terugbellen: is de hulp er gekomen? (per soort dienst)', 'Callbacks: did help arrive? (by kind of service)'),
  withoutRequest: L('Appels sans demande (non comptés comme demandes)', 'Oproepen zonder hulpvraag (niet geteld als vragen)', 'Calls without a request (not counted as requests)'),
  socialAid: L('En lien avec l\'aide sociale avant l\'appel', 'Vóór de oproep in contact met sociale hulp', 'In contact with social aid before the call'),
  barriers: L('Non-recours aux droits', 'Niet-gebruik van rechten', 'Non-take-up of rights'),
  debrief: L('Appels à débriefer en équipe', 'Oproepen te bespreken in de teamdebriefing', 'Calls to debrief as a team'),
  barometerKinds: L('Baromètre : services joignables ou non, par type de service', 'Barometer: bereikbaarheid van de diensten, per soort dienst', 'Barometer: could the services be reached, by kind of service'),
  barometerServices: L('Baromètre : services joignables ou non, par service', 'Barometer: bereikbaarheid van de diensten, per dienst', 'Barometer: could the services be reached, by service'),
} satisfies Record<string, Label>;

/** The barometer's row of services not named one by one. */
export const OTHER_SERVICES_LABEL = L('Autres services', 'Andere diensten', 'Other services');
/** A barometer row whose service the line's directory does not hold (the hub's bilan): its id, said as such. */
export const UNKNOWN_SERVICE_LABEL = (id: string): Label => L(`Service hors répertoire (${id})`, `Dienst buiten de sociale kaart (${id})`, `Service not in the directory (${id})`);
export type TableId = keyof typeof TABLE_TITLES;

export const HEADLINE_LABELS = {
  calls: COLUMN_LABELS.calls,
  requests: COLUMN_LABELS.requests,
  perCall: COLUMN_LABELS.perCall,
  median: L('Durée médiane', 'Mediane duur', 'Median length'),
  iqr: L('Écart interquartile', 'Interkwartielafstand', 'Interquartile range'),
  callsWithCallback: L('Appels avec rappel', 'Oproepen met terugbellen', 'Calls with a callback'),
} satisfies Record<string, Label>;

export const REPORT_TITLE = L('Bilan des appels', 'Overzicht van de oproepen', 'Call report');
/** The hub's report over every centre of the line (relais-hub report). */
export const LINE_REPORT_TITLE = L('Bilan de la ligne', 'Overzicht van de lijn', 'Line report');
export const LINE_NAME = L('Allo ? Aide sociale — 0800 35 243', 'Allo ? Aide sociale — 0800 35 243', 'Allo ? Aide sociale — 0800 35 243');
export const INTERNAL_MARK = L('Usage interne — ne pas diffuser', 'Intern gebruik — niet verspreiden', 'Internal use — do not distribute');
export const PUBLIC_MARK = L('Version publique (contrôle de divulgation appliqué)', 'Publieke versie (geheimhoudingscontrole toegepast)', 'Public version (disclosure control applied)');
export const METHOD_TITLE = L('Note méthodologique', 'Methodologische nota', 'Method note');

/** How hidden cells are written in every format. */
export const CELL_MARKS = {
  /** A count from 1 to threshold − 1. */
  below: (threshold: number) => `<${threshold}`,
  /** Hidden so that another hidden count cannot be recomputed from the totals. */
  secondary: 's',
  /** Not applicable (e.g. a change from zero). */
  na: '–',
};

export interface MethodFacts {
  flavour: 'internal' | 'public';
  threshold: number;
  crossThreshold: number;
  sensitiveThemes: readonly Label[];
  granularity: 'day' | 'week' | 'month' | null;
  periodDays: number;
  /** Which comparison rule applied (issue 17); absent: the same length just before. */
  comparison?: 'calendarMonth' | 'calendarYear' | 'sameLength';
  /** A calendar month's report also shows the same month a year earlier. */
  yearEarlier?: boolean;
}

/** The method note's sentence on the comparison period: it says which rule applied. */
function comparisonSentence(f: MethodFacts, lang: Lang): string {
  const rule = f.comparison ?? 'sameLength';
  const texts: Record<typeof rule, Record<Lang, string>> = {
    calendarMonth: {
      fr: `La période est un mois civil : elle est comparée au mois civil précédent${f.yearEarlier ? ', et le nombre d\'appels aussi au même mois un an plus tôt' : ''} ; « évolution » est la variation relative entre les deux.`,
      nl: `De periode is een kalendermaand: ze wordt vergeleken met de vorige kalendermaand${f.yearEarlier ? ', en het aantal oproepen ook met dezelfde maand een jaar eerder' : ''}; "evolutie" is de relatieve verandering.`,
      en: `The period is a calendar month: it is compared with the previous calendar month${f.yearEarlier ? ', and the number of calls also with the same month a year earlier' : ''}; "change" is the relative change between the two.`,
    },
    calendarYear: {
      fr: 'La période est une année civile : elle est comparée à l\'année civile précédente ; « évolution » est la variation relative entre les deux.',
      nl: 'De periode is een kalenderjaar: ze wordt vergeleken met het vorige kalenderjaar; "evolutie" is de relatieve verandering.',
      en: 'The period is a calendar year: it is compared with the previous calendar year; "change" is the relative change between the two.',
    },
    sameLength: {
      fr: `La période précédente est la période de même longueur (${f.periodDays} jours) qui précède immédiatement ; « évolution » est la variation relative entre les deux.`,
      nl: `De vorige periode is de periode van dezelfde lengte (${f.periodDays} dagen) net ervoor; "evolutie" is de relatieve verandering.`,
      en: `The previous period is the period of the same length (${f.periodDays} days) just before; "change" is the relative change between the two.`,
    },
  };
  return texts[rule][lang];
}

/** What "unreachable" means in the barometer (issue 17). */
const BAROMETER_NOTE: Record<Lang, string> = {
  fr: 'Baromètre : pour chaque type de service et chaque service nommé (des organisations, jamais des personnes), le nombre de relais vers ce service, ceux où le ou la répondant·e a contacté le service pour l\'appelant·e, et ceux dont la suite notée est « service injoignable » : le ou la répondant·e a noté que le service n\'a pas pu être joint quand on a tenté de le contacter pour l\'appelant·e (pas de réponse, ligne saturée, fermé aux heures annoncées). Un relais sans suite notée n\'est pas compté comme injoignable. « Aide arrivée » vient du suivi noté quand un rappel a joint l\'appelant·e ; il est noté par type de service, pas pour chaque service.',
  nl: 'Barometer: per soort dienst en per dienst met naam (organisaties, nooit personen) het aantal doorverwijzingen naar die dienst, die waarbij de hulpverlener de dienst contacteerde voor de oproeper, en die met als genoteerd gevolg "dienst onbereikbaar": de hulpverlener noteerde dat de dienst niet bereikt kon worden toen men hem voor de oproeper probeerde te contacteren (geen antwoord, lijn overbelast, gesloten tijdens de aangekondigde uren). Een doorverwijzing zonder genoteerd gevolg telt niet als onbereikbaar. "Hulp aangekomen" komt uit de opvolging die genoteerd wordt wanneer het terugbellen de oproeper bereikte; ze wordt per soort dienst genoteerd, niet per dienst.',
  en: 'Barometer: for each kind of service and each named service (organisations, never persons), the referrals to that service, those where the responder contacted the service on the caller\'s behalf, and those whose recorded outcome is "service unreachable": the responder recorded that the service could not be reached when someone tried to contact it for the caller (no answer, line saturated, closed during its stated hours). A referral with no recorded outcome is not counted as unreachable. "Help arrived" comes from the follow-up recorded when a callback reached the caller; it is recorded by kind of service, not for each service.',
};

/** The method note, paragraph by paragraph. */
export function methodNote(f: MethodFacts, lang: Lang): string[] {
  const sens = f.sensitiveThemes.map((t) => t[lang]).join(', ');
  const g = f.granularity ? { day: L('jour', 'dag', 'day'), week: L('semaine', 'week', 'week'), month: L('mois', 'maand', 'month') }[f.granularity][lang] : '';
  const common: Record<Lang, string[]> = {
    fr: [
      'Source : la base des appels de la ligne, remplie par les répondant·es après chaque appel. Sont comptés les appels terminés qui ont commencé dans la période (jours civils, heure de Bruxelles) ; un appel en cours n\'est pas compté.',
      'Un appel peut porter plusieurs demandes : chaque thématique cochée compte une demande. Les appels et les demandes sont comptés séparément ; « % des demandes » rapporte au total des demandes, « % des appels » au nombre d\'appels (la somme dépasse alors 100 %). Un appel sans thématique compte une demande « non renseignée ».',
      comparisonSentence(f, 'fr'),
      'La durée est le temps de conversation (attentes exclues). Médiane et écart interquartile (1er–3e quartile) sont calculés sur les appels dont la durée est connue.',
      'Besoins non rencontrés : appels dont la réponse a été notée « en partie » ou « non rencontrée », ou qui décrivent un besoin resté sans réponse.',
      BAROMETER_NOTE.fr,
    ],
    nl: [
      'Bron: de oproepdatabank van de lijn, ingevuld door de hulpverleners na elke oproep. Geteld worden de beëindigde oproepen die in de periode begonnen (kalenderdagen, Brusselse tijd); een lopende oproep telt niet mee.',
      'Eén oproep kan meerdere vragen bevatten: elk aangevinkt thema telt als één vraag. Oproepen en vragen worden apart geteld; "% van de vragen" verwijst naar het totaal aantal vragen, "% van de oproepen" naar het aantal oproepen (de som is dan meer dan 100 %). Een oproep zonder thema telt als één vraag "niet ingevuld".',
      comparisonSentence(f, 'nl'),
      'De duur is de gesprekstijd (wachttijd niet meegerekend). Mediaan en interkwartielafstand (1ste–3de kwartiel) gaan over de oproepen met gekende duur.',
      'Onbeantwoorde noden: oproepen waarvan het antwoord als "gedeeltelijk" of "niet beantwoord" werd genoteerd, of die een onbeantwoorde nood beschrijven.',
      BAROMETER_NOTE.nl,
    ],
    en: [
      'Source: the line\'s call records, filled in by the responders after each call. Counted are the calls that ended and started within the period (calendar days, Brussels time); a call in progress is not counted.',
      'One call may carry several requests: each theme ticked counts one request. Calls and requests are counted separately; "% of requests" relates to all requests, "% of calls" to the number of calls (so it adds up to more than 100 %). A call without a theme counts one "not recorded" request.',
      comparisonSentence(f, 'en'),
      'Length is talk time (holds excluded). Median and interquartile range (1st–3rd quartile) are computed over the calls whose length is known.',
      'Unmet needs: calls whose answer was recorded as "partly met" or "not met", or that describe a need left unanswered.',
      BAROMETER_NOTE.en,
    ],
  };
  const publicRules: Record<Lang, string[]> = {
    fr: [
      `Contrôle de divulgation (version publique) : pour qu'aucune personne ne puisse être reconnue, tout effectif de 1 à ${f.threshold - 1} est remplacé par « <${f.threshold} ». Les tableaux qui croisent deux caractéristiques des appelant·es (commune × thématique, langue × interprète) et les thématiques sensibles (${sens}) suivent un seuil de ${f.crossThreshold} : les effectifs de 1 à ${f.crossThreshold - 1} y sont remplacés par « <${f.crossThreshold} ». Un zéro reste 0.`,
      `Suppression secondaire : d'autres cases, marquées « ${CELL_MARKS.secondary} », sont masquées pour qu'aucune case cachée ne puisse être recalculée à partir des totaux de ligne ou de colonne ; « ${CELL_MARKS.secondary} » ne dit rien de la valeur (un petit effectif dont la fourchette trahirait la ligne est aussi noté « ${CELL_MARKS.secondary} »). Le logiciel vérifie qu'aucune case masquée n'est déductible des valeurs publiées, des totaux et de ces marques. Les pourcentages et évolutions calculés sur une case masquée sont masqués aussi.`,
      `Les volumes ne sont publiés qu'à une seule échelle de temps (par ${g}) pour la même raison. La répartition par jour de la semaine et par heure, les notes de passation et les extraits non approuvés ne sont jamais publiés. Les extraits cités ont été anonymisés, vérifiés par le détecteur de données identifiantes et approuvés par un·e superviseur·e.`,
    ],
    nl: [
      `Geheimhoudingscontrole (publieke versie): opdat niemand herkend kan worden, wordt elk aantal van 1 tot ${f.threshold - 1} vervangen door "<${f.threshold}". Tabellen die twee kenmerken van oproepers kruisen (gemeente × thema, taal × tolk) en gevoelige thema's (${sens}) volgen een drempel van ${f.crossThreshold}: aantallen van 1 tot ${f.crossThreshold - 1} worden er "<${f.crossThreshold}". Een nul blijft 0.`,
      `Secundaire onderdrukking: andere cellen, gemarkeerd met "${CELL_MARKS.secondary}", worden verborgen zodat geen enkele verborgen cel uit de rij- of kolomtotalen herberekend kan worden; "${CELL_MARKS.secondary}" zegt niets over de waarde (een klein aantal waarvan de vork de rij zou verraden, krijgt ook "${CELL_MARKS.secondary}"). De software controleert dat geen verborgen cel afleidbaar is uit de gepubliceerde waarden, de totalen en deze markeringen. Percentages en evoluties van een verborgen cel worden ook verborgen.`,
      `Om dezelfde reden worden aantallen slechts op één tijdschaal gepubliceerd (per ${g}). De verdeling per weekdag en uur, overdrachtsnota's en niet-goedgekeurde fragmenten worden nooit gepubliceerd. Geciteerde fragmenten zijn geanonimiseerd, nagekeken door de detector van identificerende gegevens en goedgekeurd door een supervisor.`,
    ],
    en: [
      `Disclosure control (public version): so that nobody can be recognised, every count from 1 to ${f.threshold - 1} is shown as "<${f.threshold}". Tables crossing two characteristics of callers (commune × theme, language × interpreter) and sensitive themes (${sens}) use a threshold of ${f.crossThreshold}: counts from 1 to ${f.crossThreshold - 1} are shown as "<${f.crossThreshold}". Zero stays 0.`,
      `Secondary suppression: further cells, marked "${CELL_MARKS.secondary}", are hidden so that no hidden cell can be recomputed from the row or column totals; "${CELL_MARKS.secondary}" says nothing of the value (a small count whose range would give its row away is marked "${CELL_MARKS.secondary}" too). The software checks that no hidden cell can be deduced from the published values, the totals and these marks. Percentages and changes computed from a hidden cell are hidden too.`,
      `For the same reason volumes are published at one time scale only (per ${g}). The weekday × hour grid, handover notes and unapproved excerpts are never published. Quoted excerpts were anonymised, checked by the identifying-data detector and approved by a supervisor.`,
    ],
  };
  const internal: Record<Lang, string> = {
    fr: 'Version interne : effectifs exacts, sans contrôle de divulgation. Usage interne uniquement — à ne pas diffuser ; pour publier, exporter la version publique (réservée aux superviseur·es).',
    nl: 'Interne versie: exacte aantallen, zonder geheimhoudingscontrole. Enkel voor intern gebruik — niet verspreiden; om te publiceren, exporteer de publieke versie (voorbehouden aan supervisors).',
    en: 'Internal version: exact counts, no disclosure control. Internal use only — do not distribute; to publish, export the public version (supervisors only).',
  };
  return [...common[lang], ...(f.flavour === 'public' ? publicRules[lang] : [internal[lang]])];
}
