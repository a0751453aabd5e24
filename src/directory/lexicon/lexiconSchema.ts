import { z } from 'zod';

// One entry of the situation lexicon: a phrase as callers say it, its language, and what it
// should find — theme codes and the words services are described with (in any language, so a
// Dutch phrase can find a French-only record and the reverse).

export const LEXICON_LANGS = ['fr', 'nl', 'en'] as const;
export const MAX_LEXICON_ENTRIES = 5000;

export const lexiconEntrySchema = z.strictObject({
  phrase: z.string().trim().min(2, 'a phrase of at least 2 characters').max(120),
  lang: z.enum(LEXICON_LANGS),
  themes: z.array(z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a theme code')).max(10),
  keywords: z.array(z.string().trim().min(2).max(100)).max(30),
}).refine((e) => e.themes.length + e.keywords.length > 0, 'an entry needs at least one theme or keyword');
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

// The text form maintainers edit (one entry per line, `#` starts a comment):
//   fr: mettre dehors => housing, legal | expulsion, uitzetting, locataire
//   lang: phrase        => theme codes    | keywords
// The part after `|` may be left out, and so may the themes (`=> | keywords`).

export interface LexiconLineProblem {
  line: number;
  message: string;
}

export function formatLexicon(entries: readonly LexiconEntry[]): string {
  return entries.map((e) => `${e.lang}: ${e.phrase} => ${e.themes.join(', ')}${e.keywords.length ? ` | ${e.keywords.join(', ')}` : ''}`).join('\n');
}

const LINE = /^\s*(fr|nl|en)\s*:\s*(.+?)\s*=>\s*([^|]*?)\s*(?:\|\s*(.*?))?\s*$/i;
const list = (s: string | undefined): string[] => (s ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');

export function parseLexicon(text: string, themeCodes: ReadonlySet<string>): { entries: LexiconEntry[]; problems: LexiconLineProblem[] } {
  const entries: LexiconEntry[] = [];
  const problems: LexiconLineProblem[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const m = LINE.exec(raw);
    if (!m) {
      problems.push({ line, message: 'expected "fr: phrase => themes | keywords"' });
      return;
    }
    const parsed = lexiconEntrySchema.safeParse({ lang: (m[1] as string).toLowerCase(), phrase: m[2], themes: list(m[3]), keywords: list(m[4]) });
    if (!parsed.success) {
      problems.push({ line, message: parsed.error.issues.map((x) => `${x.path.join('.') || 'entry'}: ${x.message}`).join('; ') });
      return;
    }
    const unknown = parsed.data.themes.filter((t) => !themeCodes.has(t));
    if (unknown.length) {
      problems.push({ line, message: `unknown theme code ${unknown.join(', ')} (see the taxonomy)` });
      return;
    }
    const key = `${parsed.data.lang}:${parsed.data.phrase.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, message: `the phrase "${parsed.data.phrase}" is already on line ${first}` });
      return;
    }
    seen.set(key, line);
    entries.push(parsed.data);
  });
  if (entries.length > MAX_LEXICON_ENTRIES) problems.push({ line: 0, message: `at most ${MAX_LEXICON_ENTRIES} entries` });
  return { entries, problems };
}
