import type { EventPayload } from '../contract/index.ts';
import { timeOf } from '../domain/brusselsTime.ts';

// The words of the OS notification main shows for a `callbacks.due` event. What a desktop
// notification may show: a count, a Brussels time, a language — never a number or a reason
// (notifications linger in the OS's notification centre and on a shared screen).

export type NotificationLang = 'fr' | 'nl' | 'en';

const LANG_NAMES: Record<NotificationLang, Record<string, string>> = {
  fr: { fr: 'français', nl: 'néerlandais', en: 'anglais', ar: 'arabe', other: 'autre langue' },
  nl: { fr: 'Frans', nl: 'Nederlands', en: 'Engels', ar: 'Arabisch', other: 'andere taal' },
  en: { fr: 'French', nl: 'Dutch', en: 'English', ar: 'Arabic', other: 'other language' },
};

export function dueNotificationText(e: EventPayload<'callbacks.due'>, lang: NotificationLang): { title: string; body: string } {
  const first = e.callbacks[0];
  const onTime = e.count - e.missed;
  if (lang === 'nl') {
    return {
      title: 'Relais — terugbellen',
      body:
        e.missed > 0
          ? `${e.missed} terugbelafspraak${e.missed > 1 ? 'en' : ''} gemist terwijl Relais gesloten was${onTime > 0 ? `, ${onTime} nu` : ''}. Zie Terugbellen (Alt+4).`
          : e.count === 1 && first
            ? `Terugbellen om ${timeOf(first.dueAt)} (${LANG_NAMES.nl[first.language]}). Zie Terugbellen (Alt+4).`
            : `${e.count} terugbelafspraken nu. Zie Terugbellen (Alt+4).`,
    };
  }
  if (lang === 'en') {
    return {
      title: 'Relais — callback due',
      body:
        e.missed > 0
          ? `${e.missed} callback${e.missed > 1 ? 's' : ''} missed while Relais was closed${onTime > 0 ? `, ${onTime} due now` : ''}. See Callbacks (Alt+4).`
          : e.count === 1 && first
            ? `Callback due at ${timeOf(first.dueAt)} (${LANG_NAMES.en[first.language]}). See Callbacks (Alt+4).`
            : `${e.count} callbacks due now. See Callbacks (Alt+4).`,
    };
  }
  return {
    title: 'Relais — rappel à faire',
    body:
      e.missed > 0
        ? `${e.missed} rappel${e.missed > 1 ? 's' : ''} manqué${e.missed > 1 ? 's' : ''} pendant que Relais était fermé${onTime > 0 ? `, ${onTime} à faire maintenant` : ''}. Voir Rappels (Alt+4).`
        : e.count === 1 && first
          ? `Rappel prévu à ${timeOf(first.dueAt)} (${LANG_NAMES.fr[first.language]}). Voir Rappels (Alt+4).`
          : `${e.count} rappels à faire maintenant. Voir Rappels (Alt+4).`,
  };
}
