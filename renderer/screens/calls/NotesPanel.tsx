import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteView } from '../../../src/contract/callsContract.ts';
import { formatCallTime } from '../../../src/domain/duration.ts';
import { call, OperationError } from '../../bridge.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';
import { type SaveTracker, SerialSaver } from './autosave.ts';
import { GuardFlags } from './GuardFlags.tsx';
import { useGuard, useRedactShortcut } from './guard.ts';

// Timed notes. Each entry carries the call-relative time and the wall-clock time it was begun
// (stamped by main). The composer creates its entry at the first keystroke and autosaves it;
// Enter files it under the others and starts a new one (Shift+Enter: a new line). Every entry
// stays editable until the call is closed. Entries are memoised: typing in one, or the timer
// ticking, never re-renders the other 499.

/** Errors a retry cannot fix are marked so the saver does not retry them. */
function noRetry(e: unknown): unknown {
  if (e instanceof OperationError && ['Conflict', 'NotFound', 'InvalidInput', 'Forbidden'].includes(e.payload.code)) {
    return Object.assign(e, { retry: false });
  }
  return e;
}

function Stamp({ note }: { note: Pick<NoteView, 'offsetMs' | 'wallAt'> }) {
  const { i18n } = useTranslation('calls');
  return (
    <span className="note-stamp" aria-hidden="true">
      <span className="mono">{formatCallTime(note.offsetMs)}</span>
      <span className="muted">{formatDateTime(note.wallAt, i18n.language as UiLang, { timeStyle: 'short' })}</span>
    </span>
  );
}

const NoteEntry = memo(function NoteEntry({ note, callId, editable, tracker, onEmptied }: {
  note: NoteView;
  callId: string;
  editable: boolean;
  tracker: SaveTracker;
  onEmptied: (id: number) => void;
}) {
  const { t, i18n } = useTranslation('calls');
  const [text, setTextState] = useState(note.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const saver = useRef<SerialSaver<string> | null>(null);
  saver.current ??= new SerialSaver<string>(
    (value) => call('calls.updateNote', { callId, noteId: note.id, text: value }).then(() => undefined, (e: unknown) => Promise.reject(noRetry(e))),
    tracker,
  );
  useEffect(() => {
    // Leaving the screen: whatever is pending is still committed (release flushes first).
    const s = saver.current;
    s?.retain();
    return () => s?.release();
  }, []);
  const setText = useCallback((next: string) => {
    setTextState(next);
    saver.current?.schedule(next);
  }, []);
  const { findings, redact, redactAll } = useGuard(text, setText, ref);
  useRedactShortcut(ref, redactAll);
  const label = t('notes.entryLabel', { offset: formatCallTime(note.offsetMs), time: formatDateTime(note.wallAt, i18n.language as UiLang, { timeStyle: 'short' }) });
  return (
    <li className={`note${findings.length ? ' flagged' : ''}`} data-testid="note-entry">
      <Stamp note={note} />
      <div className="note-body">
        {editable ? (
          <textarea
            ref={ref}
            className="note-text"
            aria-label={label}
            aria-invalid={findings.length > 0 || undefined}
            value={text}
            rows={1}
            maxLength={10_000}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => {
              if (text.trim() === '') void saver.current?.flush().then(() => onEmptied(note.id));
            }}
          />
        ) : (
          <p className="note-text readonly" aria-label={label}>{text}</p>
        )}
        {editable && <GuardFlags findings={findings} onRedact={redact} onRedactAll={redactAll} />}
      </div>
    </li>
  );
});

interface Draft {
  noteId: number | null;
  view: NoteView | null;
  saver: SerialSaver<string>;
}

export interface NotesPanelHandle {
  focusComposer(): void;
  /** Commits every pending note change; resolves once main has them all. */
  flush(): Promise<void>;
}

export const NotesPanel = forwardRef<NotesPanelHandle, { callId: string; initial: NoteView[]; editable: boolean; tracker: SaveTracker }>(function NotesPanel(
  { callId, initial, editable, tracker },
  handle,
) {
  const { t } = useTranslation('calls');
  const [entries, setEntries] = useState<NoteView[]>(() => initial.filter((n) => n.text.trim() !== ''));
  const [text, setTextState] = useState('');
  const [stamp, setStamp] = useState<NoteView | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const drafts = useRef(new Set<Draft>());
  const mounted = useRef(false);

  const newDraft = useCallback((): Draft => {
    const d: Draft = {
      noteId: null,
      view: null,
      saver: null as unknown as SerialSaver<string>,
    };
    d.saver = new SerialSaver<string>(async (value) => {
      try {
        if (d.noteId === null) {
          if (value === '') return;
          const v = await call('calls.addNote', { callId, text: value });
          d.noteId = v.id;
          d.view = v;
          if (draft.current === d) setStamp(v);
        } else {
          d.view = await call('calls.updateNote', { callId, noteId: d.noteId, text: value });
        }
      } catch (e) {
        throw noRetry(e);
      }
    }, tracker);
    drafts.current.add(d);
    if (mounted.current) d.saver.retain();
    return d;
  }, [callId, tracker]);
  const draft = useRef<Draft | null>(null);
  draft.current ??= newDraft();

  useEffect(() => {
    mounted.current = true;
    const all = drafts.current;
    for (const d of all) d.saver.retain();
    return () => {
      mounted.current = false;
      for (const d of all) d.saver.release();
    };
  }, []);

  const setText = useCallback((next: string) => {
    setTextState(next);
    draft.current?.saver.schedule(next);
  }, []);
  const { findings, redact, redactAll } = useGuard(text, setText, composerRef);
  useRedactShortcut(composerRef, redactAll);

  const file = async () => {
    const d = draft.current;
    if (!d || text.trim() === '') return;
    // The next keystrokes already go to a new entry while this one is committed and filed.
    draft.current = newDraft();
    setTextState('');
    setStamp(null);
    await d.saver.flush();
    drafts.current.delete(d);
    d.saver.release();
    const filed = d.view;
    if (filed) {
      setEntries((list) => [...list, filed]);
      requestAnimationFrame(() => listRef.current?.lastElementChild?.scrollIntoView({ block: 'nearest' }));
    }
  };

  const onEmptied = useCallback(
    (id: number) => {
      setEntries((list) => list.filter((n) => n.id !== id));
      void call('calls.deleteNote', { callId, noteId: id }).catch(() => {});
    },
    [callId],
  );

  useImperativeHandle(handle, () => ({
    focusComposer: () => composerRef.current?.focus(),
    flush: () => tracker.flushAll(),
  }));

  return (
    <section className="notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <ol className="notes" ref={listRef} aria-label={t('notes.listLabel', { count: entries.length })}>
        {entries.map((n) => (
          <NoteEntry key={n.id} note={n} callId={callId} editable={editable} tracker={tracker} onEmptied={onEmptied} />
        ))}
      </ol>
      {entries.length === 0 && !editable && <p className="muted">{t('notes.none')}</p>}
      {editable && (
        <div className={`composer${findings.length ? ' flagged' : ''}`}>
          <label className="field">
            <span>
              {t('notes.composer')} <kbd>Alt+N</kbd>
              {stamp && (
                <span className="composer-stamp">
                  {' '}
                  <Stamp note={stamp} />
                </span>
              )}
            </span>
            <textarea
              ref={composerRef}
              data-testid="note-composer"
              value={text}
              rows={3}
              maxLength={10_000}
              aria-describedby="composer-hint"
              aria-keyshortcuts="Alt+N"
              aria-invalid={findings.length > 0 || undefined}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  void file();
                }
              }}
            />
          </label>
          <p id="composer-hint" className="hint">{t('notes.composerHint')}</p>
          <GuardFlags findings={findings} onRedact={redact} onRedactAll={redactAll} />
        </div>
      )}
    </section>
  );
});
