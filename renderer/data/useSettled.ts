import { useEffect, useState } from 'react';

// What a read asks while the person is still typing: the value once it stopped changing for
// `ms` (a search, a pseudonym), so main is asked once per pause rather than once per keystroke.
// The previous answer stays on screen meanwhile (useOperation's keepPrevious).

export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
