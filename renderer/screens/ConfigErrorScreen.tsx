import { useTranslation } from 'react-i18next';
import type { StoreStatusView } from '../../src/contract/systemContract.ts';
import { useReasonText } from '../components/ErrorMessage.tsx';
import { useOperation } from '../data/useOperation.ts';

/**
 * The store is blocked: config.json cannot be read (the data folder it names is unknown) or the
 * data folder belongs to another OS account. Nothing is opened or created anywhere else; this
 * screen says what IT must correct — file, line, column and the usual cause — and nothing more.
 */
export function ConfigErrorScreen({ status }: { status: StoreStatusView }) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  // config.json's problems carry reason keys (reasons.json, config.*): said in the UI language.
  const said = (x: { message: string; reason?: string | undefined; params?: Record<string, string | number> | undefined; rule?: string | undefined; limit?: number | undefined }): string =>
    x.reason && i18n.exists(`reasons:${x.reason}`)
      ? t(`reasons:${x.reason}`, { ...x.params })
      : x.rule && i18n.exists(`common:errors.issue.${x.rule}`)
        ? t(`common:errors.issue.${x.rule}`, { limit: x.limit ?? '' })
        : x.message;
  const config = useOperation('config.get', {}).data ?? null;
  const wrongAccount = status.problem?.code === 'WrongAccount';
  const syntax = config?.problem?.syntax ?? null;
  const backslash = syntax?.hint?.includes('backslash') ?? false;
  return (
    <main className="gate-card config-error" aria-labelledby="config-error-title" data-blocked={status.problem?.code ?? ''}>
      <h2 id="config-error-title">{t(wrongAccount ? 'blocked.accountTitle' : 'blocked.configTitle')}</h2>
      <p>{t(wrongAccount ? 'blocked.accountIntro' : 'blocked.configIntro')}</p>
      {!wrongAccount && config?.path && (
        <p data-config-location="">
          {syntax ? t('blocked.where', { file: config.path, line: syntax.line, column: syntax.column }) : t('blocked.file', { file: config.path })}
        </p>
      )}
      {!wrongAccount && backslash && <p className="badge warn" data-config-hint="">{t('blocked.backslash')}</p>}
      {!wrongAccount && syntax?.hint && !backslash && <p className="badge warn" data-config-hint="">{said({ message: syntax.hint, reason: config?.problem?.issues.find((i) => i.hintReason)?.hintReason })}</p>}
      {!wrongAccount && config?.problem && config.problem.issues.length > 0 && (
        <ul className="config-issues" data-config-issues="">
          {config.problem.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path}</code> — {said(issue)}
            </li>
          ))}
        </ul>
      )}
      {status.problem && <p role="alert">{!wrongAccount && config?.problem?.reason ? said(config.problem) : reasonText(status.problem)}</p>}
      {/* The file's own words (paths, JSON keys) for whoever edits it: technical, so labelled as such. */}
      {status.problem && (
        <figure className="technical" data-testid="blocked-technical">
          <figcaption>{t('blocked.technical')}</figcaption>
          <pre>{status.problem.message}</pre>
        </figure>
      )}
      <p className="muted">{t(wrongAccount ? 'blocked.accountFix' : 'blocked.configFix')}</p>
    </main>
  );
}
