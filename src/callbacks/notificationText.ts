import type { EventPayload } from '../contract/index.ts';
import { timeOf } from '../domain/brusselsTime.ts';
import { sharedT } from '../domain/i18n.ts';

// The words of the OS notification main shows for a `callbacks.due` event (in
// src/domain/locales/<lang>/notifications.json). What a desktop notification may show: a
// count, a Brussels time, a language — never a number or a reason (notifications linger in
// the OS's notification centre and on a shared screen).

export type NotificationLang = 'fr' | 'nl' | 'en';

const LANGUAGES = ['fr', 'nl', 'en', 'ar', 'other'] as const;

export function dueNotificationText(e: EventPayload<'callbacks.due'>, lang: NotificationLang): { title: string; body: string } {
  const t = sharedT(lang, 'notifications');
  const first = e.callbacks[0];
  const onTime = e.count - e.missed;
  const language = (code: string) => t(`languages.${(LANGUAGES as readonly string[]).includes(code) ? code : 'other'}`);
  const what =
    e.missed > 0
      ? t('missed', { count: e.missed }) + (onTime > 0 ? t('missedOnTime', { onTime }) : '')
      : e.count === 1 && first
        ? t('dueAt', { time: timeOf(first.dueAt), language: language(first.language) })
        : t('dueNow', { n: e.count });
  return { title: t('title'), body: what + t('seeCallbacks') };
}
