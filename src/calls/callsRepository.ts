import crypto from 'node:crypto';
import type { CallStatus, NoteView } from '../contract/callsContract.ts';
import { type CallRecordDraft, type Intervention, MAX_NOTES_PER_CALL, MAX_REFERRALS, type StoredRecord } from '../contract/callSchemas.ts';
import { AppError } from '../errors.ts';
import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';
import type { Hold } from './timer.ts';

// The calls' only SQL. Statements are prepared once per database handle: a note autosave is
// one small transaction (UPDATE of the entry, its FTS row, the call's last activity).

export interface CallRow {
  id: string;
  profile_id: string;
  responder_name: string;
  centre: string;
  status: CallStatus;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  closed_at: string | null;
  last_activity_at: string;
}

/** A call as its table holds it (the responder's name and centre are the profiles'). */
type CallColumns = Omit<CallRow, 'responder_name' | 'centre'>;

interface RecordRow {
  caller_type: StoredRecord['callerType'];
  language: StoredRecord['language'];
  language_other: string | null;
  interpreter: number;
  commune: string | null;
  caller_history: StoredRecord['callerHistory'];
  pseudonym: string | null;
  heard_from: StoredRecord['heardFrom'];
  heard_from_other: string | null;
  resolution: StoredRecord['resolution'];
  unmet_need: string | null;
  may_quote: number;
  no_request: StoredRecord['noRequest'];
  looked_for: string | null;
  social_aid_contact: StoredRecord['socialAidContact'];
  debrief: number;
  debrief_reason: string | null;
  know_that: string | null;
}

interface NoteRow {
  id: number;
  seq: number;
  offset_ms: number;
  wall_at: string;
  text: string;
  updated_at: string;
}

export interface SummaryRow {
  id: string;
  profile_id: string;
  responder_name: string;
  status: CallStatus;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  commune: string | null;
  caller_type: StoredRecord['callerType'];
  language: StoredRecord['language'];
  pseudonym: string | null;
  note_count: number;
  themes: string | null;
  interventions: string | null;
  excerpt: string | null;
  no_request: StoredRecord['noRequest'];
  debrief: number;
}

export interface ListFilters {
  fromIso?: string | undefined;
  toIso?: string | undefined;
  theme?: string | undefined;
  profileId?: string | undefined;
  commune?: string | undefined;
  q?: string | undefined;
  /** Only this profile's ended calls whose record is not closed yet. */
  toFinishOf?: string | undefined;
  limit: number;
  offset: number;
}

function noteView(r: NoteRow): NoteView {
  return { id: r.id, seq: r.seq, offsetMs: r.offset_ms, wallAt: r.wall_at, text: r.text, updatedAt: r.updated_at };
}

const CALL_COLS = `c.id, c.profile_id, c.status, c.started_at, c.ended_at, c.duration_ms, c.closed_at, c.last_activity_at`;
const RECORD_COLS = 'caller_type, language, language_other, interpreter, commune, caller_history, pseudonym, heard_from, heard_from_other, resolution, unmet_need, may_quote, no_request, looked_for, social_aid_contact, debrief, debrief_reason, know_that';

/** Words of a search as an FTS5 query: each word quoted, prefix-matched, all required. */
export function ftsQuery(q: string): string | null {
  const words = q.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 12);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

function prepare(db: Db) {
  return {
    call: db.prepare(`SELECT ${CALL_COLS} FROM calls c WHERE c.id = ?`),
    activeOf: db.prepare(`SELECT ${CALL_COLS} FROM calls c WHERE c.profile_id = ? AND c.status = 'active' ORDER BY c.started_at DESC LIMIT 1`),
    insertCall: db.prepare(`INSERT INTO calls (id, profile_id, status, started_at, last_activity_at, updated_at) VALUES (?, ?, 'active', ?, ?, ?)`),
    holds: db.prepare('SELECT started_at AS startedAt, ended_at AS endedAt FROM call_holds WHERE call_id = ? ORDER BY started_at'),
    openHold: db.prepare('SELECT started_at FROM call_holds WHERE call_id = ? AND ended_at IS NULL'),
    insertHold: db.prepare('INSERT INTO call_holds (call_id, started_at) VALUES (?, ?)'),
    closeHolds: db.prepare('UPDATE call_holds SET ended_at = ? WHERE call_id = ? AND ended_at IS NULL'),
    touch: db.prepare('UPDATE calls SET last_activity_at = ?, updated_at = ? WHERE id = ?'),
    end: db.prepare(`UPDATE calls SET status = 'ended', ended_at = ?, duration_ms = ?, updated_at = ? WHERE id = ? AND status = 'active'`),
    close: db.prepare(`UPDATE calls SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ? AND status = 'ended'`),
    reopen: db.prepare(`UPDATE calls SET status = 'ended', closed_at = NULL, updated_at = ? WHERE id = ? AND status = 'closed'`),
    notes: db.prepare('SELECT id, seq, offset_ms, wall_at, text, updated_at FROM call_notes WHERE call_id = ? ORDER BY seq'),
    note: db.prepare('SELECT id, seq, offset_ms, wall_at, text, updated_at FROM call_notes WHERE id = ? AND call_id = ?'),
    nextSeq: db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM call_notes WHERE call_id = ?').pluck(),
    noteCount: db.prepare('SELECT count(*) FROM call_notes WHERE call_id = ?').pluck(),
    insertNote: db.prepare('INSERT INTO call_notes (call_id, seq, offset_ms, wall_at, text, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    updateNote: db.prepare('UPDATE call_notes SET text = ?, updated_at = ? WHERE id = ? AND call_id = ?'),
    deleteNote: db.prepare('DELETE FROM call_notes WHERE id = ? AND call_id = ?'),
    record: db.prepare(`SELECT ${RECORD_COLS} FROM calls WHERE id = ?`),
    themes: db.prepare('SELECT theme_code FROM call_themes WHERE call_id = ? ORDER BY position').pluck(),
    interventions: db.prepare(`SELECT mode FROM call_interventions WHERE call_id = ? ORDER BY CASE mode WHEN 'information' THEN 1 WHEN 'orientation' THEN 2 WHEN 'referral' THEN 3 WHEN 'direct_help' THEN 4 ELSE 5 END`).pluck(),
    referrals: db.prepare('SELECT service_id AS serviceId, service_name AS serviceName, contacted, consent, outcome FROM call_referrals WHERE call_id = ? ORDER BY position'),
    barriers: db.prepare(`SELECT barrier FROM call_barriers WHERE call_id = ? ORDER BY CASE barrier WHEN 'non_knowledge' THEN 1 WHEN 'non_demand' THEN 2 WHEN 'non_proposal' THEN 3 ELSE 4 END`).pluck(),
    clearBarriers: db.prepare('DELETE FROM call_barriers WHERE call_id = ?'),
    insertBarrier: db.prepare('INSERT INTO call_barriers (call_id, barrier) VALUES (?, ?)'),
    setNoRequest: db.prepare('UPDATE calls SET no_request = ?, looked_for = ?, last_activity_at = ?, updated_at = ? WHERE id = ?'),
    saveRecord: db.prepare(`UPDATE calls SET caller_type = @callerType, language = @language, language_other = @languageOther, interpreter = @interpreter,
      commune = @commune, caller_history = @callerHistory, pseudonym = @pseudonym, heard_from = @heardFrom, heard_from_other = @heardFromOther,
      resolution = @resolution, unmet_need = @unmetNeed, may_quote = @mayQuote, no_request = @noRequest, looked_for = @lookedFor,
      social_aid_contact = @socialAidContact, debrief = @debrief, debrief_reason = @debriefReason, know_that = @knowThat, last_activity_at = @now, updated_at = @now WHERE id = @id`),
    clearThemes: db.prepare('DELETE FROM call_themes WHERE call_id = ?'),
    insertTheme: db.prepare('INSERT INTO call_themes (call_id, theme_code, position) VALUES (?, ?, ?)'),
    clearInterventions: db.prepare('DELETE FROM call_interventions WHERE call_id = ?'),
    insertIntervention: db.prepare('INSERT INTO call_interventions (call_id, mode) VALUES (?, ?)'),
    clearReferrals: db.prepare('DELETE FROM call_referrals WHERE call_id = ?'),
    insertReferral: db.prepare('INSERT INTO call_referrals (call_id, position, service_id, service_name, contacted, consent, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let st = cache.get(db);
  if (!st) {
    st = prepare(db);
    cache.set(db, st);
  }
  return st;
}

const emptyToNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);

export interface CallsRepository {
  get(id: string): CallRow | null;
  activeOf(profileId: string): CallRow | null;
  start(profileId: string, now: Date): string;
  holds(callId: string): Hold[];
  pause(callId: string, now: Date): void;
  resume(callId: string, now: Date): void;
  end(callId: string, at: Date, durationMs: number, now: Date): void;
  notes(callId: string): NoteView[];
  note(callId: string, noteId: number): NoteView | null;
  addNote(callId: string, text: string, offsetMs: number, now: Date): NoteView;
  updateNote(callId: string, noteId: number, text: string, now: Date): NoteView;
  deleteNote(callId: string, noteId: number, now: Date): void;
  record(callId: string): StoredRecord;
  saveRecord(callId: string, record: CallRecordDraft, now: Date): void;
  /** Appends a referral unless the service is already referred; returns whether it was added and the count. */
  addReferral(callId: string, serviceId: string, serviceName: string, now: Date): { added: boolean; count: number };
  close(callId: string, now: Date): void;
  /** Marks the call as one without request (or clears it with null). */
  setNoRequest(callId: string, kind: StoredRecord['noRequest'], lookedFor: string | null, now: Date): void;
  reopen(callId: string, now: Date): void;
  list(f: ListFilters): { rows: SummaryRow[]; total: number };
}

export function callsRepository(db: Db): CallsRepository {
  const st = statements(db);
  // The responder's name and centre come from the profiles' owner.
  const profiles = profilesRepository(db);
  const withResponder = (r: CallColumns | undefined): CallRow | null => {
    if (!r) return null;
    const p = profiles.get(r.profile_id);
    return { ...r, responder_name: p?.displayName ?? '', centre: p?.centre ?? '' };
  };
  const touch = (callId: string, now: Date) => {
    const iso = now.toISOString();
    st.touch.run(iso, iso, callId);
  };
  const repo: CallsRepository = {
    get(id) {
      return withResponder(st.call.get(id) as CallColumns | undefined);
    },
    activeOf(profileId) {
      return withResponder(st.activeOf.get(profileId) as CallColumns | undefined);
    },
    start(profileId, now) {
      const id = crypto.randomUUID();
      const iso = now.toISOString();
      st.insertCall.run(id, profileId, iso, iso, iso);
      return id;
    },
    holds(callId) {
      return st.holds.all(callId) as Hold[];
    },
    pause: db.transaction((callId: string, now: Date) => {
      if (st.openHold.get(callId)) return;
      st.insertHold.run(callId, now.toISOString());
      touch(callId, now);
    }),
    resume: db.transaction((callId: string, now: Date) => {
      st.closeHolds.run(now.toISOString(), callId);
      touch(callId, now);
    }),
    end: db.transaction((callId: string, at: Date, durationMs: number, now: Date) => {
      st.closeHolds.run(at.toISOString(), callId);
      const r = st.end.run(at.toISOString(), Math.max(0, Math.round(durationMs)), now.toISOString(), callId);
      if (r.changes === 0) throw new AppError('Conflict', 'calls.alreadyEnded');
    }),
    notes(callId) {
      return (st.notes.all(callId) as NoteRow[]).map(noteView);
    },
    note(callId, noteId) {
      const r = st.note.get(noteId, callId) as NoteRow | undefined;
      return r ? noteView(r) : null;
    },
    addNote: db.transaction((callId: string, text: string, offsetMs: number, now: Date): NoteView => {
      if ((st.noteCount.get(callId) as number) >= MAX_NOTES_PER_CALL) {
        throw new AppError('Conflict', 'calls.tooManyNotes', { max: MAX_NOTES_PER_CALL });
      }
      const iso = now.toISOString();
      const seq = st.nextSeq.get(callId) as number;
      const r = st.insertNote.run(callId, seq, Math.max(0, Math.round(offsetMs)), iso, text, iso);
      touch(callId, now);
      return { id: Number(r.lastInsertRowid), seq, offsetMs: Math.max(0, Math.round(offsetMs)), wallAt: iso, text, updatedAt: iso };
    }),
    updateNote: db.transaction((callId: string, noteId: number, text: string, now: Date): NoteView => {
      const iso = now.toISOString();
      const r = st.updateNote.run(text, iso, noteId, callId);
      if (r.changes === 0) throw new AppError('NotFound', 'calls.noteNotFound');
      touch(callId, now);
      return repo.note(callId, noteId) as NoteView;
    }),
    deleteNote: db.transaction((callId: string, noteId: number, now: Date) => {
      st.deleteNote.run(noteId, callId);
      touch(callId, now);
    }),
    record(callId) {
      const r = st.record.get(callId) as RecordRow | undefined;
      if (!r) throw new AppError('NotFound', 'calls.notFound');
      return {
        callerType: r.caller_type,
        language: r.language,
        languageOther: r.language_other,
        interpreter: r.interpreter === 1,
        commune: r.commune,
        callerHistory: r.caller_history,
        pseudonym: r.pseudonym,
        heardFrom: r.heard_from,
        heardFromOther: r.heard_from_other,
        themes: st.themes.all(callId) as string[],
        interventions: st.interventions.all(callId) as Intervention[],
        referrals: (st.referrals.all(callId) as Array<{ serviceId: string; serviceName: string; contacted: number; consent: number; outcome: StoredRecord['referrals'][number]['outcome'] }>).map(
          (x) => ({ ...x, contacted: x.contacted === 1, consent: x.consent === 1 }),
        ),
        resolution: r.resolution,
        unmetNeed: r.unmet_need,
        mayQuote: r.may_quote === 1,
        noRequest: r.no_request,
        lookedFor: r.looked_for,
        socialAidContact: r.social_aid_contact,
        barriers: st.barriers.all(callId) as StoredRecord['barriers'],
        debrief: r.debrief === 1,
        debriefReason: r.debrief_reason,
        knowThat: r.know_that,
      };
    },
    saveRecord: db.transaction((callId: string, rec: CallRecordDraft, now: Date) => {
      const iso = now.toISOString();
      // A free text only makes sense with its choice: "other" language, "other" source.
      st.saveRecord.run({
        id: callId,
        now: iso,
        callerType: rec.callerType ?? null,
        language: rec.language ?? null,
        languageOther: rec.language === 'other' ? emptyToNull(rec.languageOther) : null,
        interpreter: rec.interpreter ? 1 : 0,
        commune: rec.commune ?? null,
        callerHistory: rec.callerHistory ?? null,
        pseudonym: emptyToNull(rec.pseudonym),
        heardFrom: rec.heardFrom ?? null,
        heardFromOther: rec.heardFrom === 'other' ? emptyToNull(rec.heardFromOther) : null,
        resolution: rec.resolution ?? null,
        unmetNeed: emptyToNull(rec.unmetNeed),
        mayQuote: rec.mayQuote ? 1 : 0,
        noRequest: rec.noRequest ?? null,
        lookedFor: rec.noRequest === 'out_of_scope' ? emptyToNull(rec.lookedFor) : null,
        socialAidContact: rec.socialAidContact ?? 'unknown',
        debrief: rec.debrief ? 1 : 0,
        debriefReason: rec.debrief ? emptyToNull(rec.debriefReason) : null,
        knowThat: emptyToNull(rec.knowThat),
      });
      st.clearBarriers.run(callId);
      for (const b of rec.barriers ?? []) st.insertBarrier.run(callId, b);
      st.clearThemes.run(callId);
      (rec.themes ?? []).forEach((code, i) => st.insertTheme.run(callId, code, i));
      st.clearInterventions.run(callId);
      for (const mode of rec.interventions ?? []) st.insertIntervention.run(callId, mode);
      st.clearReferrals.run(callId);
      (rec.referrals ?? []).forEach((r, i) => st.insertReferral.run(callId, i, r.serviceId, r.serviceName, r.contacted ? 1 : 0, r.contacted && r.consent ? 1 : 0, r.outcome ?? null));
    }),
    addReferral: db.transaction((callId: string, serviceId: string, serviceName: string, now: Date) => {
      const existing = st.referrals.all(callId) as Array<{ serviceId: string }>;
      if (existing.some((r) => r.serviceId === serviceId)) return { added: false, count: existing.length };
      if (existing.length >= MAX_REFERRALS) throw new AppError('Conflict', 'calls.tooManyReferrals', { max: MAX_REFERRALS });
      st.insertReferral.run(callId, existing.length, serviceId, serviceName, 0, 0, null);
      touch(callId, now);
      return { added: true, count: existing.length + 1 };
    }),
    close(callId, now) {
      const iso = now.toISOString();
      if (st.close.run(iso, iso, callId).changes === 0) throw new AppError('Conflict', 'calls.onlyEndedCloses');
    },
    setNoRequest(callId, kind, lookedFor, now) {
      const iso = now.toISOString();
      st.setNoRequest.run(kind, kind === 'out_of_scope' ? emptyToNull(lookedFor) : null, iso, iso, callId);
    },
    reopen(callId, now) {
      if (st.reopen.run(now.toISOString(), callId).changes === 0) throw new AppError('Conflict', 'calls.notClosed');
    },
    list(f) {
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      const fts = f.q ? ftsQuery(f.q) : null;
      if (f.fromIso) {
        where.push('c.started_at >= @fromIso');
        params.fromIso = f.fromIso;
      }
      if (f.toIso) {
        where.push('c.started_at < @toIso');
        params.toIso = f.toIso;
      }
      if (f.theme) {
        where.push('EXISTS (SELECT 1 FROM call_themes t WHERE t.call_id = c.id AND t.theme_code = @theme)');
        params.theme = f.theme;
      }
      if (f.profileId) {
        where.push('c.profile_id = @profileId');
        params.profileId = f.profileId;
      }
      if (f.commune) {
        where.push('c.commune = @commune');
        params.commune = f.commune;
      }
      if (f.toFinishOf) {
        where.push(`c.profile_id = @me AND c.status = 'ended'`);
        params.me = f.toFinishOf;
      }
      let withHits = '';
      let excerpt = `(SELECT substr(n.text, 1, 160) FROM call_notes n WHERE n.call_id = c.id AND n.text <> '' ORDER BY n.seq LIMIT 1)`;
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        params.like = like;
        if (fts) {
          withHits = `WITH hits AS (
            SELECT n.call_id AS call_id, snippet(call_notes_fts, 0, '', '', '…', 16) AS snip
            FROM call_notes_fts JOIN call_notes n ON n.id = call_notes_fts.rowid WHERE call_notes_fts MATCH @fts)`;
          params.fts = fts;
          where.push(`(c.id IN (SELECT call_id FROM hits) OR c.pseudonym LIKE @like ESCAPE '\\' OR c.unmet_need LIKE @like ESCAPE '\\')`);
          excerpt = `coalesce((SELECT snip FROM hits WHERE hits.call_id = c.id LIMIT 1), ${excerpt})`;
        } else {
          where.push(`(c.pseudonym LIKE @like ESCAPE '\\' OR c.unmet_need LIKE @like ESCAPE '\\')`);
        }
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = db.prepare(`${withHits} SELECT count(*) FROM calls c ${whereSql}`).pluck().get(params) as number;
      const rows = db
        .prepare(
          `${withHits}
          SELECT c.id, c.profile_id, c.status, c.started_at, c.ended_at, c.duration_ms, c.commune,
            c.caller_type, c.language, c.pseudonym, c.no_request, c.debrief,
            (SELECT count(*) FROM call_notes n WHERE n.call_id = c.id AND n.text <> '') AS note_count,
            (SELECT group_concat(theme_code, ',') FROM (SELECT theme_code FROM call_themes t WHERE t.call_id = c.id ORDER BY position)) AS themes,
            (SELECT group_concat(mode, ',') FROM call_interventions i WHERE i.call_id = c.id) AS interventions,
            ${excerpt} AS excerpt
          FROM calls c
          ${whereSql}
          ORDER BY c.started_at DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: f.limit, offset: f.offset }) as Array<Omit<SummaryRow, 'responder_name'>>;
      return { rows: rows.map((r) => ({ ...r, responder_name: profiles.displayName(r.profile_id) ?? '' })), total };
    },
  };
  return repo;
}
