import { useTranslation } from 'react-i18next';
import { useOperation } from '../../data/useOperation.ts';
import { useSettled } from '../../data/useSettled.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { useTaxonomy } from './useTaxonomy.ts';

// Repeat callers recognised, not identified (issue 15, point 7): while the responder types a
// pseudonym, the earlier calls under it — from this PC and, through the hub, every centre —
// as one line: how many, the last date, the themes, the last "à savoir". Asked after a short
// pause in typing; nothing shows for a pseudonym never met. A failure shows nothing: the
// suggestion helps, it must never get in the way of the call.

const PAUSE_MS = 350;

export function RepeatCallerHint({ callId, pseudonym }: { callId: string; pseudonym: string }) {
  const { t, i18n } = useTranslation('calls');
  const lang = i18n.language as UiLang;
  const themes = useTaxonomy();
  const typed = pseudonym.trim();
  const asked = useSettled(typed, PAUSE_MS);
  // Refreshed by calls.changed and hub.pulled (data/invalidation.ts): a mark pulled from another centre shows up.
  const answer = useOperation('calls.repeatCaller', { pseudonym: asked, callId }, { enabled: asked !== '', keepPrevious: true });
  // Cleared pseudonym: nothing at once; an error or a pseudonym never met: nothing either.
  const found = typed && asked && answer.data && answer.data.count > 0 ? answer.data : null;

  if (!found) return null;
  const date = (iso: string) => formatDateTime(iso, lang, { dateStyle: 'medium' });
  const themeName = (code: string) => themes.find((th) => th.code === code)?.labels[lang] ?? code;
  const themeList = found.themes.map((th) => (th.count > 1 ? `${themeName(th.code)} (${th.count})` : themeName(th.code))).join(', ');
  return (
    <div className="repeat-caller" role="status" data-testid="repeat-caller">
      <p>
        <strong>{t('record.repeat.title', { count: found.count })}</strong>
        {found.lastAt && <> — {t('record.repeat.last', { date: date(found.lastAt) })}</>}
        {found.centres.length > 0 && <> — {t('record.repeat.centres', { centres: found.centres.join(', ') })}</>}
      </p>
      {themeList && <p>{t('record.repeat.themes', { themes: themeList })}</p>}
      {found.knowThat && (
        <p>
          {t('record.repeat.knowThat', { text: found.knowThat.text })}{' '}
          <span className="hint">
            {found.knowThat.centre
              ? t('record.repeat.knowThatFrom', { centre: found.knowThat.centre, date: date(found.knowThat.at) })
              : t('record.repeat.knowThatHere', { date: date(found.knowThat.at) })}
          </span>
        </p>
      )}
      <p className="hint">{t('record.repeat.note')}</p>
    </div>
  );
}
