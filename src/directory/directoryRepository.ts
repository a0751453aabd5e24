import { AppError } from '../errors.ts';
import { BUILTIN_THEMES, THEME_CODE_PATTERN, type Lang, type ThemeEntry } from '../domain/taxonomy.ts';
import type { Db } from '../store/openDatabase.ts';
import type { LexiconEntry } from './lexicon/lexiconSchema.ts';
import { LIST_FIELDS, SERVICE_FIELDS, type NoteKind, type ReachabilityNote, type Service } from './serviceSchema.ts';

// The directory's only SQL. Services travel in their canonical form (see serviceSchema.ts);
// list fields are stored as JSON arrays.

interface ServiceRow {
  [k: string]: string | null;
}

const COLUMNS = SERVICE_FIELDS.join(', ');
const LIST_SET: ReadonlySet<string> = new Set(LIST_FIELDS);

function fromRow(row: ServiceRow): Service {
  const s: Record<string, unknown> = {};
  for (const f of SERVICE_FIELDS) {
    const v = row[f] ?? null;
    s[f] = f === 'crisis' ? (v as unknown) === 1 : LIST_SET.has(f) ? (JSON.parse(v ?? '[]') as string[]) : v;
  }
  return s as unknown as Service;
}

function toParams(s: Service, now: string): Record<string, string | null> {
  const p: Record<string, string | null> = { now };
  for (const f of SERVICE_FIELDS) {
    const v = s[f];
    // `crisis` is a 0/1 column (a service written before issue 16 has none: not a crisis line).
    p[f] = f === 'crisis' ? ((v === true ? 1 : 0) as unknown as string) : Array.isArray(v) ? JSON.stringify(v) : (v as string | null);
  }
  return p;
}

export interface ThemeView extends ThemeEntry {
  builtin: boolean;
}

export interface DirectoryRepository {
  listServices(): Service[];
  getService(id: string): Service | null;
  /** Map id → service, for diffing an import against the store. */
  servicesById(ids?: readonly string[]): Map<string, Service>;
  countServices(): number;
  /** Every service, alternate and organisation name, distinct (the anonymity guard knows them). */
  serviceNames(): string[];
  /** Inserts or replaces every service in one transaction; returns how many rows were written. */
  upsertServices(services: readonly Service[], now: Date, onProgress?: (done: number, total: number) => void): number;
  addNote(serviceId: string, text: string, responder: string, now: Date, kind?: NoteKind): ReachabilityNote;
  listNotes(serviceId: string): ReachabilityNote[];
  /** Services added or changed since an instant, newest first (home board: "since your last shift"). */
  changedSince(sinceIso: string, limit: number): { total: number; services: Array<{ id: string; name: string; added: boolean; at: string }> };
  /** Services flagged `crisis` (emergency and listening lines), by name. */
  crisisLines(): Service[];
  /** Reachability notes written since an instant, newest first, with their service's name. */
  notesSince(sinceIso: string, limit: number): Array<{ id: number; serviceId: string; serviceName: string; text: string; createdAt: string }>;
  /** "Unreachable" notes per service since `since` (ISO), for result rows, the worklist and the barometer. */
  unreachableCounts(since: string): Map<string, number>;
  /** The situation lexicon as stored (empty: the shipped default applies). */
  listLexicon(): LexiconEntry[];
  /** Replaces the whole lexicon in one transaction. */
  replaceLexicon(entries: readonly LexiconEntry[]): void;
  listThemes(): ThemeView[];
  themeCodes(): Set<string>;
  addTheme(entry: { code: string; labels: Record<Lang, string> }, createdBy: string | null, now: Date): ThemeView;
  /** Synonym groups for the search engine (each group a list of equivalent terms). */
  listSynonymGroups(): string[][];
  replaceSynonymGroups(groups: readonly (readonly string[])[]): void;
}

export function directoryRepository(db: Db): DirectoryRepository {
  const upsert = db.prepare(`
    INSERT INTO services (${COLUMNS}, created_at, updated_at)
    VALUES (${SERVICE_FIELDS.map((f) => `@${f}`).join(', ')}, @now, @now)
    ON CONFLICT(id) DO UPDATE SET ${SERVICE_FIELDS.filter((f) => f !== 'id').map((f) => `${f} = excluded.${f}`).join(', ')}, updated_at = excluded.updated_at`);
  const selectAll = db.prepare(`SELECT ${COLUMNS} FROM services ORDER BY id`);
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM services WHERE id = ?`);

  const repo: DirectoryRepository = {
    listServices() {
      return (selectAll.all() as ServiceRow[]).map(fromRow);
    },
    getService(id) {
      const row = selectOne.get(id) as ServiceRow | undefined;
      return row ? fromRow(row) : null;
    },
    servicesById(ids) {
      const map = new Map<string, Service>();
      if (!ids) {
        for (const s of repo.listServices()) map.set(s.id, s);
        return map;
      }
      for (const id of ids) {
        const s = repo.getService(id);
        if (s) map.set(id, s);
      }
      return map;
    },
    countServices() {
      return db.prepare('SELECT count(*) FROM services').pluck().get() as number;
    },
    serviceNames() {
      return db
        .prepare('SELECT name FROM services UNION SELECT alternate_name FROM services WHERE alternate_name IS NOT NULL UNION SELECT organization FROM services WHERE organization IS NOT NULL')
        .pluck()
        .all() as string[];
    },
    upsertServices(services, now, onProgress) {
      const at = now.toISOString();
      const run = db.transaction(() => {
        let done = 0;
        for (const s of services) {
          upsert.run(toParams(s, at));
          done++;
          if (onProgress && (done % 1000 === 0 || done === services.length)) onProgress(done, services.length);
        }
        return done;
      });
      return run();
    },
    addNote(serviceId, text, responder, now, kind = 'note') {
      if (!selectOne.get(serviceId)) throw new AppError('NotFound', 'directory.serviceNotFound', { id: JSON.stringify(serviceId) });
      const createdAt = now.toISOString();
      const info = db
        .prepare('INSERT INTO reachability_notes (service_id, text, responder, created_at, kind) VALUES (?, ?, ?, ?, ?)')
        .run(serviceId, text, responder, createdAt, kind);
      return { id: Number(info.lastInsertRowid), service_id: serviceId, text, responder, created_at: createdAt, kind };
    },
    listNotes(serviceId) {
      return db
        .prepare('SELECT id, service_id, text, responder, created_at, centre, kind FROM reachability_notes WHERE service_id = ? ORDER BY created_at DESC, id DESC')
        .all(serviceId) as ReachabilityNote[];
    },
    changedSince(sinceIso, limit) {
      const total = db.prepare('SELECT count(*) FROM services WHERE updated_at > ?').pluck().get(sinceIso) as number;
      const rows = db
        .prepare('SELECT id, name, created_at > ? AS added, updated_at AS at FROM services WHERE updated_at > ? ORDER BY updated_at DESC, name LIMIT ?')
        .all(sinceIso, sinceIso, limit) as Array<{ id: string; name: string; added: number; at: string }>;
      return { total, services: rows.map((r) => ({ ...r, added: r.added === 1 })) };
    },
    crisisLines() {
      return (db.prepare(`SELECT ${COLUMNS} FROM services WHERE crisis = 1 AND status = 'active' ORDER BY name`).all() as ServiceRow[]).map(fromRow);
    },
    notesSince(sinceIso, limit) {
      return db
        .prepare(
          `SELECT n.id, n.service_id AS serviceId, s.name AS serviceName, n.text, n.created_at AS createdAt
           FROM reachability_notes n JOIN services s ON s.id = n.service_id WHERE n.created_at > ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
        )
        .all(sinceIso, limit) as Array<{ id: number; serviceId: string; serviceName: string; text: string; createdAt: string }>;
    },
    unreachableCounts(since) {
      const rows = db
        .prepare("SELECT service_id, count(*) AS n FROM reachability_notes WHERE kind = 'unreachable' AND created_at >= ? GROUP BY service_id")
        .all(since) as Array<{ service_id: string; n: number }>;
      return new Map(rows.map((r) => [r.service_id, r.n]));
    },
    listLexicon() {
      const rows = db.prepare('SELECT phrase, lang, themes, keywords FROM situation_lexicon ORDER BY id').all() as Array<Record<string, string>>;
      return rows.map((r) => ({
        phrase: r.phrase as string,
        lang: r.lang as LexiconEntry['lang'],
        themes: JSON.parse(r.themes as string) as string[],
        keywords: JSON.parse(r.keywords as string) as string[],
      }));
    },
    replaceLexicon(entries) {
      const ins = db.prepare('INSERT INTO situation_lexicon (phrase, lang, themes, keywords) VALUES (?, ?, ?, ?)');
      db.transaction(() => {
        db.prepare('DELETE FROM situation_lexicon').run();
        for (const e of entries) ins.run(e.phrase, e.lang, JSON.stringify(e.themes), JSON.stringify(e.keywords));
      })();
    },
    listThemes() {
      const added = db.prepare('SELECT code, label_fr, label_nl, label_en FROM taxonomy_additions ORDER BY code').all() as Array<Record<string, string>>;
      return [
        ...BUILTIN_THEMES.map((t) => ({ ...t, labels: { ...t.labels }, builtin: true })),
        ...added.map((r) => ({ code: r.code as string, labels: { fr: r.label_fr as string, nl: r.label_nl as string, en: r.label_en as string }, builtin: false })),
      ];
    },
    themeCodes() {
      return new Set(repo.listThemes().map((t) => t.code));
    },
    addTheme(entry, createdBy, now) {
      if (!THEME_CODE_PATTERN.test(entry.code)) {
        throw new AppError('InvalidInput', 'directory.themeCodeSyntax', undefined, [{ path: 'code', message: 'invalid code' }]);
      }
      if (repo.themeCodes().has(entry.code)) throw new AppError('Conflict', 'directory.themeExists', { code: entry.code });
      db.prepare('INSERT INTO taxonomy_additions (code, label_fr, label_nl, label_en, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        entry.code,
        entry.labels.fr,
        entry.labels.nl,
        entry.labels.en,
        createdBy,
        now.toISOString(),
      );
      return { code: entry.code, labels: { ...entry.labels }, builtin: false };
    },
    listSynonymGroups() {
      const rows = db.prepare('SELECT group_id, term FROM synonyms ORDER BY group_id, rowid').all() as Array<{ group_id: number; term: string }>;
      const groups = new Map<number, string[]>();
      for (const r of rows) {
        const g = groups.get(r.group_id) ?? [];
        g.push(r.term);
        groups.set(r.group_id, g);
      }
      return [...groups.values()];
    },
    replaceSynonymGroups(groups) {
      const ins = db.prepare('INSERT OR IGNORE INTO synonyms (group_id, term) VALUES (?, ?)');
      db.transaction(() => {
        db.prepare('DELETE FROM synonyms').run();
        groups.forEach((g, i) => {
          for (const term of g) ins.run(i + 1, term);
        });
      })();
    },
  };
  return repo;
}
