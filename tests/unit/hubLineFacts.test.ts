import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { importHubDirectory } from '../../src/hub/hubDirectory.ts';
import { lineReportBundle } from '../../src/hub/lineReport.ts';
import { pushChanges } from '../../src/hub/push.ts';
import { reportBundleFromStore } from '../../src/reports/reportService.ts';
import type { CallFactsWire } from '../../src/sync/wire.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';
import { savedBytes } from './helpers/savedFile.ts';

// What the line's bilan needs from the sync (issue 14 × issues 16–17): the issue-16 facts of a
// call, calls without a request counted apart, the barometer's services named from the hub's
// directory, the same month a year earlier, "help arrived" per named service; reachability
// notes keep their kind across PCs and wait for a service the PC does not have yet.

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const csv = (rows: string[]) => new TextEncoder().encode(['id;name;themes;phone;commune', ...rows].join('\n'));
const LINE = ['ligne-0;CPAS de Test;debt;02 555 00 00;Schaerbeek', 'ligne-1;Resto du Cœur Test;food;02 555 00 01;Anderlecht', 'ligne-2;Maison de quartier Test;housing;02 555 00 02;Ixelles'];

/** Closes a call on `ws` started at `at`, with the record given (through the repository: the trigger queues its facts). */
function closeCallAt(ws: AppCore, at: string, record: Record<string, unknown>): string {
  const repo = callsRepository(ws.services.store.database());
  const t0 = new Date(at);
  const id = repo.start(ws.services.session.profileId as string, t0);
  repo.end(id, new Date(t0.getTime() + 120_000), 120_000, new Date(t0.getTime() + 120_000));
  repo.saveRecord(id, record as never, t0);
  repo.close(id, new Date(t0.getTime() + 180_000));
  return id;
}

for (const engine of ENGINES) {
  describe(`the line bilan's facts through the sync (${engine})`, () => {
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    let callA = '';
    before(async () => {
      line = await startTwoPcLine(engine);
      ({ hub, a, b } = line);
      await importHubDirectory(hub.ctx, csv(LINE), 'ligne.csv', { dryRun: false });
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      // March 2026 on A: five calls referred to two services (a public bilan names a service from
      // five referrals on; the rows are the same in both flavours), the first with issue 16's
      // facts; and one call without a request.
      for (let i = 1; i < 5; i++) {
        closeCallAt(a, `2026-03-0${i}T09:00:00.000Z`, {
          themes: ['debt'],
          interventions: ['orientation'],
          referrals: [
            { serviceId: 'ligne-0', serviceName: 'CPAS de Test', contacted: true, consent: true, outcome: 'will_help' },
            { serviceId: 'gone-7', serviceName: 'Ancien service', contacted: false, consent: false, outcome: 'contact_given' },
          ],
        });
      }
      callA = closeCallAt(a, '2026-03-10T09:00:00.000Z', {
        themes: ['debt'],
        interventions: ['orientation'],
        commune: 'schaerbeek',
        resolution: 'partly',
        socialAidContact: 'past',
        barriers: ['non_knowledge', 'non_proposal'],
        debrief: true,
        debriefReason: 'SECRET-DEBRIEF Madame Dupont',
        referrals: [
          { serviceId: 'ligne-0', serviceName: 'CPAS de Test', contacted: true, consent: true, outcome: 'unreachable' },
          { serviceId: 'gone-7', serviceName: 'Ancien service', contacted: false, consent: false, outcome: 'contact_given' },
        ],
      });
      closeCallAt(a, '2026-03-11T10:00:00.000Z', { noRequest: 'wrong_number' });
      // March 2025 on B: the same month a year earlier.
      closeCallAt(b, '2025-03-12T10:00:00.000Z', { themes: ['food'], interventions: ['information'], commune: 'anderlecht', referrals: [{ serviceId: 'ligne-1', serviceName: 'Resto', contacted: false, consent: false, outcome: null }] });
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
    });
    after(() => line.stop());

    test('issue 16\'s facts reach the hub (flags and codes only) and the line bilan has the same tables and counts as A\'s own', async () => {
      const [row] = await hub.ctx.db.query<{ facts: unknown }>('SELECT facts FROM hub_call_facts WHERE call_id = $1', [callA]);
      const facts = (typeof row?.facts === 'string' ? JSON.parse(row.facts) : row?.facts) as CallFactsWire;
      assert.deepEqual([facts.socialAidContact, facts.barriers, facts.debrief, facts.noRequest], ['past', ['non_knowledge', 'non_proposal'], true, null]);
      assert.doesNotMatch(JSON.stringify(facts), /SECRET|Dupont/, 'the debrief reason stays on the PC');

      const line = await lineReportBundle(hub.ctx, { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', generator: 'test' });
      const own = reportBundleFromStore(a.services.store.database(), { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', now: new Date(), generator: 'test' });
      const cur = line.facts!.current;
      // The call without a request is counted apart, as on the PC: five calls, one without request.
      assert.equal(cur.calls, 5);
      for (const key of ['withoutRequest', 'socialAid', 'barriers', 'debrief', 'themes', 'barometerServices'] as const) {
        assert.deepEqual(cur[key], own.facts!.current[key], key);
      }
      assert.deepEqual(cur.withoutRequest, { wrong_number: 1 });
      assert.deepEqual(line.report.tables.map((t) => t.id), own.report.tables.map((t) => t.id), 'the same tables');
    });

    test('a PC not yet updated still pushes facts without them: accepted, counted as unknown / none / not flagged', async () => {
      const old: CallFactsWire = { startedAt: '2026-03-20T09:00:00.000Z', durationMs: 60_000, callerType: null, language: 'fr', interpreter: false, commune: 'ixelles', callerHistory: null, heardFrom: null, resolution: 'resolved', unmet: false, themes: ['housing'], interventions: ['information'], referrals: [], callbacks: [] };
      const device = { id: 'old-pc', centre: 'Ancien poste', name: 'Old', role: 'member' as const };
      const [res] = await pushChanges(hub.ctx, device, [{ id: crypto.randomUUID(), kind: 'callFacts', callId: 'old-call-1', facts: old }]);
      assert.equal(res?.outcome, 'accepted');
      const cur = (await lineReportBundle(hub.ctx, { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', generator: 'test' })).facts!.current;
      assert.equal(cur.calls, 6);
      assert.deepEqual([cur.socialAid.unknown, cur.barriers._none, cur.debrief.no], [5, 5, 5], 'four of A\'s calls say nothing of it either, and the old one');
      await hub.ctx.db.query(`DELETE FROM hub_call_facts WHERE call_id = 'old-call-1'`);
    });

    test('the barometer names services from the hub\'s directory, says so for an id it lacks, and a calendar month shows the same month a year earlier', async () => {
      const line = await lineReportBundle(hub.ctx, { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', generator: 'test' });
      const services = line.report.tables.find((t) => t.id === 'barometerServices')!;
      const labels = services.rows.filter((r) => !r.total).map((r) => r.label.fr);
      assert.ok(labels.includes('CPAS de Test'), labels.join(', '));
      assert.ok(labels.includes('Service hors répertoire (gone-7)'), labels.join(', '));
      assert.deepEqual(line.report.yearEarlier, { from: '2025-03-01', to: '2025-03-31' });
      assert.equal(line.report.headline.yearEarlierCalls?.v, 1, 'B\'s call of March 2025');
      assert.equal(line.facts?.yearEarlier?.calls, 1);
    });

    test('"help arrived" from the follow-ups of shared callbacks counts per named service and is written in the report files', async () => {
      // A follow-up as a reached shared callback leaves it on the hub (issue 15's state row).
      const followUp = { callId: callA, recordedAt: '2026-03-15T10:00:00.000Z', by: 'Rita', centre: 'CASG Nord', referrals: [{ serviceId: 'ligne-0', kind: 'cpas', help: 'arrived' }, { serviceId: 'gone-7', kind: 'other', help: 'refused' }], newRequest: false, anotherCallback: false };
      const [seq] = await hub.ctx.db.query<{ value: number }>('UPDATE hub_sequence SET value = value + 1 WHERE id = 1 RETURNING value');
      const itemId = crypto.randomUUID();
      await hub.ctx.db.query(`INSERT INTO hub_items (kind, id, seq, payload, device_id) VALUES ('callback', $1, $2, $3, NULL)`, [itemId, seq?.value, JSON.stringify({ followUp })]);
      const line = await lineReportBundle(hub.ctx, { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', generator: 'test' });
      assert.deepEqual(line.facts?.current.helpArrivedByService, { 'ligne-0': 1 });
      const services = line.report.tables.find((t) => t.id === 'barometerServices')!;
      const col = services.columns.findIndex((c) => c.key === 'helpArrived');
      assert.equal(services.rows.find((r) => r.label.fr === 'CPAS de Test')?.cells[col]?.v, 1);
      const { exportReport } = await import('../../src/reports/exportReport.ts');
      const file = await exportReport(line, { format: 'csv', delimiter: ';', lang: 'fr' });
      const text = file.bytes.toString('utf8');
      assert.match(text, /Rappels : l'aide est-elle arrivée/, 'the help-arrived table is in the file');
      assert.match(text, /^CPAS de Test;5;5;1;20,0;1$/m, 'the barometer row of the named service: 5 referrals, 5 contacted, 1 unreachable, 20 %, help arrived 1');
      // Only the follow-up was needed here: the row is not a whole callback a PC could pull.
      await hub.ctx.db.query('DELETE FROM hub_items WHERE id = $1', [itemId]);
    });

    test('a supervisor\'s Relais fetches "Bilan de la ligne" from the hub (reports.line), exports it (reports.lineExport, audited); a responder is refused by the router', async () => {
      const onHub = await lineReportBundle(hub.ctx, { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', generator: 'x' });
      const shown = await ok<{ title: { fr: string }; flavour: string; headline: { calls: { v: number } }; tables: Array<{ id: string }> }>(b, 'reports.line', { from: '2026-03-01', to: '2026-03-31' });
      assert.deepEqual([shown.title.fr, shown.flavour, shown.headline.calls.v], ['Bilan de la ligne', 'internal', onHub.report.headline.calls.v]);
      assert.deepEqual(shown.tables.map((t) => t.id), onHub.report.tables.map((t) => t.id));
      const pub = await ok<{ flavour: string; tables: Array<{ rows: Array<{ cells: Array<{ h?: string }> }> }> }>(b, 'reports.line', { from: '2026-03-01', to: '2026-03-31', flavour: 'public' });
      assert.equal(pub.flavour, 'public');
      assert.ok(pub.tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.h === 'below'))), 'small counts hidden by the hub');

      const json = await ok<{ fileName: string; savedTo: string | null; bytes: number; flavour: string }>(b, 'reports.lineExport', { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', format: 'json' });
      assert.equal(json.fileName, 'bilan-ligne-2026-03-01_2026-03-31-interne.json');
      const doc = JSON.parse(savedBytes(json).toString('utf8'));
      assert.equal(doc.facts.current.calls, onHub.facts?.current.calls, 'an internal file carries the facts (a regional merge can read it)');
      const csvPublic = await ok<{ fileName: string; savedTo: string | null; bytes: number; flavour: string }>(b, 'reports.lineExport', { from: '2026-03-01', to: '2026-03-31', flavour: 'public', format: 'csv' });
      assert.equal(csvPublic.flavour, 'public');
      assert.match(savedBytes(csvPublic).toString('utf8'), /Bilan de la ligne/);
      const audit = await ok<{ entries: Array<{ action: string; detail: Record<string, unknown> }> }>(b, 'audit.list', {});
      assert.ok(audit.entries.some((e) => e.action === 'export.report' && e.detail.kind === 'line' && e.detail.public === true && e.detail.format === 'csv'));

      const session = b.services.session;
      const role = session.role;
      session.role = 'responder';
      try {
        for (const name of ['reports.line', 'reports.lineExport']) {
          const r = await b.router.dispatch(name, { from: '2026-03-01', to: '2026-03-31', flavour: 'internal', format: 'json' });
          assert.equal(r.ok ? 'ok' : r.error.code, 'Forbidden', name);
        }
      } finally {
        session.role = role;
      }
      const bad = await b.router.dispatch('reports.line', { from: '2026-03-31', to: '2026-03-01' });
      assert.equal(bad.ok ? 'ok' : bad.error.code, 'HubRefused', 'a period ending before it starts is refused by the hub');
    });

    test('an "unreachable" note written on A keeps its kind on B: result rows and B\'s "to verify" list', async () => {
      await ok(a, 'directory.addNote', { serviceId: 'ligne-2', text: 'Personne ne décroche depuis lundi', kind: 'unreachable' });
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
      assert.equal(directoryRepository(b.services.store.database()).unreachableCounts(since).get('ligne-2'), 1);
      await ok(b, 'directory.setMaintainer', { profileId: b.services.session.profileId, maintainer: true });
      const list = await ok<{ items: Array<{ id: string; reason: string; unreachableNotes: number }> }>(b, 'directory.toVerify', {});
      const item = list.items.find((i) => i.id === 'ligne-2');
      assert.deepEqual([item?.reason, item?.unreachableNotes], ['unreachable', 1], 'on B\'s worklist, for A\'s note');
      assert.equal(list.items[0]?.id, 'ligne-2', 'unreachable notes come first');
    });

    test('a note pulled before its service waits and arrives with the service, whichever way the service comes', async () => {
      // A knows a service B does not (yet): A's note about it reaches B before the service does.
      const dbA = a.services.store.database();
      const base = directoryRepository(dbA).getService('ligne-0')!;
      directoryRepository(dbA).upsertServices([{ ...base, id: 'late-1', name: 'Service tardif' }, { ...base, id: 'late-2', name: 'Autre tardif' }], new Date());
      await ok(a, 'directory.addNote', { serviceId: 'late-1', text: 'Ne répond plus', kind: 'unreachable' });
      await ok(a, 'directory.addNote', { serviceId: 'late-2', text: 'Nouveau numéro' });
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      const dbB = b.services.store.database();
      const notesOn = (id: string) => dbB.prepare('SELECT text, kind, centre, origin FROM reachability_notes WHERE service_id = ?').all(id);
      assert.deepEqual(notesOn('late-1'), []);
      assert.equal(dbB.prepare('SELECT count(*) FROM sync_pending_notes').pluck().get(), 2, 'kept, not skipped');
      // The service arrives through the line's directory…
      await importHubDirectory(hub.ctx, csv([...LINE, 'late-1;Service tardif;debt;02 555 00 09;Schaerbeek']), 'ligne.csv', { dryRun: false });
      await ok(b, 'hub.syncNow', {});
      assert.deepEqual(notesOn('late-1'), [{ text: 'Ne répond plus', kind: 'unreachable', centre: 'CASG Nord', origin: 'hub' }]);
      assert.equal(directoryRepository(dbB).unreachableCounts(new Date(Date.now() - 86_400_000).toISOString()).get('late-1'), 1);
      // …or through this PC's own import: the note follows all the same, and is not sent back.
      directoryRepository(dbB).upsertServices([{ ...directoryRepository(dbB).getService('ligne-0')!, id: 'late-2', name: 'Autre tardif' }], new Date());
      assert.deepEqual(notesOn('late-2'), [{ text: 'Nouveau numéro', kind: 'note', centre: 'CASG Nord', origin: 'hub' }]);
      assert.equal(dbB.prepare('SELECT count(*) FROM sync_pending_notes').pluck().get(), 0);
      assert.equal(dbB.prepare(`SELECT count(*) FROM sync_outbox WHERE kind = 'note'`).pluck().get(), 0);
    });
  });
}
