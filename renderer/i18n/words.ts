// Facts written as words in the UI language (issue 16): languages by their name, not "FR, PS";
// opening hours as "lun.–ven. 9 h – 12 h", not the directory's raw "mo-fr 09:00-12:00".
// Pure functions over Intl and the `words` namespace (locales/<lang>/words.json, which the
// screens' i18next loads too), so a unit test runs them without a browser.

import i18next from 'i18next';
import { LOCALE_TAGS as TAGS } from '../../src/domain/brusselsTime.ts';
import en from './locales/en/words.json' with { type: 'json' };
import fr from './locales/fr/words.json' with { type: 'json' };
import nl from './locales/nl/words.json' with { type: 'json' };

export type WordsLang = 'fr' | 'nl' | 'en';

// Its own instance, set up once and never switched: each call names its language.
const words = i18next.createInstance();
void words.init({ resources: { fr: { words: fr }, nl: { words: nl }, en: { words: en } }, lng: 'fr', fallbackLng: false, ns: ['words'], defaultNS: 'words', initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
const wordsT = (lang: WordsLang) => words.getFixedT(lang, 'words');

/** "ps" → "pachto" / "Pasjtoe" / "Pashto"; an unknown code stays as written. */
export function languageName(code: string, lang: WordsLang): string {
  const c = code.trim().toLowerCase();
  // Codes ICU has no name for (ISO 639-2 collective codes the directory uses: "ber").
  const extra = /^[a-z]+$/.test(c) ? wordsT(lang)(`languageNames.${c}`, { defaultValue: '' }) : '';
  if (extra) return extra;
  try {
    const name = new Intl.DisplayNames(TAGS[lang], { type: 'language', fallback: 'none' }).of(c);
    return name ?? code;
  } catch {
    return code;
  }
}

export function languageNames(codes: readonly string[], lang: WordsLang): string {
  return new Intl.ListFormat(TAGS[lang], { type: 'conjunction' }).format(codes.map((c) => languageName(c, lang)));
}

const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;

/** Weekday 0 (Monday) … 6 (Sunday) by its name in `lang`: "lun." / "lundi". */
export function weekdayName(index: number, lang: WordsLang, width: 'short' | 'long' = 'short'): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(TAGS[lang], { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** "09:30" → "9 h 30" / "9u30" / "9:30"; "12:00" → "12 h" / "12u" / "12:00". */
export function timeWords(hhmm: string, lang: WordsLang): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return wordsT(lang)(m ? 'time' : 'timeOnTheHour', { h, mm: String(m).padStart(2, '0') });
}

function daysWords(spec: string, lang: WordsLang): string | null {
  const parts: string[] = [];
  for (const piece of spec.split(',')) {
    const range = /^([a-z]{2})(?:-([a-z]{2}))?$/.exec(piece.trim());
    if (!range) return null;
    const from = DAY_CODES.indexOf(range[1] as (typeof DAY_CODES)[number]);
    const to = range[2] ? DAY_CODES.indexOf(range[2] as (typeof DAY_CODES)[number]) : from;
    if (from < 0 || to < 0) return null;
    if (from === 0 && to === 6) return wordsT(lang)('everyDay');
    parts.push(from === to ? weekdayName(from, lang) : `${weekdayName(from, lang)}–${weekdayName(to, lang)}`);
  }
  return parts.join(', ');
}

/**
 * The directory's opening hours (the OpenStreetMap-like "mo-fr 09:00-12:00,13:30-16:30; sa
 * 10:00-12:00" and "24/7") in words; free text ("Sur rendez-vous") is returned as written.
 */
export function openingHoursInWords(text: string, lang: WordsLang): string {
  const raw = text.trim();
  if (raw === '24/7') return wordsT(lang)('roundTheClock');
  const rules: string[] = [];
  for (const rule of raw.split(';')) {
    const m = /^\s*(?:([a-z,-]+)\s+)?((?:\d{1,2}:\d{2}-\d{1,2}:\d{2})(?:\s*,\s*\d{1,2}:\d{2}-\d{1,2}:\d{2})*)\s*$/i.exec(rule);
    if (!m) return raw;
    const days = m[1] ? daysWords(m[1].toLowerCase(), lang) : wordsT(lang)('everyDay');
    if (days === null) return raw;
    const spans = (m[2] as string).split(',').map((span) => {
      const [a, b] = span.trim().split('-') as [string, string];
      return `${timeWords(a, lang)} – ${timeWords(b, lang)}`;
    });
    rules.push(`${days} ${spans.join(', ')}`);
  }
  return rules.join(wordsT(lang)('ruleSeparator'));
}

/** The line's hours from the machine config ({days: ['mon', …], open, close}) in words: "lun.–ven. 9 h – 17 h". */
export function lineHoursInWords(hours: { days: readonly string[]; open: string; close: string }, lang: WordsLang): string {
  const idx = hours.days.map((d) => DAY_CODES.indexOf(d.slice(0, 2) as (typeof DAY_CODES)[number])).filter((i) => i >= 0).sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === (idx[j] as number) + 1) j++;
    runs.push(i === j ? (DAY_CODES[idx[i] as number] as string) : `${DAY_CODES[idx[i] as number]}-${DAY_CODES[idx[j] as number]}`);
    i = j + 1;
  }
  return openingHoursInWords(`${runs.join(',')} ${hours.open}-${hours.close}`, lang);
}
