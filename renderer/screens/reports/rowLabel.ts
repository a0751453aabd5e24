import type { Lang } from '../../../src/domain/taxonomy.ts';
import { dayWords } from '../../i18n/i18n.ts';

/**
 * A report row's label on screen: a day row (the daily series carries its ISO day as label)
 * reads dd/mm/yyyy as every other date of the UI (issue 16, point 5); other labels as they are.
 */
export function rowLabel(label: Record<Lang, string>, lang: Lang): string {
  const text = label[lang];
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayWords(text, lang, { day: '2-digit', month: '2-digit', year: 'numeric' }) : text;
}
