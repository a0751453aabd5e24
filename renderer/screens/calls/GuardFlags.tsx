import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentifyingFinding } from '../../../src/domain/identifyingData.ts';

/** Masks a passage for display in the flag itself: the flag must not repeat the whole number. */
function masked(s: string): string {
  return s.length <= 6 ? s : `${s.slice(0, 4)}…${s.slice(-2)}`;
}

/**
 * The anonymity guard's inline flags under a text field: what looks identifying, and a
 * one-click redaction for each. Announced politely to screen readers.
 */
export const GuardFlags = memo(function GuardFlags({ findings, onRedact, onRedactAll }: {
  findings: readonly IdentifyingFinding[];
  onRedact: (f: IdentifyingFinding) => void;
  onRedactAll: () => void;
}) {
  const { t } = useTranslation('calls');
  if (!findings.length) return null;
  return (
    <div className="guard-flags" role="status">
      <span className="guard-title">{t('guard.title', { count: findings.length })}</span>
      <ul>
        {findings.map((f) => (
          <li key={`${f.start}-${f.kind}`}>
            <span>{t(`guard.kind.${f.kind}`)}: <span className="mono">{masked(f.match)}</span></span>
            <button type="button" className="small" onClick={() => onRedact(f)}>
              {t('guard.redact')}
            </button>
          </li>
        ))}
      </ul>
      {findings.length > 1 && (
        <button type="button" className="small" onClick={onRedactAll} aria-keyshortcuts="Alt+X">
          {t('guard.redactAll')} <kbd>Alt+X</kbd>
        </button>
      )}
    </div>
  );
});
