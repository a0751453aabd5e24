import { COMMUNES } from './communes.ts';
import enReportLabels from './locales/en/reportLabels.json' with { type: 'json' };
import { type ReportLabelGroups, type ReportLabelKey, sharedT } from './i18n.ts';
import { LANGS, type Lang } from './taxonomy.ts';

// The words of a report as Labels (the three languages side by side, as the report document
// carries them): category names, table titles, column heads and the method note. The words
// themselves live in src/domain/locales/<lang>/reportLabels.json, the i18next namespace the
// renderer loads too, so a table reads the same on screen, in the files written by main and in
// the CLI's. The screen's own words (buttons, headings) are in renderer/i18n/locales/*/reports.json.

export type Label = Record<Lang, string>;
type Params = Readonly<Record<string, string | number>>;

const translators = Object.fromEntries(LANGS.map((lang) => [lang, sharedT(lang, 'reportLabels')])) as Record<Lang, ReturnType<typeof sharedT>>;

/** One word of reportLabels.json in the three languages. */
export function reportLabel(key: ReportLabelKey, params?: Params): Label {
  return { fr: translators.fr(key, { ...params }), nl: translators.nl(key, { ...params }), en: translators.en(key, { ...params }) };
}

type GroupKeys<G extends ReportLabelGroups> = keyof (typeof enReportLabels)[G] & string;

/** A category's codes → their Labels, in the order of reportLabels.json. */
function labelGroup<G extends ReportLabelGroups>(group: G): Readonly<Record<GroupKeys<G>, Label>> {
  const codes = Object.keys(enReportLabels[group]) as Array<GroupKeys<G>>;
  return Object.fromEntries(codes.map((code) => [code, reportLabel(`${group}.${code}` as ReportLabelKey)])) as Record<GroupKeys<G>, Label>;
}

export const NONE_LABEL = reportLabel('none');
export const TOTAL_LABEL = reportLabel('total');
export const CATEGORY_LABEL = reportLabel('category');
export const PREVIOUS_PERIOD_LABEL = reportLabel('previousPeriod');
export const CENTRES_LABEL = reportLabel('centres');
export const GENERATED_LABEL = reportLabel('generated');
export const PAGE_LABEL = reportLabel('page');
export const HIDDEN_LEGEND = reportLabel('hiddenLegend');
export const NO_QUOTES_LABEL = reportLabel('noQuotes');
export const YEAR_EARLIER_LABEL = reportLabel('yearEarlierPeriod');

/** Monday first (ISO). */
export const WEEKDAYS: readonly Label[] = Object.values(labelGroup('weekday'));

export const INTERVENTION_LABELS: Readonly<Record<string, Label>> = labelGroup('intervention');
export const CALLER_TYPE_LABELS: Readonly<Record<string, Label>> = labelGroup('callerType');
export const LANGUAGE_LABELS: Readonly<Record<string, Label>> = labelGroup('language');
export const CALLER_HISTORY_LABELS: Readonly<Record<string, Label>> = labelGroup('callerHistory');
export const SOCIAL_AID_LABELS: Readonly<Record<string, Label>> = labelGroup('socialAid');
export const BARRIER_LABELS: Readonly<Record<string, Label>> = labelGroup('barrier');
export const NO_REQUEST_LABELS: Readonly<Record<string, Label>> = labelGroup('noRequest');
export const DEBRIEF_LABELS: Readonly<Record<string, Label>> = labelGroup('debrief');
export const HEARD_FROM_LABELS: Readonly<Record<string, Label>> = labelGroup('heardFrom');
export const RESOLUTION_LABELS: Readonly<Record<string, Label>> = labelGroup('resolution');
export const REFERRAL_OUTCOME_LABELS: Readonly<Record<string, Label>> = labelGroup('referralOutcome');
export const CALLBACK_STATUS_LABELS: Readonly<Record<string, Label>> = labelGroup('callbackStatus');

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

export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, Label>> = labelGroup('serviceKind');

export const DURATION_BANDS = ['lt5', '5to15', '15to30', 'gt30'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];
export const DURATION_BAND_LABELS: Readonly<Record<DurationBand, Label>> = labelGroup('durationBand');

/** The band of a talk time in seconds: [0, 5 min), [5, 15), [15, 30), [30, ∞). */
export function durationBand(seconds: number): DurationBand {
  return seconds < 300 ? 'lt5' : seconds < 900 ? '5to15' : seconds < 1800 ? '15to30' : 'gt30';
}

// The communes' own names are data (communes.ts), not words to translate: English shows both.
export const COMMUNE_LABELS: Readonly<Record<string, Label>> = {
  ...Object.fromEntries(COMMUNES.map((c) => [c.code, { fr: c.fr, nl: c.nl, en: c.fr === c.nl ? c.fr : `${c.fr} / ${c.nl}` }])),
  ...labelGroup('commune'),
};
export const COMMUNE_ORDER: readonly string[] = [...COMMUNES.map((c) => c.code), 'outside', 'unknown'];

export const SECTION_LABELS = labelGroup('section');
export type SectionId = keyof typeof SECTION_LABELS;

/** Did help arrive, per referral, when a callback reached the caller (issue 15; glossary: follow-up = suivi = opvolging). */
export const HELP_LABELS = labelGroup('help');

export const COLUMN_LABELS = labelGroup('column');

export const TABLE_TITLES = labelGroup('table');

/** The barometer's row of services not named one by one. */
export const OTHER_SERVICES_LABEL = reportLabel('otherServices');
/** A barometer row whose service the line's directory does not hold (the hub's bilan): its id, said as such. */
export const UNKNOWN_SERVICE_LABEL = (id: string): Label => reportLabel('unknownService', { id });
export type TableId = keyof typeof TABLE_TITLES;

export const HEADLINE_LABELS = {
  calls: COLUMN_LABELS.calls,
  requests: COLUMN_LABELS.requests,
  perCall: COLUMN_LABELS.perCall,
  ...labelGroup('headline'),
};

export const REPORT_TITLE = reportLabel('reportTitle');
/** The hub's report over every centre of the line (relais-hub report). */
export const LINE_REPORT_TITLE = reportLabel('lineReportTitle');
export const LINE_NAME = reportLabel('lineName');
export const INTERNAL_MARK = reportLabel('internalMark');
export const PUBLIC_MARK = reportLabel('publicMark');
export const METHOD_TITLE = reportLabel('methodTitle');

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
  /** A calendar month's same month a year earlier. */
  yearEarlier?: boolean;
}

/** The method note, paragraph by paragraph. */
export function methodNote(f: MethodFacts, lang: Lang): string[] {
  const t = translators[lang];
  const rule = f.comparison ?? 'sameLength';
  // The comparison sentence says which rule applied (and, for a month, whether a year earlier is shown too).
  const comparison = rule === 'calendarMonth' && f.yearEarlier ? 'calendarMonthYearEarlier' : rule;
  const params = {
    periodDays: f.periodDays,
    threshold: f.threshold,
    maxBelow: f.threshold - 1,
    crossThreshold: f.crossThreshold,
    maxBelowCross: f.crossThreshold - 1,
    sensitive: f.sensitiveThemes.map((theme) => theme[lang]).join(', '),
    secondary: CELL_MARKS.secondary,
    granularity: f.granularity ? t(`granularity.${f.granularity}`) : '',
  };
  const keys: ReportLabelKey[] = [
    'method.source',
    'method.requests',
    `method.comparison.${comparison}`,
    'method.length',
    'method.unmet',
    'method.barometer',
    ...(f.flavour === 'public' ? (['method.disclosure', 'method.secondary', 'method.timeScale'] as const) : (['method.internal'] as const)),
  ];
  return keys.map((key) => t(key, params));
}
