import { z } from 'zod';
import { operation } from './operation.ts';

/** Any signed-in profile (issue 8). */
const SIGNED_IN = ['responder', 'supervisor'] as const;

// The directory search (issue 4), its own contract slice. Bundled by the preload: zod only.

const SEARCH_FIELDS = ['name', 'alternate_name', 'organization', 'keywords', 'themes', 'commune', 'postcode', 'communes_served', 'description', 'audience'] as const;

export const MAX_SEARCH_LIMIT = 100;

export const directorySearchInput = z.strictObject({
  query: z.string().max(200),
  /** Commune served: FR or NL name, code or postcode; services serving the whole region always match. */
  commune: z.string().trim().max(100).optional(),
  /** Theme code or label (fr/nl/en). */
  theme: z.string().trim().max(100).optional(),
  /** ISO 639-1 code. */
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, 'ISO 639-1 code expected').optional(),
  /** Only services open now according to their structured hours (Brussels time). */
  openNow: z.boolean().optional(),
  includeInactive: z.boolean().optional(),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
});

export const searchMatchSchema = z.object({
  field: z.enum(SEARCH_FIELDS),
  index: z.number().int().optional(),
  /** Inclusive [start, end] character ranges in the field's text, for highlighting. */
  indices: z.array(z.tuple([z.number().int(), z.number().int()])),
});

/** Where a service stands now (issue 17): open until a minute of the day, or when it next opens. */
export const openingStateSchema = z.discriminatedUnion('state', [
  /** `until`: minutes from midnight (1440 = midnight); null = open round the clock. */
  z.object({ state: z.literal('open'), until: z.number().int().min(0).max(1440).nullable() }),
  /** `inDays`: 0 = later today, 1 = tomorrow…; `day`: weekday, 0 = Monday. */
  z.object({ state: z.literal('closed'), inDays: z.number().int().min(0).max(7), day: z.number().int().min(0).max(6), minute: z.number().int().min(0).max(1439) }),
  /** Hours in free text, or none. */
  z.object({ state: z.literal('unknown') }),
]);
export type OpeningStateView = z.infer<typeof openingStateSchema>;

export const searchResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 0 = best, 1 = worst (lower is better, like fuse.js). */
  score: z.number(),
  matches: z.array(searchMatchSchema),
  alternate_name: z.string().nullable(),
  organization: z.string().nullable(),
  commune: z.string().nullable(),
  themes: z.array(z.string()),
  status: z.enum(['active', 'inactive']),
  /** What a responder acts on without opening the card (issue 17, point 5). */
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  opening: openingStateSchema,
  /** "Unreachable" reachability notes of the last 30 days, from every PC whose notes reached this store. */
  unreachableNotes: z.number().int().min(0),
});
export type SearchResultView = z.infer<typeof searchResultSchema>;

export const directorySearchContract = {
  'directory.search': operation({
    summary: 'Search the service directory as you type: accents, typos, prefixes, FR/NL names, synonyms; filters by commune, theme, language, open now.',
    access: SIGNED_IN,
    input: directorySearchInput,
    output: z.object({ results: z.array(searchResultSchema) }),
  }),
};
