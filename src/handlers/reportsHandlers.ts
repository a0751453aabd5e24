import type { reportsContract } from '../contract/reportsContract.ts';
import { redactIdentifyingData } from '../domain/identifyingData.ts';
import { findInStoreText, guardOutgoingText } from '../guard/outgoingText.ts';
import { exportReport } from '../reports/exportReport.ts';
import { dayOf } from '../domain/brusselsTime.ts';
import { checkPeriod } from '../reports/periodTime.ts';
import { defaultPeriod } from '../reports/defaultPeriod.ts';
import { handoverRepository, quotesRepository } from '../reports/quotesRepository.ts';
import { reportBundleFromStore } from '../reports/reportService.ts';
import { shiftSummary } from '../reports/shiftSummary.ts';
import type { HandlerMap } from './handlerMap.ts';
import { signedIn } from './signedIn.ts';
import { saveExport } from './saveExport.ts';
import type { HandlerContext } from '../services/handlerContext.ts';
import type { Services } from '../services/services.ts';

// Reports: the shift summary, the period report and its exports, excerpts and handover notes.
// Access (who may do what) is declared in the contract and checked by the router; logs carry
// operation names, formats and counts, never note text.

function generator(s: Services): string {
  return `Relais ${s.app.version}`;
}

const me = (c: HandlerContext): string => signedIn(c).profileId;

async function exportFlavour(input: { from: string; to: string; format: 'csv' | 'xlsx' | 'pdf' | 'json'; delimiter: ';' | ','; lang: 'fr' | 'nl' | 'en' }, s: Services, flavour: 'internal' | 'public') {
  const bundle = reportBundleFromStore(s.store.database(), { from: input.from, to: input.to, flavour, now: s.clock.now(), generator: generator(s) });
  const file = await exportReport(bundle, { format: input.format, delimiter: input.delimiter, lang: input.lang });
  const saved = await saveExport(s, file);
  s.log.info('reports.exported', { flavour, format: input.format, bytes: saved.bytes, calls: bundle.report.headline.calls.v ?? -1, saved: saved.savedTo !== null });
  return { ...saved, flavour };
}

export const reportsHandlers: HandlerMap<typeof reportsContract> = {
  'reports.shiftSummary': (input, s, c) => {
    const now = s.clock.now();
    if (input.day !== undefined) checkPeriod(input.day, input.day);
    return shiftSummary(s.store.database(), { day: input.day ?? dayOf(now), scope: input.scope, profileId: me(c), now });
  },
  'reports.defaultPeriod': (_input, s) => defaultPeriod(s.store.database(), s.clock.now()),
  'reports.period': (input, s) => {
    const bundle = reportBundleFromStore(s.store.database(), { from: input.from, to: input.to, flavour: input.flavour, now: s.clock.now(), generator: generator(s) });
    return bundle.report;
  },
  'reports.export': (input, s) => exportFlavour(input, s, 'internal'),
  'reports.exportPublic': (input, s) => exportFlavour(input, s, 'public'),
  'reports.quotes.list': (input, s) => {
    checkPeriod(input.from, input.to);
    const db = s.store.database();
    const repo = quotesRepository(db);
    const approved = repo.approved(input.from, input.to);
    const candidates = repo.candidates(input.from, input.to, input.limit).map((c) => {
      const original = c.notes ?? '';
      const findings = findInStoreText(db, original);
      return {
        callId: c.callId,
        day: dayOf(new Date(c.startedAt)),
        themes: c.themes ? c.themes.split(',') : [],
        original,
        suggested: redactIdentifyingData(original, (kind) => `[${kind}]`, findings),
        findings: findings.map((f) => ({ kind: f.kind, start: f.start, end: f.end })),
        approved: approved.filter((q) => q.callId === c.callId).map((q) => ({ id: q.id, theme: q.theme, text: q.text, approvedBy: q.approvedBy, approvedAt: q.approvedAt })),
      };
    });
    return { candidates };
  },
  'reports.quotes.approve': (input, s, c) => {
    const db = s.store.database();
    const repo = quotesRepository(db);
    repo.checkQuotable(input.callId, input.theme);
    guardOutgoingText(s, { text: input.text, field: 'quote', path: 'text', override: input.override });
    const id = repo.approve({ callId: input.callId, theme: input.theme, text: input.text, by: me(c), at: s.clock.now().toISOString() });
    s.log.info('reports.quote_approved', {});
    s.emit('reports.changed', { what: 'quote' });
    return { id };
  },
  'reports.quotes.revoke': (input, s) => {
    quotesRepository(s.store.database()).revoke(input.id);
    s.log.info('reports.quote_revoked', {});
    s.emit('reports.changed', { what: 'quote' });
    return { revoked: true as const };
  },
  'reports.handover.add': (input, s, c) => {
    guardOutgoingText(s, { text: input.text, field: 'handover', path: 'text', override: input.override });
    const now = s.clock.now();
    const id = handoverRepository(s.store.database()).add({ day: dayOf(now), text: input.text, author: me(c), at: now.toISOString() });
    s.log.info('reports.handover_added', {});
    s.emit('reports.changed', { what: 'handover' });
    return { id };
  },
};
