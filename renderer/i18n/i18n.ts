import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import fr from 'zod/v4/locales/fr.js';
import nl from 'zod/v4/locales/nl.js';
import { formatDay, formatInstant, LOCALE_TAGS as DATE_LOCALES } from '../../src/domain/brusselsTime.ts';
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

export const LOCALE_TAGS: Record<UiLang, string> = DATE_LOCALES;

// Forms check their fields with zod in the renderer: its messages follow the UI language too
// (zod's own fr/nl/en locales), set at start and on every switch.
const ZOD_LOCALES: Record<UiLang, () => Parameters<typeof z.config>[0]> = { fr, nl, en };
function followLanguage(lang: string): void {
  const ui = (UI_LANGS as readonly string[]).includes(lang) ? (lang as UiLang) : DEFAULT_LANG;
  z.config(ZOD_LOCALES[ui]());
  // The page's own lang (screen readers, hyphenation, Chromium's built-in controls).
  if (typeof document !== 'undefined') document.documentElement.lang = LOCALE_TAGS[ui];
}
followLanguage(i18n.language);
i18n.on('languageChanged', followLanguage);

/** An instant in Brussels time, in the UI language (src/domain/brusselsTime.ts writes it for the report files too). */
export const formatDateTime: (value: Date | string, lang: UiLang, opts?: Intl.DateTimeFormatOptions) => string = formatInstant;

/** A calendar day (YYYY-MM-DD) as Belgium writes it in the UI language: "3 déc. 2025" / "3 dec. 2025" / "3 Dec 2025". */
export const dayWords: (isoDay: string, lang: UiLang, opts?: Intl.DateTimeFormatOptions) => string = formatDay;
