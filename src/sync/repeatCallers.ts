import { normalisePseudonym } from '../domain/pseudonym.ts';
import type { Db } from '../store/openDatabase.ts';
import { sharedMarksOf } from './callerMarks.ts';
import { readHubLink } from './hubLinkRepository.ts';
import { callerMarkId } from './lineKeyDerived.ts';

// "Monsieur X, qui rappelle chaque lundi" (issue 15, point 7): the earlier calls with the
// pseudonym being typed — this PC's own calls, compared on the normalised pseudonym, and, when
// the PC is joined to the line's hub, every centre's marks with the same keyed hash. Recognised,
// not identified: a count, the last date, the themes and the last "à savoir" line; never the
// notes, never who the caller is.

export interface RepeatCaller {
  count: number;
  lastAt: string | null;
  /** Themes of those calls, most frequent first. */
  themes: Array<{ code: string; count: number }>;
  /** The latest non-empty "à savoir" line, with the centre that wrote it (null: this PC). */
  knowThat: { text: string; at: string; centre: string | null } | null;
  /** Other centres that met this pseudonym. */
  centres: string[];
}

interface Earlier {
  key: string;
  at: string;
  themes: string[];
  knowThat: string | null;
  centre: string | null;
}

export function repeatCaller(db: Db, pseudonym: string, excludeCallId: string | null): RepeatCaller {
  const wanted = normalisePseudonym(pseudonym);
  const empty: RepeatCaller = { count: 0, lastAt: null, themes: [], knowThat: null, centres: [] };
  if (!wanted) return empty;
  const link = readHubLink(db);
  // This PC's calls: a plain scan of the pseudonymous ones (a few thousand at most once the
  // retention purge has run) compared in JavaScript, where normalisation lives.
  const local = (db.prepare(`SELECT id, started_at, pseudonym, know_that FROM calls WHERE pseudonym IS NOT NULL AND id <> ?`).all(excludeCallId ?? '') as Array<{ id: string; started_at: string; pseudonym: string; know_that: string | null }>).filter(
    (c) => normalisePseudonym(c.pseudonym) === wanted,
  );
  const themesOf = db.prepare('SELECT theme_code FROM call_themes WHERE call_id = ? ORDER BY position').pluck();
  const earlier = new Map<string, Earlier>();
  for (const c of local) {
    // Keyed like the hub's mark of the same call, so a call pulled back is counted once.
    const key = link ? callerMarkId(link.lineKey, c.id) : c.id;
    earlier.set(key, { key, at: c.started_at, themes: themesOf.all(c.id) as string[], knowThat: c.know_that?.trim() || null, centre: null });
  }
  if (link) {
    const current = excludeCallId ? callerMarkId(link.lineKey, excludeCallId) : null;
    for (const m of sharedMarksOf(db, link.lineKey, pseudonym)) {
      if (m.id === current || earlier.has(m.id)) continue;
      earlier.set(m.id, { key: m.id, at: m.at, themes: m.themes, knowThat: m.knowThat, centre: m.centre === link.centre ? null : m.centre });
    }
  }
  if (!earlier.size) return empty;
  const list = [...earlier.values()].sort((a, b) => b.at.localeCompare(a.at));
  const counts = new Map<string, number>();
  for (const e of list) for (const t of new Set(e.themes)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const withNote = list.find((e) => e.knowThat);
  return {
    count: list.length,
    lastAt: list[0]?.at ?? null,
    themes: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, count]) => ({ code, count })),
    knowThat: withNote?.knowThat ? { text: withNote.knowThat, at: withNote.at, centre: withNote.centre } : null,
    centres: [...new Set(list.flatMap((e) => (e.centre ? [e.centre] : [])))].sort(),
  };
}
