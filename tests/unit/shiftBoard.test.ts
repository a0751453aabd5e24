import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { directoryRepository } from '../../src/directory/directoryRepository.ts';
import { seedDemoDirectory } from '../../src/directory/demo/seedDemoDirectory.ts';
import { DEFAULT_LINE_HOURS, lineStatus, withinLineHours } from '../../src/domain/lineHours.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { newOpenCore, seedResponder } from './helpers/tempStore.ts';

// The home board (issue 16): on shift until when, records to finish, the previous shift's
// handover notes and what changed in the directory since this profile's last shift.

const PIN = '246810';
const MONDAY_10H = '2026-03-16T09:00:00.000Z'; // 10:00 in Brussels (winter time)

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

test('line hours: open until 17:00 Brussels on weekdays, closed evenings and weekends, across DST', () => {
  assert.deepEqual(lineStatus(DEFAULT_LINE_HOURS, new Date(MONDAY_10H)), { open: true, closesAt: '2026-03-16T16:00:00.000Z', opensAt: null });
  assert.deepEqual(lineStatus(DEFAULT_LINE_HOURS, new Date('2026-03-16T17:30:00.000Z')), { open: false, closesAt: null, opensAt: '2026-03-17T08:00:00.000Z' });
  // Friday evening before the switch to summer time: Monday 9:00 is then 07:00 UTC.
  assert.deepEqual(lineStatus(DEFAULT_LINE_HOURS, new Date('2026-03-27T17:00:00.000Z')), { open: false, closesAt: null, opensAt: '2026-03-30T07:00:00.000Z' });
  assert.equal(lineStatus(DEFAULT_LINE_HOURS, new Date('2026-03-16T07:59:00.000Z')).opensAt, '2026-03-16T08:00:00.000Z', 'before opening: today');
  assert.equal(withinLineHours(DEFAULT_LINE_HOURS, new Date('2026-03-16T15:00:00.000Z')), true);
  assert.equal(withinLineHours(DEFAULT_LINE_HOURS, new Date('2026-03-21T10:00:00.000Z')), false, 'a Saturday');
  assert.equal(withinLineHours(DEFAULT_LINE_HOURS, new Date('2026-03-16T19:00:00.000Z')), false, '20:00');
  assert.deepEqual(lineStatus({ days: ['sat'], open: '10:00', close: '12:00' }, new Date(MONDAY_10H)).opensAt, '2026-03-21T09:00:00.000Z');
});

test('shift.board: line, records to finish, previous handover, directory changes since the last shift', async () => {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  const core = await newOpenCore({ clock });
  const db = core.services.store.database();
  seedDemoDirectory(db, clock.now());
  const marie = await seedResponder(core, { displayName: 'Marie', centre: 'CASG Nord', pin: PIN });
  const tom = await seedResponder(core, { displayName: 'Tom', centre: 'CAW Brussel', pin: PIN });

  assert.equal((await core.router.dispatch('shift.board', {})).ok, false, 'signed-in profiles only');

  // Marie's first shift (Friday 13 March): one call left to finish, a handover note.
  clock.set('2026-03-13T10:00:00.000Z');
  await op(core, 'profiles.signIn', { profileId: marie.id, secret: PIN });
  const first = await op(core, 'shift.board', {});
  assert.equal(first.directory.firstShift, true);
  assert.equal(first.directory.servicesTotal, 0, 'the demo directory is older than a week');
  const call = await op(core, 'calls.start', {});
  clock.advance(5 * 60_000);
  await op(core, 'calls.end', { callId: call.id });
  await op(core, 'reports.handover.add', { text: 'Le CPAS de Forest ne répond plus le matin.' });
  assert.equal((await op(core, 'shift.board', {})).toFinish, 1);
  await op(core, 'profiles.signOut', {});

  // Meanwhile Tom changes a service and writes a reachability note.
  clock.set('2026-03-14T10:00:00.000Z');
  await op(core, 'profiles.signIn', { profileId: tom.id, secret: PIN });
  const service = directoryRepository(db).listServices()[0]!;
  directoryRepository(db).upsertServices([{ ...service, description: 'Nouvel horaire' }], clock.now());
  await op(core, 'directory.addNote', { serviceId: service.id, text: 'Plus de réponse depuis deux semaines.' });
  await op(core, 'profiles.signOut', {});

  // Marie's next shift, Monday 16 March at 10:00.
  clock.set(MONDAY_10H);
  await op(core, 'profiles.signIn', { profileId: marie.id, secret: PIN });
  const board = await op(core, 'shift.board', {});
  assert.equal(board.profile.displayName, 'Marie');
  assert.deepEqual(board.line, { hours: DEFAULT_LINE_HOURS, open: true, closesAt: '2026-03-16T16:00:00.000Z', opensAt: null });
  assert.equal(board.toFinish, 1);
  assert.equal(board.handover?.day, '2026-03-13');
  assert.deepEqual(board.handover?.notes.map((n) => [n.text, n.author]), [['Le CPAS de Forest ne répond plus le matin.', 'Marie']]);
  assert.equal(board.directory.firstShift, false);
  assert.equal(board.directory.since, '2026-03-13T10:00:00.000Z', 'since her previous sign-in');
  assert.deepEqual(board.directory.services.map((s) => [s.id, s.added]), [[service.id, false]]);
  assert.deepEqual(board.directory.notes.map((n) => [n.serviceName, n.text]), [[service.name, 'Plus de réponse depuis deux semaines.']]);
  core.shutdown();
});
