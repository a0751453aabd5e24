import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DAY, dayOf as localDateOf, HOUR, MINUTE, timeOf as localTimeOf } from '../../src/domain/brusselsTime.ts';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { StoreSession } from '../../src/store/storeSession.ts';
import { baseSchedule, newCallbacksWorld, op } from './helpers/callbacksSetup.ts';
import { TEST_PASSPHRASE, tempDir } from './helpers/tempStore.ts';

// `relais-admin callbacks list` and `relais-admin purge` on a store filled through the app's
// own operations, at real time (the CLI reads the system clock).

async function cli(args: string[], dataDir: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const env = { RELAIS_PASSPHRASE: TEST_PASSPHRASE, RELAIS_CONFIG: path.join(tempDir(), 'none.json') };
  const code = await runCli([...args, '--data-dir', dataDir], io, env);
  return { code, out, err };
}

function local(t: number): { date: string; from: string } {
  const d = new Date(t);
  return { date: localDateOf(d), from: localTimeOf(d) };
}

async function fill(): Promise<{ dataDir: string; ids: Record<string, string> }> {
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  const w = await newCallbacksWorld(new Date(now - 40 * DAY).toISOString());
  const sched = async (phone: string, at: number, assignTo: 'me' | 'team' = 'team') =>
    (await op(w.core, 'callbacks.schedule', { ...baseSchedule, phone, assignTo, callId: w.callId, window: local(at) })).callback.id;
  const ids: Record<string, string> = {};
  ids.old = await sched('0470 11 11 11', now - 40 * DAY + HOUR);
  await op(w.core, 'callbacks.logAttempt', { id: ids.old, result: 'reached' });
  w.clock.set(now - 10 * DAY);
  ids.recent = await sched('0470 22 22 22', now - 10 * DAY + HOUR);
  await op(w.core, 'callbacks.logAttempt', { id: ids.recent, result: 'wrong_number' });
  w.clock.set(now - 3 * HOUR);
  ids.overdue = await sched('0470 33 33 33', now - 2 * HOUR, 'me');
  ids.upcoming = await sched('02 555 44 44', now + DAY);
  w.core.shutdown();
  return { dataDir: w.dataDir, ids };
}

test('callbacks list: overdue then upcoming, masked numbers, holder; --due keeps what is due; --json for scripts', async () => {
  const { dataDir, ids } = await fill();
  const json = await cli(['callbacks', 'list', '--json'], dataDir);
  assert.equal(json.code, 0, json.err);
  const r = JSON.parse(json.out);
  assert.deepEqual(r.counts, { overdue: 1, dueNow: 0, upcoming: 1 });
  assert.deepEqual(r.callbacks.map((c: { id: string; state: string }) => [c.id, c.state]), [[ids.overdue, 'overdue'], [ids.upcoming, 'upcoming']]);
  assert.equal(r.callbacks[0].holder, 'Marie D.');
  assert.equal(r.callbacks[1].holder, null);
  assert.equal(r.callbacks[0].number, '+324••••••33');
  assert.ok(r.callbacks[0].lateMinutes >= 119);
  assert.ok(!json.out.includes('470333333') && !json.out.includes('5554444'), 'numbers are masked');

  const due = JSON.parse((await cli(['callbacks', 'list', '--due', '--json'], dataDir)).out);
  assert.deepEqual(due.callbacks.map((c: { id: string }) => c.id), [ids.overdue]);

  const text = await cli(['callbacks', 'list'], dataDir);
  assert.equal(text.code, 0);
  assert.match(text.out, /1 overdue, 0 due now, 1 upcoming/);
  assert.match(text.out, /overdue\s+2 h 0\d\s+fr\s+Marie D\.\s+0\/3\s+\+324••••••33/);
  assert.match(text.out, /upcoming\s+fr\s+team/);
});

test('purge --dry-run changes nothing; purge deletes the numbers past 30 days and logs the count only', async () => {
  const { dataDir, ids } = await fill();
  const dbFile = path.join(dataDir, 'relais.db');
  const before = fs.readFileSync(dbFile);
  const dry = await cli(['purge', '--dry-run', '--json'], dataDir);
  assert.equal(dry.code, 0, dry.err);
  const plan = JSON.parse(dry.out);
  assert.equal(plan.dryRun, true);
  assert.deepEqual(plan.steps.filter((s: { step: string }) => s.step === 'callbacks.numbers').map((s: { step: string; count: number }) => [s.step, s.count]), [['callbacks.numbers', 1]]);
  assert.ok(fs.readFileSync(dbFile).equals(before), 'dry run: the store file is byte for byte the same');

  const run = await cli(['purge'], dataDir);
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, /Purge done: 1 item\(s\) deleted/);
  assert.match(run.out, /callbacks\.numbers: 1 deleted — phone numbers of completed or closed callbacks, 30 days after/);
  assert.equal(JSON.parse((await cli(['purge', '--json'], dataDir)).out).total, 0, 'nothing left to purge');

  const s = new StoreSession({ dataDir });
  await s.unlock(TEST_PASSPHRASE);
  const rows = s.database().prepare('SELECT id, phone_e164 AS phone, number_deleted_reason AS why FROM callbacks').all() as Array<{ id: string; phone: string | null; why: string | null }>;
  s.close();
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.deepEqual(byId.get(ids.old as string), { id: ids.old, phone: null, why: 'retention' });
  assert.equal(byId.get(ids.recent as string)?.phone, '+32470222222', 'closed 10 days ago: kept');
  assert.equal(byId.get(ids.overdue as string)?.phone, '+32470333333', 'open: kept');

  const log = fs.readFileSync(path.join(dataDir, 'logs', 'relais.log'), 'utf8');
  assert.match(log, /"event":"purge.step","step":"callbacks.numbers","count":1,"dryRun":false/);
  assert.ok(!log.includes('470111111'), 'the log never holds the number');
});
