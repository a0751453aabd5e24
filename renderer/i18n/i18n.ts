import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { TIME_ZONE } from '../../src/domain/brusselsTime.ts';
import { SHARED_RESOURCES } from '../../src/domain/i18n.ts';

export const UI_LANGS = ['fr', 'nl', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];
export const DEFAULT_LANG: UiLang = 'fr';
const STORAGE_KEY = 'relais.lang';

// Every locale file is a namespace: renderer/i18n/locales/<lang>/<namespace>.json. Screens
// add their own file; a test checks that the three languages carry the same keys. The words
// src/ produces too (error reasons, notifications) come from src/domain/locales, the same
// files src/ translates with (SHARED_RESOURCES).
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

function buildResources(): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [lang, namespaces] of Object.entries(SHARED_RESOURCES)) resources[lang] = { ...namespaces };
  for (const [file, mod] of Object.entries(files)) {
    const m = /\.\/locales\/([a-z]{2})\/([A-Za-z]+)\.json$/.exec(file);
    if (!m) continue;
    const [, lang, ns] = m as unknown as [string, string, string];
    (resources[lang] ??= {})[ns] = mod.default;
  }
  return resources;
}

export function initialLang(): UiLang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved && (UI_LANGS as readonly string[]).includes(saved)) return saved as UiLang;
  } catch {
    // Storage may be unavailable; French stays the default.
  }
  return DEFAULT_LANG;
}

export function saveLang(lang: UiLang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not fatal: the choice just won't survive a restart.
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: initialLang(),
  fallbackLng: false,
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false },
  returnNull: false,
  // A missing key shows its path in brackets, visible in screenshots and caught by tests.
  parseMissingKeyHandler: (key) => `⟦${key}⟧`,
});

export const LOCALE_TAGS: Record<UiLang, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

export function formatDateTime(value: Date | string, lang: UiLang, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[lang], { timeZone: TIME_ZONE, ...opts }).format(new Date(value));
}

