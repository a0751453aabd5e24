import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../src/errors.ts';

/** The reason of a typed error in the user's language (src/domain/locales/<lang>/reasons.json), else main's English message. */
export function reasonOf(error: ErrorPayload, t: TFunction, exists: (key: string) => boolean): string {
  const key = error.reason ? `reasons:${error.reason}` : null;
  return key && exists(key) ? t(key, { ...error.params }) : error.message;
}

/** `(error) => its reason in the user's language`, for screens that lay an error out themselves. */
export function useReasonText(): (error: ErrorPayload) => string {
  const { t, i18n } = useTranslation();
  return (error) => reasonOf(error, t, (k) => i18n.exists(k));
}

/** Explains a typed error in the user's language, falling back to main's message. */
export function ErrorMessage({ error }: { error: ErrorPayload | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const key = `errors.${error.code}`;
  const message = reasonOf(error, t, (k) => i18n.exists(k));
  const text = i18n.exists(key) ? t(key, { message }) : t('errors.generic', { message });
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
