import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ErrorIssue, ErrorPayload } from '../../src/errors.ts';

/** Anything src/ explains: English `message` for logs, and a reason key + parameters for screens. */
export interface Explained {
  message: string;
  reason?: string;
  params?: Record<string, string | number>;
}

type Exists = (key: string) => boolean;

/** The reason in the user's language (src/domain/locales/<lang>/reasons.json), or null when it has none. */
function translatedReason(x: Explained, t: TFunction, exists: Exists): string | null {
  const key = x.reason ? `reasons:${x.reason}` : null;
  return key && exists(key) ? t(key, { ...x.params }) : null;
}

/** Each refused field said in words ("trop long : 200 caractères au plus"), never zod's English. */
function issuesText(issues: readonly ErrorIssue[], t: TFunction, exists: Exists): string {
  const said = issues.map((i) => {
    const rule = i.rule && exists(`common:errors.issue.${i.rule}`) ? i.rule : i.rule && exists(`common:errors.issue.${i.rule.split('.')[0]}`) ? i.rule.split('.')[0] : 'other';
    return t(`common:errors.issue.${rule}`, { limit: i.limit ?? '' });
  });
  return [...new Set(said)].join(' ; ');
}

/**
 * The reason of a typed error in the user's language. Never main's English: a refused input
 * says what was wrong with each field, an error without a translated reason says what its kind
 * means (common:errors.code.<code>).
 */
export function reasonOf(error: ErrorPayload, t: TFunction, exists: Exists): string {
  if (error.code === 'InvalidInput' && error.issues?.length && (!error.reason || error.reason === 'input.invalid')) return issuesText(error.issues, t, exists);
  return translatedReason(error, t, exists) ?? t(`common:errors.code.${error.code}`);
}

/** `(error) => its reason in the user's language`, for screens that lay an error out themselves. */
export function useReasonText(): (error: ErrorPayload) => string {
  const { t, i18n } = useTranslation();
  return (error) => reasonOf(error, t, (k) => i18n.exists(k));
}

/**
 * For lists src/ explains item by item (import warnings, lexicon problems, notices): the
 * translated reason when the item carries one, else its message.
 */
export function useExplain(): (x: Explained) => string {
  const { t, i18n } = useTranslation();
  return (x) => translatedReason(x, t, (k) => i18n.exists(k)) ?? x.message;
}

/** Explains a typed error in the user's language. */
export function ErrorMessage({ error }: { error: ErrorPayload | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const key = `common:errors.${error.code}`;
  const message = reasonOf(error, t, (k) => i18n.exists(k));
  const text = i18n.exists(key) ? t(key, { message }) : message;
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
