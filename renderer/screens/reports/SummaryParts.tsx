import type { ReactNode } from 'react';

// The shift summary's repeated shapes, written once: a titled list that says so when it is
// empty, and a titled two-column table of counts.

export function SummaryList<T>({ title, titleId, empty, items, data, item, after }: {
  title: string;
  /** Names the section for assistive technology (aria-labelledby). */
  titleId?: string;
  empty: string;
  items: readonly T[];
  /** A `data-*` marker on the list, for journeys to find it. */
  data?: string;
  /** One `<li>` (with its key) per item. */
  item: (x: T, i: number) => ReactNode;
  after?: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h4 id={titleId}>{title}</h4>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list" {...(data ? { [`data-${data}`]: true } : {})}>
          {items.map(item)}
        </ul>
      )}
      {after}
    </section>
  );
}

export function CountTable({ title, rows }: { title: string; rows: ReadonlyArray<{ key: string; label: string; count: number; data?: Record<string, string> }> }) {
  return (
    <section className="panel">
      <h4>{title}</h4>
      <table className="report-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} {...r.data}>
              <th scope="row">{r.label}</th>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
