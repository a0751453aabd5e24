import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../src/errors.ts';

/** Explains a typed error in the user's language, falling back to main's message. */
export function ErrorMessage({ error }: { error: ErrorPayload | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const key = `errors.${error.code}`;
  const text = i18n.exists(key) ? t(key, { message: error.message }) : t('errors.generic', { message: error.message });
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
