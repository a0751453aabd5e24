import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { Io } from '../../src/cli/io.ts';
import { dayOf } from '../../src/domain/brusselsTime.ts';
import { lineReportBundle } from '../../src/hub/lineReport.ts';
import { reportBundleFromStore } from '../../src/reports/reportService.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';
import { tempDir } from './helpers/tempStore.ts';

// "Bilan de la ligne": the hub's report over every centre, from the call facts pushed by the
// workstations, through the workstation's own report and disclosure-control code.

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function closeCall(ws: AppCore, themes: string[], commune: string): Promise<void> {
  const call = await ok<{ id: string }>(ws, 'calls.start', {});
  await ok(ws, 'calls.end', { callId: call.id });
  await ok(ws, 'calls.close', { callId: call.id, record: { themes, interventions: ['orientation'], commune, resolution: 'resolved' } });
}

for (const engine of ENGINES) {
  describe(`relais-hub report (${engine})`, () => {
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    const today = dayOf(new Date());
    before(async () => {
      line = await startTwoPcLine(engine);
      ({ hub, a, b } = line);
      for (let i = 0; i < 6; i++) await closeCall(a, ['food'], 'schaerbeek');
      for (let i = 0; i < 4; i++) await closeCall(b, ['housing', 'debt'], 'anderlecht');
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
    });
    after(() => line.stop());

    test('the internal line report counts the calls of both centres with the workstation\'s own code', async () => {
      const line = await lineReportBundle(hub.ctx, { from: today, to: today, flavour: 'internal', generator: 'test' });
      assert.equal(line.report.title.fr, 'Bilan de la ligne');
      assert.deepEqual(line.source.centres, ['CASG Nord', 'CPAS Anderlecht']);
      assert.equal(line.report.headline.calls.v, 10);
      assert.equal(line.report.headline.requests.v, 14);
      const facts = line.facts?.current;
      assert.deepEqual([facts?.themes.food, facts?.themes.housing, facts?.themes.debt], [6, 4, 4]);
      // Same numbers as A's own bilan for A's calls (the same factsFromCalls/buildReport path).
      const own = reportBundleFromStore(a.services.store.database(), { from: today, to: today, flavour: 'internal', now: new Date(), generator: 'test' });
      assert.equal(own.facts?.current.themes.food, facts?.themes.food);
      assert.equal(own.facts?.current.communes.schaerbeek, facts?.communes.schaerbeek);
    });

    test('the public line report applies disclosure control: no raw facts, small cells hidden as on a workstation', async () => {
      const line = await lineReportBundle(hub.ctx, { from: today, to: today, flavour: 'public', generator: 'test' });
      assert.equal(line.report.flavour, 'public');
      assert.equal(line.facts, null, 'no unsuppressed facts in a public bundle');
      // Ten calls over two communes and three themes: small cells fall below the threshold.
      assert.match(JSON.stringify(line.report), /"h":"below"/, 'cells under the threshold are hidden');
      const internal = await lineReportBundle(hub.ctx, { from: today, to: today, flavour: 'internal', generator: 'test' });
      assert.doesNotMatch(JSON.stringify(internal.report), /"h":"below"/, 'the internal report shows exact counts');
    });

    test('relais-hub report writes the file and prints the centres and help-arrived counts', async () => {
      if (hub.location.kind !== 'postgres') return; // one process holds a PGlite folder: the CLI is tested on PostgreSQL
      const { runHubCli } = await import('../../hub/cli.ts');
      let out = '';
      const io: Io = { out: (t) => void (out += `${t}\n`), err: () => undefined };
      const file = path.join(tempDir(), 'ligne.xlsx');
      const code = await runHubCli(['report', '--from', today, '--to', today, '--format', 'xlsx', '--out', file, '--json'], { io, env: { DATABASE_URL: hub.location.url } });
      assert.equal(code, 0, out);
      const summary = JSON.parse(out);
      assert.deepEqual([summary.calls, summary.centres.length, summary.helpArrived.followUps], [10, 2, 0]);
      assert.ok(fs.statSync(file).size > 1000);
      out = '';
      const bad = await runHubCli(['report', '--from', today, '--to', '2001-01-01', '--out', file], { io, env: { DATABASE_URL: hub.location.url } });
      assert.equal(bad, 1, 'a period ending before it starts is refused');
    });
  });
}
