// What the search needs from a service: the directory's field names (snake_case, as in the
// CSV header). Works on plain objects, so the directory's `Service` type fits as is.
export interface SearchableService {
  id: string;
  name: string;
  alternate_name?: string | null;
  organization?: string | null;
  description?: string | null;
  themes?: readonly string[] | null;
  keywords?: readonly string[] | null;
  /** Commune names (FR or NL), codes or postcodes; `*` = the whole region. */
  communes_served?: readonly string[] | null;
  postcode?: string | null;
  commune?: string | null;
  hours?: string | null;
  /** Shown on result rows (issue 17); not searched. */
  phone?: string | null;
  languages?: readonly string[] | null;
  audience?: string | null;
  status?: string | null;
}

export interface SearchFilters {
  /** Commune served: FR or NL name, code or postcode. Services serving `*` always match. */
  commune?: string | undefined;
  /** Theme code, or its label in fr/nl/en. */
  theme?: string | undefined;
  /** ISO 639-1 code. */
  language?: string | undefined;
  /** Only services whose structured hours say they are open at that instant (Brussels time). */
  openAt?: Date | undefined;
  includeInactive?: boolean | undefined;
  limit?: number | undefined;
}

export type SearchField =
  | 'name' | 'alternate_name' | 'organization' | 'keywords' | 'themes' | 'commune' | 'postcode' | 'communes_served' | 'description' | 'audience';

export interface SearchMatch {
  field: SearchField;
  /** Position in list fields (keywords, communes_served, themes). */
  index?: number;
  /** Inclusive [start, end] ranges in the field's original text, for highlighting. */
  indices: [number, number][];
}

export interface SearchResult {
  id: string;
  name: string;
  /** 0 = perfect, 1 = worst, like fuse.js: lower is better. */
  score: number;
  matches: SearchMatch[];
}
