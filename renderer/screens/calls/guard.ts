import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { findIdentifyingData, type IdentifyingFinding, redactIdentifyingData } from '../../../src/domain/identifyingData.ts';
import { useGuardContext } from './guardContext.tsx';

// The anonymity guard on a text field: findings recomputed as the text changes, one-click
// redaction of one finding or all, and Alt+X (a global shortcut) on the focused field.

export const REDACT_EVENT = 'relais:redact';

/** `field`: where the keyboard goes back after a redaction (the flag's button disappears). */
export function useGuard(text: string, setText: (next: string) => void, field?: RefObject<HTMLElement | null>) {
  const { t } = useTranslation('calls');
  const context = useGuardContext();
  const findings = useMemo(() => findIdentifyingData(text, context), [text, context]);
  const textRef = useRef(text);
  textRef.current = text;
  const replacement = useCallback((kind: IdentifyingFinding['kind']) => t(`guard.redacted.${kind}`), [t]);
  const refocus = useCallback(() => {
    if (field?.current && document.activeElement !== field.current) requestAnimationFrame(() => field.current?.focus());
  }, [field]);
  const redact = useCallback(
    (f: IdentifyingFinding) => {
      setText(redactIdentifyingData(textRef.current, replacement, [f]));
      refocus();
    },
    [setText, replacement, refocus],
  );
  const redactAll = useCallback(() => {
    const next = redactIdentifyingData(textRef.current, replacement);
    if (next !== textRef.current) setText(next);
    refocus();
  }, [setText, replacement, refocus]);
  return { findings, redact, redactAll };
}

/** Lets the global Alt+X reach the focused field: the console dispatches REDACT_EVENT on it. */
export function useRedactShortcut(ref: RefObject<HTMLElement | null>, redactAll: () => void): void {
  const fn = useRef(redactAll);
  fn.current = redactAll;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const on = () => fn.current();
    el.addEventListener(REDACT_EVENT, on);
    return () => el.removeEventListener(REDACT_EVENT, on);
  }, [ref]);
}

/** Called by the console for Alt+X: redacts in whatever guarded field has focus. */
export function redactFocusedField(): void {
  document.activeElement?.dispatchEvent(new Event(REDACT_EVENT));
}
