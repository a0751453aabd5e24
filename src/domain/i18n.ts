import i18next, { type TFunction } from 'i18next';
import enNotifications from './locales/en/notifications.json' with { type: 'json' };
import enReasons from './locales/en/reasons.json' with { type: 'json' };
import enReportLabels from './locales/en/reportLabels.json' with { type: 'json' };
import frNotifications from './locales/fr/notifications.json' with { type: 'json' };
import frReasons from './locales/fr/reasons.json' with { type: 'json' };
import frReportLabels from './locales/fr/reportLabels.json' with { type: 'json' };
import nlNotifications from './locales/nl/notifications.json' with { type: 'json' };
import nlReasons from './locales/nl/reasons.json' with { type: 'json' };
import nlReportLabels from './locales/nl/reportLabels.json' with { type: 'json' };

// The words src/ itself produces (error reasons, OS notifications, the words of a report) live in locale JSON here,
// in src/domain/locales/<lang>/<namespace>.json; the renderer loads the same files beside its
// own namespaces (renderer/i18n/i18n.ts), so a reason reads the same in a dialog, a log line
// and the CLI. One i18next instance serves src/; nothing here reads a file or the DOM.

export const SHARED_LANGS = ['fr', 'nl', 'en'] as const;
export type SharedLang = (typeof SHARED_LANGS)[number];

export const SHARED_RESOURCES = {
  fr: { reasons: frReasons, notifications: frNotifications, reportLabels: frReportLabels },
  nl: { reasons: nlReasons, notifications: nlNotifications, reportLabels: nlReportLabels },
  en: { reasons: enReasons, notifications: enNotifications, reportLabels: enReportLabels },
} as const;

/** Dotted paths of the leaves of a locale file: `calls.notFound`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A reason an operation failed: a key of reasons.json, translated where it is shown. */
export type ReasonKey = Leaves<typeof enReasons>;
/** A word of a report: a key of reportLabels.json. */
export type ReportLabelKey = Leaves<typeof enReportLabels>;
/** The groups of reportLabels.json (a category's codes → their words). */
export type ReportLabelGroups = { [K in keyof typeof enReportLabels]: (typeof enReportLabels)[K] extends string ? never : K }[keyof typeof enReportLabels];
export type ReasonParams = Readonly<Record<string, string | number>>;

const instance = i18next.createInstance();
void instance.init({
  resources: SHARED_RESOURCES,
  lng: 'en',
  fallbackLng: false,
  ns: ['reasons', 'notifications', 'reportLabels'],
  defaultNS: 'reasons',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type SharedNamespace = keyof (typeof SHARED_RESOURCES)['en'];

/** The translator of one language for one shared namespace. */
export function sharedT(lang: SharedLang, ns: SharedNamespace): TFunction {
  return instance.getFixedT(lang, ns);
}

const REASON_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;

/** True when `key` is a reason of reasons.json (prose never is). */
export function isReasonKey(key: string): key is ReasonKey {
  return REASON_KEY.test(key) && instance.exists(key, { ns: 'reasons', lng: 'en' });
}

/** A reason in words, in `lang` (English for logs and the CLI). */
export function reasonText(key: ReasonKey, params: ReasonParams | undefined, lang: SharedLang = 'en'): string {
  return sharedT(lang, 'reasons')(key, { ...params });
}
