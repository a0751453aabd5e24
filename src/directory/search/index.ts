export { createSearchIndex } from './searchIndex.ts';
export { normalizeText } from './normalize.ts';
export { parseHours, isOpenAt } from './hours.ts';
export type { SearchableService } from './types.ts';
