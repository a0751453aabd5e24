import { type ReactNode, type Ref, useEffect, useId, useRef, useState } from 'react';

// The one search combobox (issue 13, point 6): the directory search and the referral search of
// the call console. A text box with role combobox over a listbox of answers; arrow keys move
// the active option, Enter picks it, Escape clears, a click picks without taking the focus.
// With `waitForAnswer`, Enter typed before the answer to the latest keystroke arrived picks the
// first answer then (the directory: type and Enter); without, Enter picks what is on screen.

export interface SearchComboboxProps<T> {
  label: ReactNode;
  query: string;
  onQueryChange(query: string): void;
  /** The answers to `answeredFor`: the query they answer (null: none yet). */
  items: readonly T[];
  answeredFor: string | null;
  itemKey(item: T): string;
  renderItem(item: T): ReactNode;
  onPick(item: T, index: number): void;
  listLabel: string;
  /** Keep the listbox in the page when it is empty (the directory's result pane). */
  keepList?: boolean;
  listClassName?: string;
  listData?: Record<`data-${string}`, string | undefined>;
  optionClassName?(item: T): string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  keyShortcuts?: string;
  autoFocus?: boolean;
  maxLength?: number;
  /** Enter before the latest answer waits for it (else it picks the active option shown). */
  waitForAnswer?: boolean;
  /** Shown between the box and the list (filters, counts, status). */
  children?: ReactNode;
}

export function SearchCombobox<T>(p: SearchComboboxProps<T>) {
  const listId = useId();
  const [active, setActive] = useState(0);
  // The latest answer, readable by a key handler before React re-renders with it.
  const items = useRef(p.items);
  items.current = p.items;
  const pickWhenAnswered = useRef(false);
  const { items: list, answeredFor, onPick } = p;

  useEffect(() => {
    setActive(0);
    if (pickWhenAnswered.current && answeredFor !== null) {
      pickWhenAnswered.current = false;
      if (list[0]) onPick(list[0], 0);
    }
    // A new answer only (onPick may change on every render).
  }, [list, answeredFor]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, items.current.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Compare with the box's live value: React may not have asked for it yet.
      if (p.waitForAnswer && p.answeredFor !== e.currentTarget.value) pickWhenAnswered.current = true;
      else {
        const item = items.current[active];
        if (item) onPick(item, active);
      }
    } else if (e.key === 'Escape' && p.query) {
      e.preventDefault();
      p.onQueryChange('');
    }
  };

  return (
    <>
      <label className="field">
        <span>{p.label}</span>
        <input
          ref={p.inputRef}
          type="search"
          role="combobox"
          aria-expanded={list.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={list[active] ? `${listId}-${active}` : undefined}
          aria-keyshortcuts={p.keyShortcuts}
          placeholder={p.placeholder}
          value={p.query}
          maxLength={p.maxLength ?? 200}
          autoFocus={p.autoFocus}
          onChange={(e) => p.onQueryChange(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {p.children}
      {(p.keepList || list.length > 0) && (
        <ul id={listId} role="listbox" aria-label={p.listLabel} className={p.listClassName} {...p.listData}>
          {list.map((item, i) => (
            <li
              key={p.itemKey(item)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={p.optionClassName?.(item)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(i);
                onPick(item, i);
              }}
            >
              {p.renderItem(item)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
