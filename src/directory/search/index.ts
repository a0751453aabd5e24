export { createSearchIndex, DEFAULT_LIMIT, type SearchIndex, type SearchIndexOptions } from './searchIndex.ts';
export { DEFAULT_SYNONYMS, type SynonymGroup } from './synonyms.ts';
export { normalizeText } from './normalize.ts';
export { parseHours, isOpenAt } from './hours.ts';
export { resolveCommune } from './communeLookup.ts';
export type { SearchableService, SearchFilters, SearchResult, SearchMatch, SearchField } from './types.ts';
