// Marks the matched ranges (inclusive [start, end] pairs, as the search returns them).
export function Highlight({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] | undefined }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: React.ReactNode[] = [];
  let pos = 0;
  sorted.forEach(([start, end], i) => {
    if (start < pos || start >= text.length) return;
    if (start > pos) parts.push(text.slice(pos, start));
    parts.push(<mark key={i}>{text.slice(start, end + 1)}</mark>);
    pos = end + 1;
  });
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}
