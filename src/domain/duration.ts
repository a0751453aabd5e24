// Call timer display: mm:ss, and hh:mm:ss once a call passes an hour ("a caller may talk for
// two hours"). Shared by the console, the history and reports.

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** 252000 → "04:12"; 3723000 → "01:02:03". Negative or missing durations show as 00:00. */
export function formatCallTime(ms: number | null | undefined): string {
  const total = Math.max(0, Math.floor((ms ?? 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${two(h)}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The same duration spoken for screen readers' labels: { h, m, s }. */
export function callTimeParts(ms: number | null | undefined): { h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor((ms ?? 0) / 1000));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}
