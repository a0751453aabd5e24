// Shared callbacks benchmark (issue 15): `node --expose-gc bench/sharedCallbacks.bench.ts` prints a
// Markdown section. A real hub (Fastify on loopback, PostgreSQL at 127.0.0.1:5432 in a throwaway
// database) and two workstation cores in this process:
// - A schedules 1,000 callbacks on one call (local rows, each queued for the hub in its
//   transaction); A's push seals 2,000 values (number + context) and sends them;
// - B pulls the 1,000 callbacks and opens (decrypts) every sealed value while applying them;
// - the queue (`callbacks.queue` through the router: zod, handler, SQL, views with the call's
//   summary) on B, whose 1,000 callbacks all came through the hub, against the same queue on A,
//   whose 1,000 callbacks are local — the baseline, in the same run.
// Decryption happens when a callback is pulled, not at each queue view (the number and context are
// kept in B's encrypted store like a local callback's): the pull figure is where it costs.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AppCore } from '../src/app/appCore.ts';
import { callbacksRepository } from '../src/callbacks/callbacksRepository.ts';
import { callsRepository } from '../src/calls/callsRepository.ts';
import type { InputOf, OperationName, OutputOf } from '../src/contract/index.ts';
import { createFoundingCode } from '../src/hub/enrolment.ts';
import { readHubLink } from '../src/sync/hubLinkRepository.ts';
import { openTextWithLineKey, sealWithLineKey } from '../src/sync/lineKey.ts';
import { callbackShare } from '../src/sync/sharedCallbacks.ts';
import { startTestHub } from '../tests/unit/helpers/hubServer.ts';
import { newOpenCore, signInSupervisor } from '../tests/unit/helpers/tempStore.ts';

const N = 1000;
const RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 25);

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}
const f = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
function row(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `| ${label} | ${s.length} | ${f(percentile(s, 50))} ms | ${f(percentile(s, 95))} ms | ${f(s[s.length - 1] ?? 0)} ms |`;
}

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

async function times(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const hub = await startTestHub('postgres');
const a = await newOpenCore({ seedDemo: true });
const b = await newOpenCore({ seedDemo: true });
try {
  await signInSupervisor(a);
  await signInSupervisor(b);
  const { code } = await createFoundingCode(hub.ctx);
  await op(a, 'hub.join', { url: hub.url, code, deviceName: 'A' });
  const inv = await op(a, 'hub.invite', { centre: 'CAW Brussel' });
  await op(b, 'hub.join', { url: hub.url, code: inv.code, deviceName: 'B' });

  // One call on A with themes and a referral; 1,000 callbacks from it over the next 10 days.
  const db = a.services.store.database();
  const service = db.prepare('SELECT id, name FROM services ORDER BY id LIMIT 1').get() as { id: string; name: string };
  const calls = callsRepository(db);
  const now = Date.now();
  const callId = calls.start(a.services.session.profileId as string, new Date(now));
  calls.saveRecord(callId, { themes: ['logement', 'sante'], interventions: ['referral'], pseudonym: 'Monsieur du lundi', referrals: [{ serviceId: service.id, serviceName: service.name, contacted: true, consent: true, outcome: 'will_help' }] } as never, new Date(now));
  const repo = callbacksRepository(db);
  const share = callbackShare(db);
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const due = new Date(now + 60_000 + Math.floor((i / N) * 10 * 86_400_000)).toISOString();
      const row = repo.insert({ id: crypto.randomUUID(), callId, phoneE164: `+32${470_000_000 + i}`, consentAt: new Date(now).toISOString(), language: 'fr', reason: 'Vérifier que le CPAS a rappelé', windowStart: due, windowEnd: null, dueAt: due, assigneeProfileId: null, createdByProfileId: a.services.session.profileId, createdAt: new Date(now).toISOString(), forNext: 'Attend la réponse du CPAS pour le loyer' });
      share?.created(row);
    }
  })();

  let t0 = performance.now();
  const pushed = await op(a, 'hub.syncNow', {});
  const pushMs = performance.now() - t0;
  t0 = performance.now();
  const pulled = await op(b, 'hub.syncNow', {});
  const pullMs = performance.now() - t0;
  const onB = (b.services.store.database().prepare(`SELECT count(*) FROM callbacks WHERE origin = 'hub'`).pluck().get() as number) ?? 0;

  // The crypto alone: seal and open 2,000 values (number + context of 1,000 callbacks).
  const key = (readHubLink(db) ?? { lineKey: null }).lineKey;
  if (!key) throw new Error('A has no line key');
  const context = JSON.stringify({ reason: 'Vérifier que le CPAS a rappelé', forNext: 'Attend la réponse du CPAS pour le loyer', call: { startedAt: new Date(now).toISOString(), themes: ['logement', 'sante'], referrals: [{ serviceId: service.id, serviceName: service.name, contacted: true, outcome: 'will_help' }], resolution: null, pseudonym: 'Monsieur du lundi' } });
  const ids = Array.from({ length: N }, () => crypto.randomUUID());
  t0 = performance.now();
  const sealed = ids.map((id) => [sealWithLineKey(key, '+32470123456', `callback:${id}:number`), sealWithLineKey(key, context, `callback:${id}:context`)] as const);
  const sealMs = performance.now() - t0;
  t0 = performance.now();
  ids.forEach((id, i) => {
    openTextWithLineKey(key, sealed[i]![0], `callback:${id}:number`);
    openTextWithLineKey(key, sealed[i]![1], `callback:${id}:context`);
  });
  const openMs = performance.now() - t0;

  const firstPage: InputOf<'callbacks.queue'> = { holder: 'all', doneLimit: 20, limit: 50 };
  const allRows: InputOf<'callbacks.queue'> = { holder: 'all', doneLimit: 20, limit: N };
  const localFirst = await times(() => op(a, 'callbacks.queue', firstPage));
  const sharedFirst = await times(() => op(b, 'callbacks.queue', firstPage));
  const localAll = await times(() => op(a, 'callbacks.queue', allRows));
  const sharedAll = await times(() => op(b, 'callbacks.queue', allRows));

  const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
  console.log(
    [
      '## Shared callbacks (bench/sharedCallbacks.bench.ts)',
      '',
      `Two workstation cores and a real hub (Fastify on loopback, PostgreSQL) in one process; ${N} callbacks scheduled on A from one call (themes, a referral, a pseudonym, a "pour qui rappellera" note), pushed to the hub, pulled by B. Load average at the start of the queue runs: ${load}.`,
      '',
      '| Step | Time |',
      '|---|---|',
      `| A's push: ${pushed.pushed} callbacks, number and context sealed (AES-256-GCM) at push time, in batches of 200 | ${f(pushMs)} ms |`,
      `| B's pull: ${pulled.pulled} callbacks applied, **every number and context opened (decrypted)**, ${onB} rows written | ${f(pullMs)} ms |`,
      `| The crypto alone: seal 2,000 values (1,000 numbers + 1,000 contexts of ${context.length} bytes) | ${f(sealMs)} ms |`,
      `| The crypto alone: open the same 2,000 values | ${f(openMs)} ms |`,
      '',
      '| Queue view (`callbacks.queue` through the router) | samples | p50 | p95 | max |',
      '|---|---|---|---|---|',
      row(`First page (50 per list), A: ${N} local callbacks — baseline`, localFirst),
      row(`First page (50 per list), B: ${N} shared callbacks pulled from the hub`, sharedFirst),
      row(`All rows, A: ${N} local callbacks — baseline`, localAll),
      row(`All rows, B: ${N} shared callbacks pulled from the hub`, sharedAll),
      '',
      'A local row reads its call summary from the call (three queries for the whole page); a shared row carries the summary it was sealed with (opened once, at pull). The queue of shared callbacks does no decryption per view.',
    ].join('\n'),
  );
} finally {
  a.shutdown();
  b.shutdown();
  await hub.stop();
}
