import { BUILTIN_THEMES } from '../domain/taxonomy.ts';
import type { ThemeView } from '../directory/directoryRepository.ts';
import { diffImport, parseImport } from '../directory/import/importFile.ts';
import type { ImportDiff } from '../directory/import/types.ts';
import type { HubContext } from './hubContext.ts';
import { hubServices, upsertService } from './hubServices.ts';

// The line's directory imported on the hub (issue 14, "What this issue shares" 1): services are
// shared items (hubServices.ts) that workstations pull after their cursor, so a pull after an
// import brings only the services that changed. `relais-hub directory import FILE` (and the
// import route) reads the same formats with the same row checks as a workstation's import.

/** Themes the hub checks imported rows against: the built-in taxonomy (the workstations' own additions are theirs). */
const HUB_THEMES: ThemeView[] = BUILTIN_THEMES.map((t) => ({ ...t, labels: { ...t.labels }, builtin: true }));

/**
 * Reads, checks and (unless dryRun) writes an import file into the line's directory: every
 * valid added or changed row in one transaction, numbered in commit order like a push (the
 * sequence row is taken last). Rows the file lacks a column for keep the hub's values.
 */
export async function importHubDirectory(ctx: HubContext, bytes: Uint8Array, fileName: string, opts: { dryRun: boolean; maxBytes?: number }): Promise<ImportDiff> {
  const parsed = await parseImport(bytes, fileName, HUB_THEMES, undefined, opts.maxBytes);
  if (opts.dryRun) return diffImport(parsed, await hubServices(ctx.db)).diff;
  return ctx.db.transaction(async (tx) => {
    // Serialises concurrent imports/pushes on the sequence row before reading the current state.
    await tx.query('SELECT value FROM hub_sequence WHERE id = 1 FOR UPDATE');
    const current = await hubServices(tx);
    // The valid rows are kept in encoded batches (issue 12): diffImport merges them as it goes.
    const { diff, write: services } = diffImport(parsed, current);
    if (services.length) {
      const [row] = await tx.query<{ value: number }>('UPDATE hub_sequence SET value = value + $1 WHERE id = 1 RETURNING value', [services.length]);
      let seq = Number(row?.value ?? services.length) - services.length;
      for (const s of services) await upsertService(tx, s, ++seq, null);
    }
    diff.applied = true;
    return diff;
  });
}
