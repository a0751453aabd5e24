import type { directoryContract } from '../contract/directoryContract.ts';
import { directoryRepository, type ThemeView } from '../directory/directoryRepository.ts';
import { countDemoServices, demoServiceIds } from '../directory/demo/demoMarker.ts';
import { exportDirectory } from '../directory/export/exportDirectory.ts';
import { applyImport, previewImport } from '../directory/import/importFile.ts';
import { parseImportOffThread } from '../directory/import/parseOffThread.ts';
import type { ImportProgress } from '../directory/import/types.ts';
import { DEFAULT_LEXICON } from '../directory/lexicon/defaultLexicon.ts';
import { formatLexicon, parseLexicon } from '../directory/lexicon/lexiconSchema.ts';
import { invalidateDirectorySearch } from '../directory/search/storeSearch.ts';
import { verificationOverdue } from '../directory/serviceSchema.ts';
import { AppError } from '../errors.ts';
import { guardReachabilityNote, refusedInReachabilityNote } from '../guard/reachabilityNotes.ts';
import type { HandlerMap } from './handlerMap.ts';
import { saveExport } from './saveExport.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';

function themeView(t: ThemeView) {
  return { code: t.code, labels: t.labels, sensitive: t.sensitive ?? false, builtin: t.builtin };
}

// Notes are signed with the responder's display name (what colleagues recognise), never an id.
function responderName(c: HandlerContext): string {
  return (c.actor?.displayName ?? 'Responder').slice(0, 100);
}

async function readImport(input: { fileName: string; content: string }, s: Services) {
  const bytes = Buffer.from(input.content, 'base64');
  const repo = directoryRepository(s.store.database());
  let last = 0;
  const onProgress = (p: ImportProgress) => {
    const now = Date.now();
    if (p.processed !== p.total && now - last < 200) return;
    last = now;
    s.emit('directory.importProgress', p);
  };
  return { parsed: await parseImportOffThread(bytes, input.fileName, repo.listThemes(), onProgress), onProgress };
}

export const directoryHandlers: HandlerMap<typeof directoryContract> = {
  'directory.get': ({ id }, s) => {
    const repo = directoryRepository(s.store.database());
    const service = repo.getService(id);
    if (!service) throw new AppError('NotFound', 'directory.serviceNotFound', { id: JSON.stringify(id) });
    return { service, notes: repo.listNotes(id), verificationOverdue: verificationOverdue(service, s.clock.now()) };
  },
  'directory.crisisLines': (_input, s) => ({ lines: directoryRepository(s.store.database()).crisisLines() }),
  'directory.addNote': ({ serviceId, text, kind, override }, s, c) => {
    guardReachabilityNote(s, serviceId, text, override);
    const note = directoryRepository(s.store.database()).addNote(serviceId, text, responderName(c), s.clock.now(), kind ?? 'note');
    s.log.info('directory.note_added', { chars: text.length });
    return note;
  },
  'directory.checkNote': ({ serviceId, text }, s) => ({ findings: refusedInReachabilityNote(s, serviceId, text) }),
  'directory.importPreview': async (input, s) => {
    const { parsed } = await readImport(input, s);
    return await previewImport(s.store.database(), parsed);
  },
  'directory.importApply': async (input, s, c) => {
    const { parsed, onProgress } = await readImport(input, s);
    // Its audit entry is written in the import's transaction (access/auditedOperations.ts, AUDIT_IN_WRITE).
    const diff = c.auditedWrite(() => applyImport(s.store.database(), parsed, s.clock.now(), onProgress));
    if (diff.applied) invalidateDirectorySearch(s.store.database());
    s.log.info('directory.imported', { format: diff.format, ...diff.counts, demoRemoved: diff.demoRemoved });
    return diff;
  },
  'directory.export': async (input, s) => {
    const file = await exportDirectory(s.store.database(), { format: input.format, public: input.public ?? false, ...(input.delimiter ? { delimiter: input.delimiter } : {}) }, s.clock.now());
    const saved = await saveExport(s, file);
    s.log.info('directory.exported', { format: input.format, public: input.public ?? false, count: file.count, saved: saved.savedTo !== null });
    return { ...saved, count: file.count };
  },
  'directory.status': (_input, s) => {
    const db = s.store.database();
    const ids = demoServiceIds(db);
    return { services: directoryRepository(db).countServices(), demoServices: countDemoServices(db), demoIds: ids };
  },
  'directory.lexiconGet': (_input, s) => {
    const stored = directoryRepository(s.store.database()).listLexicon();
    const entries = stored.length > 0 ? stored : DEFAULT_LEXICON;
    return { text: formatLexicon(entries), entries: entries.length, edited: stored.length > 0 };
  },
  'directory.lexiconSave': ({ text }, s) => {
    const repo = directoryRepository(s.store.database());
    const { entries, problems } = parseLexicon(text, repo.themeCodes());
    if (problems.length > 0) return { saved: false, entries: entries.length, problems: problems.slice(0, 200) };
    repo.replaceLexicon(entries);
    invalidateDirectorySearch(s.store.database());
    s.log.info('directory.lexicon_saved', { count: entries.length });
    return { saved: true, entries: entries.length, problems: [] };
  },
  'taxonomy.list': (_input, s) => ({ themes: directoryRepository(s.store.database()).listThemes().map(themeView) }),
  'taxonomy.add': ({ code, labels }, s, c) => {
    const added = directoryRepository(s.store.database()).addTheme({ code, labels }, c.actor?.profileId ?? null, s.clock.now());
    s.log.info('taxonomy.added', { code });
    return themeView(added);
  },
};
