import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { Io } from '../../src/cli/io.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { importHubDirectory } from '../../src/hub/hubDirectory.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';
import { tempDir } from './helpers/tempStore.ts';

// The line's directory on the hub: import (same formats and row checks as a workstation),
// pull of only what changed, a maintainer's edit going to the hub, and unreachable notes
// counted on every workstation.

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const csv = (rows: string[]) => new TextEncoder().encode(['id;name;themes;phone;commune', ...rows].join('\n'));
const lineDirectory = Array.from({ length: 30 }, (_, i) => `ligne-${i};Service ${i};food;02 555 00 ${String(i).padStart(2, '0')};Schaerbeek`);

for (const engine of ENGINES) {
  describe(`the line's directory on the hub (${engine})`, () => {
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    before(async () => {
      line = await startTwoPcLine(engine);
      ({ hub, a, b } = line);
    });
    after(() => line.stop());

    test('an import on the hub reaches A and B (replacing the demo directory); a second import sends only what changed', async () => {
      const first = await importHubDirectory(hub.ctx, csv([...lineDirectory, 'bad;;food;;']), 'ligne.csv', { dryRun: false });
      assert.deepEqual(first.counts, { added: 30, changed: 0, unchanged: 0, rejected: 1 });
      assert.equal(first.rejected[0]?.row, 32);
      for (const ws of [a, b]) {
        const r = await ok<{ pulled: number }>(ws, 'hub.syncNow', {});
        assert.equal(r.pulled, 30);
        const repo = directoryRepository(ws.services.store.database());
        assert.equal(repo.countServices(), 30, 'the demo directory gave way to the line\'s');
        assert.equal(repo.getService('ligne-7')?.phone, '02 555 00 07');
      }
      const changed = [...lineDirectory];
      changed[3] = 'ligne-3;Service 3;food;02 555 99 99;Schaerbeek';
      const second = await importHubDirectory(hub.ctx, csv(changed), 'ligne.csv', { dryRun: false });
      assert.deepEqual(second.counts, { added: 0, changed: 1, unchanged: 30 - 1, rejected: 0 });
      const r = await ok<{ pulled: number }>(a, 'hub.syncNow', {});
      assert.equal(r.pulled, 1, 'incremental: only the changed service');
      assert.equal(directoryRepository(a.services.store.database()).getService('ligne-3')?.phone, '02 555 99 99');
    });

    test('a maintainer\'s edit on A goes to the hub\'s directory and reaches B; pulled back on A it is not sent again', async () => {
      const me = a.services.session.profileId as string;
      await ok(a, 'directory.setMaintainer', { profileId: me, maintainer: true });
      const s = directoryRepository(a.services.store.database()).getService('ligne-5');
      await ok(a, 'directory.saveService', { service: { ...s, hours: 'lun-ven 9h-12h' }, create: false });
      assert.equal(await ok<{ pending: number }>(a, 'hub.status', {}).then((x) => x.pending), 1);
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      assert.equal(directoryRepository(b.services.store.database()).getService('ligne-5')?.hours, 'lun-ven 9h-12h');
      const again = await ok<{ pushed: number; pending: number }>(a, 'hub.syncNow', {});
      assert.deepEqual([again.pushed, again.pending], [0, 0]);
      // The next hub import without an hours column keeps the maintainer's hours.
      const r = await importHubDirectory(hub.ctx, csv(lineDirectory), 'ligne.csv', { dryRun: true });
      assert.equal(r.changed.find((c) => c.id === 'ligne-5'), undefined);
    });

    test('"unreachable" notes written on A count on B\'s result rows (last 30 days)', async () => {
      await ok(a, 'directory.addNote', { serviceId: 'ligne-9', text: 'Personne ne décroche', kind: 'unreachable' });
      await ok(a, 'directory.addNote', { serviceId: 'ligne-9', text: 'Horaires changés' });
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
      assert.equal(directoryRepository(b.services.store.database()).unreachableCounts(since).get('ligne-9'), 1);
    });

    test('a maintainer imports into the line\'s directory from the app: preview and row errors as a local import, applied on the hub, pulled here at once; the right is the router\'s', async () => {
      const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      const file = { fileName: 'ligne-fr.csv', content: b64(['Nom;Téléphone;Commune;Thématiques;id', 'Épicerie sociale Test;02 555 77 01;Jette;food;app-1', 'Maison Test;02 555 77 02;Evere;housing;app-2', ';;;;app-bad'].join('\n')) };
      // B is a supervisor without the maintainer right: refused before anything reaches the hub.
      const refused = await b.router.dispatch('directory.lineImportApply', file);
      assert.equal(refused.ok ? 'ok' : refused.error.code, 'Forbidden');
      const me = a.services.session.profileId as string;
      await ok(a, 'directory.setMaintainer', { profileId: me, maintainer: true });
      const seqBefore = (await hub.ctx.db.query<{ value: number }>('SELECT value FROM hub_sequence'))[0]?.value;
      const preview = await ok<{ applied: boolean; counts: Record<string, number>; rejected: Array<{ row: number }>; columns: Array<{ header: string; field: string | null }> }>(a, 'directory.lineImportPreview', file);
      assert.deepEqual([preview.applied, preview.counts.added, preview.counts.rejected, preview.rejected[0]?.row], [false, 2, 1, 4]);
      assert.deepEqual(preview.columns.map((c) => c.field), ['name', 'phone', 'commune', 'themes', 'id'], 'French headers understood as locally');
      assert.equal((await hub.ctx.db.query<{ value: number }>('SELECT value FROM hub_sequence'))[0]?.value, seqBefore, 'a preview writes nothing');
      assert.equal(directoryRepository(a.services.store.database()).getService('app-1'), null);

      const applied = await ok<{ applied: boolean; counts: Record<string, number> }>(a, 'directory.lineImportApply', file);
      assert.deepEqual([applied.applied, applied.counts.added], [true, 2]);
      assert.equal(directoryRepository(a.services.store.database()).getService('app-1')?.phone, '02 555 77 01', 'pulled here at once');
      await ok(b, 'hub.syncNow', {});
      assert.equal(directoryRepository(b.services.store.database()).getService('app-2')?.name, 'Maison Test', 'and on every PC');
      const audit = await ok<{ entries: Array<{ action: string; detail: Record<string, unknown> }> }>(a, 'audit.list', {});
      assert.ok(audit.entries.some((e) => e.action === 'directory.import' && e.detail.source === 'hub' && e.detail.added === 2));

      // A file the import refuses: its reason comes back as a local refusal would, in the PC's words.
      const bad = await a.router.dispatch('directory.lineImportPreview', { fileName: 'vide.csv', content: b64('id;name\n') });
      assert.equal(bad.ok, false);
      if (!bad.ok) {
        const local = await a.router.dispatch('directory.importPreview', { fileName: 'vide.csv', content: b64('id;name\n') });
        assert.equal(local.ok, false);
        assert.ok(bad.error.reason, 'a reason key the screen translates');
        if (!local.ok) assert.deepEqual([bad.error.code, bad.error.reason], [local.error.code, local.error.reason]);
      }
    });

    test('relais-hub directory import: --json, exit 2 when rows are rejected, 1 when the file is refused', async () => {
      if (engine === 'pglite') return; // one process holds a PGlite folder: the CLI is tested on PostgreSQL
      const { runHubCli } = await import('../../hub/cli.ts');
      const dir = tempDir();
      const file = path.join(dir, 'ligne.csv');
      fs.writeFileSync(file, csv([...lineDirectory.slice(0, 2), 'ligne-new;Nouveau;food;02 555 11 11;Ixelles', 'x;;;;']));
      let out = '';
      const io: Io = { out: (t) => void (out += `${t}\n`), err: () => undefined };
      if (hub.location.kind !== 'postgres') return;
      const env = { DATABASE_URL: hub.location.url };
      const code = await runHubCli(['directory', 'import', file, '--json'], { io, env });
      assert.equal(code, 2);
      assert.deepEqual(JSON.parse(out).counts, { added: 1, changed: 0, unchanged: 2, rejected: 1 });
      fs.writeFileSync(file, 'id;name\n');
      assert.equal(await runHubCli(['directory', 'import', file], { io, env }), 1, 'a header without rows is refused');
    });
  });
}
