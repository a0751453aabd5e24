import { dayOf } from '../../domain/brusselsTime.ts';
import { LIST_SEPARATOR, SERVICE_FIELDS, type Service, type ServiceField } from '../serviceSchema.ts';

// One service → one row of text cells for CSV and XLSX, in the header order of the issue.
// Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
// leading `'`; so does text that already starts with `'` before such a character, so the
// import can remove exactly one `'` and give back the original (import(export(x)) == x).
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export interface FlatOptions {
  /** Public exports never carry the professional line. */
  public: boolean;
}

/** The internal export's last column (issue 17): each service's reachability notes of the last 12 months. */
export const NOTES_COLUMN = 'reachability_notes';

export interface ExportNote {
  created_at: string;
  kind: string;
  text: string;
  responder: string;
}

/** One line per note, newest first: "2026-03-02 · unreachable · Marie: no answer for two weeks" (the Brussels day it was written). */
export function notesCell(notes: readonly ExportNote[] | undefined): string {
  return neutralise((notes ?? []).map((n) => `${dayOf(n.created_at)} · ${n.kind} · ${n.responder}: ${n.text.replace(/\s+/g, ' ')}`).join('\n'));
}

export function exportFields(opts: FlatOptions): ServiceField[] {
  return SERVICE_FIELDS.filter((f) => !(opts.public && f === 'professional_contact'));
}

export function flatRow(service: Service, fields: readonly ServiceField[]): string[] {
  return fields.map((f) => {
    const v = service[f];
    const text = Array.isArray(v) ? v.join(LIST_SEPARATOR) : typeof v === 'boolean' ? (v ? 'true' : 'false') : (v ?? '');
    return neutralise(text);
  });
}
