import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningStateView, SearchResultView } from '../../../src/contract/directorySearchContract.ts';
import { copyText } from '../../clipboard.ts';
import { Highlight } from '../../components/Highlight.tsx';
import type { UiLang } from '../../i18n/i18n.ts';
import { languageNames, timeWords, weekdayName } from '../../i18n/words.ts';
import { communeInLang } from '../../i18n/communes.ts';

// One search result as a responder acts on it without opening the card (issue 17, point 5):
// open now or when it opens, the number with a copy button, how often it was unreachable
// lately, and the languages spoken.

const clock = (minute: number, lang: UiLang): string => timeWords(`${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`, lang);

function OpeningText({ opening, lang }: { opening: OpeningStateView; lang: UiLang }) {
  const { t } = useTranslation('directory');
  if (opening.state === 'unknown') return <span className="opening unknown">{t('row.hoursUnknown')}</span>;
  if (opening.state === 'open') {
    return <span className="opening open">{opening.until === null ? t('row.openAllDay') : t('row.openUntil', { time: clock(opening.until, lang) })}</span>;
  }
  const time = clock(opening.minute, lang);
  const when =
    opening.inDays === 0 ? t('row.opensToday', { time }) : opening.inDays === 1 ? t('row.opensTomorrow', { time }) : t('row.opensOn', { day: weekdayName(opening.day, lang, 'long'), time });
  return <span className="opening closed">{when}</span>;
}

export function ResultRow({ result, lang }: { result: SearchResultView; lang: UiLang }) {
  const { t } = useTranslation('directory');
  const [copied, setCopied] = useState(false);
  const nameRanges = result.matches.find((m) => m.field === 'name')?.indices;
  const copy = async (e: React.MouseEvent) => {
    // The row opens the card on click; copying must not.
    e.stopPropagation();
    if (result.phone && (await copyText(result.phone))) {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  };
  return (
    <>
      <span className="result-line">
        <span className="result-name"><Highlight text={result.name} ranges={nameRanges} /></span>
        {result.commune && <span className="muted"> — {communeInLang(result.commune, lang)}</span>}
      </span>
      <span className="result-facts">
        <OpeningText opening={result.opening} lang={lang} />
        {result.phone && (
          <span className="result-phone">
            <span className="mono">{result.phone}</span>
            <button type="button" className="small" tabIndex={-1} onMouseDown={(e) => e.preventDefault()} onClick={(e) => void copy(e)} aria-label={t('row.copyPhone', { name: result.name })}>
              {copied ? t('card.copied') : t('card.copy')}
            </button>
          </span>
        )}
        {result.unreachableNotes > 0 && <span className="result-unreachable">{t('row.unreachable', { count: result.unreachableNotes })}</span>}
        {result.languages.length > 0 && (
          <span className="result-languages" title={t('card.languages')}>
            {languageNames(result.languages, lang)}
          </span>
        )}
      </span>
    </>
  );
}
