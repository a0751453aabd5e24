import type { ValidRows } from './validRows.ts';
import type { LexiconEntry } from '../lexicon/lexiconSchema.ts';
import type { Service, ServiceField } from '../serviceSchema.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'hsds';

/** One problem of one row: `row` as a spreadsheet shows it (header = row 1), or the 1-based
 *  position in the HSDS services array; `field` is the column (or `row` for the whole row). */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export interface RejectedRow {
  row: number;
  id: string | null;
  problems: RowProblem[];
}

export interface ImportWarning {
  field: string | null;
  message: string;
}

/** A record as a reader extracted it, before validation: text cells or already-split lists. */
export interface RawRecord {
  row: number;
  values: Partial<Record<ServiceField, unknown>>;
  /** Problems the reader already knows about (oversized cell, extra cells…). */
  problems: RowProblem[];
}

/** How one header cell of a flat file was understood: the field it fills, or null (ignored). */
export interface ColumnReading {
  column: number;
  header: string;
  field: ServiceField | null;
}

export interface RawTable {
  format: ImportFormat;
  /** Flat files only (CSV/XLSX); empty for JSON. */
  columns: ColumnReading[];
  encoding: string | null;
  delimiter: string | null;
  /** HSDS only: the JSON file is read whole. CSV and XLSX readers stream their records to a
   *  callback instead (issue 12) and leave this empty. */
  records: RawRecord[];
  warnings: ImportWarning[];
  /** The situation lexicon a feed bundle carries beside the services (HSDS `x_relais_lexicon`); null when absent. */
  lexicon?: LexiconEntry[] | null;
}

export interface ValidRow {
  row: number;
  service: Service;
  /** Fields the file carries for this row (its columns / HSDS keys). For a service already in
   *  the store, the other fields keep their stored values: a file without, say, the
   *  professional_contact column (a public export) never wipes it. */
  fields: ServiceField[];
}

/** A file read and checked, not yet compared with the store. */
export interface ParsedImport {
  fileName: string;
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  rows: number;
  columns: ColumnReading[];
  lexicon: LexiconEntry[] | null;
  /** Encoded in batches, decoded one batch at a time by preview and apply (issue 12). */
  valid: ValidRows;
  rejected: RejectedRow[];
  warnings: ImportWarning[];
}

/** A file read and checked whose valid rows went to a sink as they were checked (the worker's result). */
export type ReadImport = Omit<ParsedImport, 'valid'> & { validCount: number };

export interface DiffEntry {
  row: number;
  id: string;
  name: string;
}

export interface ChangedEntry extends DiffEntry {
  fields: ServiceField[];
}

export interface ImportDiff {
  fileName: string;
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  /** Data rows seen (blank rows excluded). */
  rows: number;
  /** How each column of a flat file was understood (empty for JSON). */
  columns: ColumnReading[];
  counts: { added: number; changed: number; unchanged: number; rejected: number };
  added: DiffEntry[];
  changed: ChangedEntry[];
  unchanged: DiffEntry[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  /** True once the added and changed rows were written (one transaction). */
  applied: boolean;
  /** Services of the demonstration directory this import removes (or, in a preview, would remove). */
  demoRemoved: number;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  processed: number;
  total: number;
}
export type ProgressCallback = (p: ImportProgress) => void;
