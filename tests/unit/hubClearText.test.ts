import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub } from './helpers/hubServer.ts';
import { filesContaining } from './helpers/storeFilesScan.ts';

// Issue 15, done-when: "a search of the hub's database files (the PGlite folder, and a pg_dump
// of PostgreSQL) finds no callback number, reason, pseudonym or handover text in clear". Two
// workstations write recognisable values through a real hub, then the test greps the hub's
// own bytes for them — and, as a control that the search can fail, finds the metadata the hub
// is meant to hold in clear (the centres' names).
// Covered: the callback's number (every way it is written), reason and "pour qui rappellera"
// (points 1–4), handover text, the pseudonym, the "à savoir" line (points 6–7). Responders'
// display names are not among them: a shared callback names who holds it (centre and name) in
// clear by design; the handover note's author is sealed with its text.

const SECRETS = {
  callbackReason: 'Ornithorynque dossier chauffage',
  forNext: 'Pangolinette attend le CPAS',
  handover: 'Zebracornu sentinelle du guichet',
  pseudonym: 'Monsieur Quokkalune',
  knowThat: 'Narvalbleu prefere le matin',
};
/** The callback number as typed, in E.164, and bare digits: none may appear. */
const NUMBER_FORMS = ['0470 98 76 51', '+32470987651', '32470987651', '0470987651', '470987651', '470 98 76 51'];
const IN_CLEAR_ON_PURPOSE = ['CPAS Anderlecht', 'Anderlecht 1'];

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Every way a secret could sit in the files: as typed, lower- and upper-case, and the pseudonym as matched (normalised). */
const needlesOf = (s: string) => [...new Set([s, s.toLowerCase(), s.toUpperCase()])];
const SECRET_NEEDLES = Object.values(SECRETS).flatMap(needlesOf).concat(['quokkalune'], NUMBER_FORMS);

/** The next weekday (the default line hours are Monday–Friday), as YYYY-MM-DD. */
function nextWeekday(): string {
  const d = new Date(Date.now() + 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

for (const engine of ENGINES) {
  describe(`the hub's database files hold no shared secret in clear (${engine})`, () => {
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    before(async () => {
      ({ hub, a, b } = await startTwoPcLine(engine));

      await ok(a, 'reports.handover.add', { text: SECRETS.handover });
      const repo = callsRepository(a.services.store.database());
      const t0 = new Date('2026-02-02T09:00:00Z');
      const id = repo.start(a.services.session.profileId as string, t0);
      repo.end(id, new Date(t0.getTime() + 60_000), 60_000, new Date(t0.getTime() + 60_000));
      repo.saveRecord(id, { themes: ['housing'], interventions: ['information'], pseudonym: SECRETS.pseudonym, knowThat: SECRETS.knowThat } as never, t0);
      repo.close(id, new Date(t0.getTime() + 120_000));
      await ok(a, 'callbacks.schedule', { callId: id, consent: true, phone: NUMBER_FORMS[0], window: { date: nextWeekday(), from: '10:00', to: '12:00' }, language: 'fr', reason: SECRETS.callbackReason, forNext: SECRETS.forNext, assignTo: 'team' });
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'reports.handover.add', { text: 'Rien de neuf.' });
      await ok(b, 'hub.syncNow', {});
      // The values did travel: B reads them, so the hub did hold them (sealed).
      const board = await ok<{ handover: { notes: Array<{ text: string }> } | null }>(b, 'shift.board', {});
      assert.ok(board.handover?.notes.some((n) => n.text === SECRETS.handover));
      assert.equal((await ok<{ count: number }>(b, 'calls.repeatCaller', { pseudonym: SECRETS.pseudonym })).count, 1);
      type Row = { reason: string };
      const q = await ok<{ dueNow: Row[]; overdue: Row[]; upcoming: Row[] }>(b, 'callbacks.queue', { holder: 'all' });
      assert.ok([...q.dueNow, ...q.overdue, ...q.upcoming].some((c) => c.reason === SECRETS.callbackReason), 'the callback reached B');
    });
    after(async () => {
      a.shutdown();
      b.shutdown();
      if (engine === 'postgres') await hub.stop();
    });

    if (engine === 'postgres') {
      test('pg_dump of the hub database: no callback number, reason, handover text, pseudonym or "à savoir" in clear', () => {
        const loc = hub.location;
        assert.equal(loc.kind, 'postgres');
        const dump = execFileSync('pg_dump', ['--no-owner', '--dbname', loc.kind === 'postgres' ? loc.url : ''], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        for (const clear of IN_CLEAR_ON_PURPOSE) assert.ok(dump.includes(clear), `control: the dump holds ${clear}`);
        assert.ok(dump.includes('lk1.'), 'control: the sealed values are in the dump');
        for (const secret of SECRET_NEEDLES) assert.ok(!dump.includes(secret), `"${secret}" is not in the dump`);
      });
    } else {
      test('the PGlite data folder, closed: no callback number, reason, handover text, pseudonym or "à savoir" in any file', async () => {
        const loc = hub.location;
        assert.equal(loc.kind, 'pglite');
        const dir = loc.kind === 'pglite' ? loc.dataDir : '';
        await hub.server.close();
        await hub.ctx.db.close();
        try {
          for (const clear of IN_CLEAR_ON_PURPOSE) assert.ok(filesContaining(dir, [clear]).length > 0, `control: some file holds ${clear}`);
          assert.deepEqual(filesContaining(dir, SECRET_NEEDLES), [], 'no file holds a secret');
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
