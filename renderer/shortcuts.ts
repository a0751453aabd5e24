import { useLayoutEffect, useRef } from 'react';

// Global keyboard shortcuts, declared as data so the help overlay lists exactly what works.
export interface Shortcut {
  /** e.g. `F1`, `Alt+1`, `Ctrl+K`. */
  keys: string;
  labelKey: string;
  run: () => void;
}

export function matches(e: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const want = new Set(parts.map((p) => p.toLowerCase()));
  if (want.has('ctrl') !== (e.ctrlKey || e.metaKey)) return false;
  if (want.has('alt') !== e.altKey) return false;
  if (want.has('shift') !== e.shiftKey) return false;
  if (/^\d$/.test(key)) return e.code === `Digit${key}`;
  return e.key.toLowerCase() === key.toLowerCase();
}

export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  // Attached before the first paint: a key pressed as soon as the screen shows is never lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      for (const s of ref.current) {
        if (matches(e, s.keys)) {
          e.preventDefault();
          s.run();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
