// Relais Hub benchmark (issue 14): `node --expose-gc bench/hub.bench.ts` prints a Markdown section.
// For each engine — PostgreSQL (a throwaway database at 127.0.0.1:5432) and PGlite (a data folder) —
// a real `relais-hub serve` PROCESS on loopback (tests/federation/harness.ts), and:
// 1. the line's directory: a maintainer's device pushes SERVICES services; a NEW workstation (a real
//    app core in its own process, encrypted store) joins and pulls them all; then, several times, the
//    maintainer changes CHANGED services and the workstation pulls only those (baseline: a round with
//    nothing new, and the full pull);
// 2. load: DEVICES simulated workstations sync every PERIOD for LOAD seconds (push their outbox,
//    pull after their cursor), a fifth of the rounds carrying new notes and call facts. They are
//    lightweight clients in this process — the workstation's own HubClient (wire protocol, zod
//    schemas), device tokens from real invitations (`hub.invite` on a real founder core) and real
//    enrolments, each from its own loopback address — not DEVICES full cores. Afterwards every
//    acknowledged change is looked up on the hub (lost? twice?) and every workstation is checked to
//    have pulled every note exactly once.
// HUB_BENCH_QUICK=1: a smoke run (40 workstations, 20 s, 2,000 services). Nothing here asserts a time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { HubEngine } from '../src/hub/db/hubDb.ts';
import { parseCode, wrapSecretBytes } from '../src/sync/enrolmentCode.ts';
import { HubClient } from '../src/sync/hubClient.ts';
import { unwrapLineKey } from '../src/sync/lineKey.ts';
import { type CallFactsWire, type ChangeWire, PROTOCOL_VERSION, serviceWire } from '../src/sync/wire.ts';
import { type Federation, type HubProcess, startFederation, type WorkstationProcess } from '../tests/federation/harness.ts';
import { syntheticDirectory } from './syntheticDirectory.ts';

const QUICK = process.env.HUB_BENCH_QUICK === '1';
const setting = (name: string, full: number, quick: number) => Number(process.env[name] ?? (QUICK ? quick : full));
const DEVICES = setting('HUB_BENCH_DEVICES', 500, 40);
const PERIOD_MS = setting('HUB_BENCH_PERIOD_S', 15, 5) * 1000;
const LOAD_MS = setting('HUB_BENCH_SECONDS', 120, 20) * 1000;
const SERVICES = setting('HUB_BENCH_SERVICES', 50_000, 2_000);
const CHANGED = setting('HUB_BENCH_CHANGED', 100, 20);
const INCREMENTAL_RUNS = setting('HUB_BENCH_INCREMENTAL_RUNS', 5, 2);
/** Share of rounds that carry new changes (1–3 notes or closed calls). */
const PUSH_SHARE = 0.2;
const PUSH_BATCH = 200; // the workstation's own batch (src/sync/syncRound.ts)
const PULL_PAGE = 1000;
const ENGINES = (process.env.HUB_BENCH_ENGINES ?? 'postgres,pglite').split(',') as HubEngine[];
const CENTRES = ['CASG Nord', 'CPAS Anderlecht', 'Infor Jeunes Schaerbeek', 'CAW Brussel', 'Service social Ixelles', 'SSQ Molenbeek', 'CPAS Saint-Gilles', 'Espace social Forest', 'CASG Etterbeek', 'Maison médicale Jette', 'CPAS Evere', 'SSJ Uccle', 'Centre Laeken', 'CPAS Watermael', 'Accueil Koekelberg'];

// --- small tools ---------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(0)} ms`);
const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;
const int = (n: number) => n.toLocaleString('en');
const sleep = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t)));
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** A fetch for HubClient whose connection leaves from `localAddress` (127.x.y.z): the hub's enrolment limit is per client address. */
function fetchFrom(localAddress: string): typeof fetch {
  return ((url: string | URL, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const u = new URL(String(url));
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, localAddress }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (typeof init.body === 'string') req.write(init.body);
      req.end();
    })) as typeof fetch;
}

async function inParallel<T>(count: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, count) }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await fn(i);
    }
  }));
  return out;
}

// --- simulated workstations ------------------------------------------------------------------

interface Sim {
  i: number;
  deviceId: string;
  centre: string;
  client: HubClient;
  cursor: number;
  outbox: ChangeWire[];
  /** Every note item pulled (to find one pulled twice or never). */
  pulledNotes: number;
  seenNotes: Set<string>;
}

interface Acked {
  notes: Set<string>;
  calls: Set<string>;
  changes: number;
  notAccepted: number;
}

/** One invited PC: the founder core makes the invitation, this client joins from its own address and unwraps the line key. */
async function enrolSim(i: number, founder: WorkstationProcess, url: string): Promise<Sim> {
  const centre = CENTRES[i % CENTRES.length] as string;
  const { code } = await founder.call<{ code: string }>('hub.invite', { centre });
  const c = parseCode(code);
  const address = `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const res = await new HubClient({ url, fetch: fetchFrom(address) }).enrol({ v: PROTOCOL_VERSION, codeId: c.codeId, auth: c.auth, name: `Poste ${i + 1}` });
  if (!res.wrappedKey || !c.wrap) throw new Error('an invitation without a wrapped line key');
  unwrapLineKey(res.wrappedKey, wrapSecretBytes(c.wrap), c.codeId);
  return { i, deviceId: res.deviceId, centre: res.centre, client: new HubClient({ url, token: res.token, timeoutMs: 60_000 }), cursor: 0, outbox: [], pulledNotes: 0, seenNotes: new Set() };
}

function newChanges(sim: Sim, serviceIds: readonly string[], rand: () => number, tag: string): ChangeWire[] {
  const n = 1 + Math.floor(rand() * 3);
  return Array.from({ length: n }, (): ChangeWire => {
    if (rand() < 0.5) {
      const uid = crypto.randomUUID();
      return { id: crypto.randomUUID(), kind: 'note', note: { uid, serviceId: serviceIds[Math.floor(rand() * serviceIds.length)] as string, text: `${tag} ${uid.slice(0, 8)} : ne décroche plus le matin`, author: `Poste ${sim.i + 1}`, writtenAt: new Date().toISOString(), kind: rand() < 0.5 ? 'unreachable' : 'note' } };
    }
    const facts: CallFactsWire = { startedAt: new Date().toISOString(), durationMs: Math.floor(rand() * 1_200_000), callerType: 'self', language: 'fr', interpreter: false, commune: 'schaerbeek', callerHistory: null, heardFrom: null, resolution: 'referred', unmet: rand() < 0.1, themes: ['housing'], interventions: ['orientation'], referrals: [{ serviceId: serviceIds[0] as string, kind: 'cpas', contacted: true, outcome: 'will_help' }], callbacks: [] };
    return { id: crypto.randomUUID(), kind: 'callFacts', callId: `${tag}-${crypto.randomUUID()}`, facts };
  });
}

interface LoadStats {
  push: number[];
  pull: number[];
  failed: number;
  rounds: number;
  late: number;
}

/** One sync round as a workstation does it: push the outbox (a change leaves it only once acknowledged), then pull every page after the cursor. */
async function syncRound(sim: Sim, stats: LoadStats, acked: Acked): Promise<void> {
  try {
    while (sim.outbox.length) {
      const batch = sim.outbox.slice(0, PUSH_BATCH);
      const t0 = performance.now();
      const results = await sim.client.push(batch);
      stats.push.push(performance.now() - t0);
      const done = new Set<string>();
      for (const r of results) {
        done.add(r.id);
        if (r.outcome !== 'accepted') acked.notAccepted++;
      }
      for (const c of batch) {
        if (!done.has(c.id)) continue;
        acked.changes++;
        if (c.kind === 'note') acked.notes.add(c.note.uid);
        else if (c.kind === 'callFacts') acked.calls.add(c.callId);
      }
      sim.outbox = sim.outbox.filter((c) => !done.has(c.id));
    }
    for (;;) {
      const t0 = performance.now();
      const page = await sim.client.pull(sim.cursor, PULL_PAGE);
      stats.pull.push(performance.now() - t0);
      for (const item of page.items) {
        if (item.kind !== 'note') continue;
        sim.pulledNotes++;
        sim.seenNotes.add(item.id);
      }
      sim.cursor = page.next;
      if (!page.more) break;
    }
  } catch {
    // Like the app: what was not acknowledged stays in the outbox for the next round.
    stats.failed++;
  }
}

// --- one engine ------------------------------------------------------------------------------

interface EngineFigures {
  engine: HubEngine;
  enrolSeconds: number;
  directoryPushMs: number;
  fullPullMs: number;
  fullPulled: number;
  httpOnlyPullMs: number;
  httpOnlyItems: number;
  idleRss: number;
  storedServices: number;
  emptyRoundMs: number;
  incremental: number[];
  incrementalPulled: number[];
  directoryRssPeak: number;
  load: LoadStats & { offered: number; heldPerSecond: number; seconds: number };
  acked: Acked;
  lostNotes: number;
  lostCalls: number;
  extraOnHub: number;
  duplicatedNotes: number;
  pullMissing: number;
  pullTwice: number;
  pendingAfterDrain: number;
  rss: { at: number; mb: number }[];
  loadAvg: string;
}

async function benchEngine(engine: HubEngine): Promise<EngineFigures> {
  const fed: Federation = await startFederation({ engine });
  let hub: HubProcess | null = null;
  try {
    // init before serve (PGlite is single-process); the founder is a real workstation core.
    const foundingCode = await fed.foundingCode();
    hub = await fed.startHub();
    const hubPid = hub.pid();
    const founder = await fed.startWorkstation('F', { centre: 'Coordination' });
    await founder.call('hub.join', { url: hub.url, code: foundingCode, deviceName: 'Coordination' });
    const idleRss = rssMb(hubPid) ?? 0;

    let t0 = performance.now();
    const sims = await inParallel(DEVICES, 8, (i) => enrolSim(i, founder, (hub as HubProcess).url));
    const enrolSeconds = (performance.now() - t0) / 1000;
    const maintainer = sims[0] as Sim;

    // 1. The line's directory, pushed by a maintainer's device, pulled by a new workstation.
    const services = syntheticDirectory(SERVICES).map((s) => serviceWire.parse(s));
    const serviceIds = services.map((s) => s.id);
    let rssPeak = 0;
    const dirSampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(hubPid) ?? 0)), 500);
    t0 = performance.now();
    for (let k = 0; k < services.length; k += PUSH_BATCH) {
      await maintainer.client.push(services.slice(k, k + PUSH_BATCH).map((service) => ({ id: crypto.randomUUID(), kind: 'service', service })));
    }
    const directoryPushMs = performance.now() - t0;

    const fresh = await fed.startWorkstation('N', { centre: 'CPAS Anderlecht' });
    await fed.enrol(fresh, { inviter: founder, hub });
    t0 = performance.now();
    const full = await fresh.call<{ pulled: number }>('hub.syncNow');
    const fullPullMs = performance.now() - t0;
    const storedServices = ((await fresh.sql<{ n: number }>('SELECT count(*) AS n FROM services'))[0] as { n: number }).n;
    // Baseline: the same pages over HTTP alone (a client that applies nothing) — the hub's and the wire's share of the full pull.
    t0 = performance.now();
    let httpOnlyItems = 0;
    for (let cursor = 0; ; ) {
      const page = await maintainer.client.pull(cursor, PULL_PAGE);
      httpOnlyItems += page.items.length;
      cursor = page.next;
      if (!page.more) break;
    }
    const httpOnlyPullMs = performance.now() - t0;
    t0 = performance.now();
    await fresh.call('hub.syncNow');
    const emptyRoundMs = performance.now() - t0;
    const incremental: number[] = [];
    const incrementalPulled: number[] = [];
    for (let r = 0; r < INCREMENTAL_RUNS; r++) {
      const changed = services.slice(r * CHANGED, (r + 1) * CHANGED).map((s) => ({ ...s, description: `${s.description ?? ''} Révision ${r}.` }));
      for (let k = 0; k < changed.length; k += PUSH_BATCH) await maintainer.client.push(changed.slice(k, k + PUSH_BATCH).map((service) => ({ id: crypto.randomUUID(), kind: 'service', service })));
      t0 = performance.now();
      const inc = await fresh.call<{ pulled: number }>('hub.syncNow');
      incremental.push(performance.now() - t0);
      incrementalPulled.push(inc.pulled);
      const seen = ((await fresh.sql<{ n: number }>(`SELECT count(*) AS n FROM services WHERE description LIKE ?`, [`% Révision ${r}.`]))[0] as { n: number }).n;
      if (seen !== changed.length) throw new Error(`${engine}: the workstation has ${seen} of ${changed.length} changed services after its pull`);
    }
    clearInterval(dirSampler);
    await fresh.stop();

    // 2. Load: every simulated workstation starts with the directory already pulled.
    const start = await latestSequence(maintainer);
    for (const s of sims) s.cursor = start;
    const acked: Acked = { notes: new Set(), calls: new Set(), changes: 0, notAccepted: 0 };
    const stats: LoadStats = { push: [], pull: [], failed: 0, rounds: 0, late: 0 };
    const tag = `bench-${engine}`;
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const rss: { at: number; mb: number }[] = [];
    const began = performance.now();
    const sampler = setInterval(() => rss.push({ at: performance.now() - began, mb: rssMb(hubPid) ?? 0 }), 1000);
    rss.push({ at: 0, mb: rssMb(hubPid) ?? 0 });
    const loadAvg = load();
    await Promise.all(
      sims.map(async (sim) => {
        const offset = (sim.i / sims.length) * PERIOD_MS;
        for (let k = 0; ; k++) {
          const due = began + offset + k * PERIOD_MS;
          if (due - began >= LOAD_MS) break;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          else if (wait < -1000) stats.late++;
          if (rand() < PUSH_SHARE) sim.outbox.push(...newChanges(sim, serviceIds, rand, tag));
          await syncRound(sim, stats, acked);
          stats.rounds++;
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    clearInterval(sampler);
    rss.push({ at: performance.now() - began, mb: rssMb(hubPid) ?? 0 });
    const requests = stats.push.length + stats.pull.length;
    const loadStats = { ...stats, offered: (sims.length / (PERIOD_MS / 1000)) * (1 + PUSH_SHARE), heldPerSecond: requests / seconds, seconds };

    // Drain and catch up (the next rounds), outside the timed window: every PC pulls everything.
    const drain: LoadStats = { push: [], pull: [], failed: 0, rounds: 0, late: 0 };
    for (let pass = 0; pass < 3; pass++) await inParallel(sims.length, 16, (i) => syncRound(sims[i] as Sim, drain, acked));
    for (const sim of sims) await syncRound(sim, drain, acked); // a last pull for the early ones
    const pendingAfterDrain = sims.reduce((n, s) => n + s.outbox.length, 0);

    // The hub's tables against what was acknowledged (PGlite: the hub is stopped to read its folder).
    if (engine === 'pglite') await hub.stop();
    const noteRows = await fed.hubSql<{ id: string }>(`SELECT id FROM hub_items WHERE kind = 'note' AND payload->>'text' LIKE $1`, [`${tag} %`]);
    const callRows = await fed.hubSql<{ call_id: string }>(`SELECT call_id FROM hub_call_facts WHERE call_id LIKE $1`, [`${tag}-%`]);
    const dupRows = await fed.hubSql<{ n: string }>(`SELECT count(*) AS n FROM (SELECT payload->>'text' FROM hub_items WHERE kind = 'note' GROUP BY 1 HAVING count(*) > 1) d`);
    const onHubNotes = new Set(noteRows.map((r) => r.id));
    const onHubCalls = new Set(callRows.map((r) => r.call_id));
    const lostNotes = [...acked.notes].filter((u) => !onHubNotes.has(u)).length;
    const lostCalls = [...acked.calls].filter((c) => !onHubCalls.has(c)).length;
    const extraOnHub = noteRows.length - acked.notes.size + (callRows.length - acked.calls.size);
    const pullMissing = sims.reduce((n, s) => n + [...acked.notes].filter((u) => !s.seenNotes.has(u)).length, 0);
    const pullTwice = sims.reduce((n, s) => n + (s.pulledNotes - s.seenNotes.size), 0);
    return {
      engine,
      enrolSeconds,
      directoryPushMs,
      fullPullMs,
      fullPulled: full.pulled,
      httpOnlyPullMs,
      httpOnlyItems,
      idleRss,
      storedServices,
      emptyRoundMs,
      incremental,
      incrementalPulled,
      directoryRssPeak: rssPeak,
      load: loadStats,
      acked,
      lostNotes,
      lostCalls,
      extraOnHub,
      duplicatedNotes: Number(dupRows[0]?.n ?? 0),
      pullMissing,
      pullTwice,
      pendingAfterDrain,
      rss,
      loadAvg,
    };
  } finally {
    await fed.close();
  }
}

/** The hub's latest sequence number, as a workstation learns it: the `next` of a pull from 0 that reaches the end. */
async function latestSequence(sim: Sim): Promise<number> {
  let cursor = 0;
  for (;;) {
    const page = await sim.client.pull(cursor, 2000);
    cursor = page.next;
    if (!page.more) return cursor;
  }
}

// --- report ------------------------------------------------------------------------------------

const loadAtStart = load();
const figures: EngineFigures[] = [];
for (const engine of ENGINES) {
  console.error(`hub bench: ${engine} …`);
  figures.push(await benchEngine(engine));
}
const loadAtEnd = load();

const cols = (f: (e: EngineFigures) => string) => figures.map(f).join(' | ');
const head = `| | ${figures.map((f) => (f.engine === 'postgres' ? 'PostgreSQL' : 'PGlite')).join(' | ')} |`;
const rule = `|---|${figures.map(() => '---').join('|')}|`;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const rssAt = (e: EngineFigures, s: number) => e.rss.reduce((best, r) => (Math.abs(r.at - s * 1000) < Math.abs(best.at - s * 1000) ? r : best), e.rss[0] as { at: number; mb: number }).mb;
const marks = Array.from({ length: Math.floor(LOAD_MS / 30_000) + 1 }, (_, k) => k * 30);
if (marks.length < 3) marks.splice(0, marks.length, 0, Math.round(LOAD_MS / 2000), Math.round(LOAD_MS / 1000));

const lines = [
  '## Relais Hub (bench/hub.bench.ts)',
  '',
  `The real \`relais-hub serve\` process on loopback, on PostgreSQL (a throwaway database at 127.0.0.1:5432, same machine) and on the embedded PGlite (a data folder), one after the other. ${QUICK ? '**Quick smoke run (HUB_BENCH_QUICK=1): reduced counts, not the issue\'s figures.** ' : ''}Load average (1 / 5 / 15 min) at the start ${loadAtStart}, at the end ${loadAtEnd} — 2 cores shared with other work.`,
  '',
  `**Load.** ${int(DEVICES)} simulated workstations sync every ${PERIOD_MS / 1000} s for ${LOAD_MS / 1000} s (each round: push the outbox in batches of ${PUSH_BATCH}, then pull every page of ${PULL_PAGE} after the cursor), their rounds spread evenly over the period; ${PUSH_SHARE * 100} % of rounds carry 1–3 new changes (reachability notes or closed calls' facts). The workstations are lightweight clients in the bench process using the workstation's own \`HubClient\` (wire protocol and zod schemas of src/sync/wire.ts), not ${int(DEVICES)} full app cores; each device token comes from a real invitation (\`hub.invite\` on a real founder core, line key wrapped) and a real enrolment from its own loopback address (127.1.x.y: the enrolment limit is per address); connections are kept alive and shared (Node's fetch pool). Latency is measured in the client, request to validated answer. Afterwards every PC runs catch-up rounds, then every acknowledged change is looked up in the hub's tables and every PC's pulled notes are checked.`,
  '',
  head,
  rule,
  `| Enrolment of the ${int(DEVICES)} PCs (invite on the founder core + join, 8 at a time) | ${cols((e) => `${e.enrolSeconds.toFixed(1)} s`)} |`,
  `| Sync rounds done (late by > 1 s) | ${cols((e) => `${int(e.load.rounds)} (${e.load.late})`)} |`,
  `| Requests/s held (offered ≈ ${figures[0]?.load.offered.toFixed(0) ?? '—'}: ${int(DEVICES)} pulls per ${PERIOD_MS / 1000} s + pushes) | ${cols((e) => `${e.load.heldPerSecond.toFixed(1)} (${int(e.load.push.length + e.load.pull.length)} in ${e.load.seconds.toFixed(0)} s)`)} |`,
  `| Push p50 / p95 / max (goal p95 ≤ 100 ms on PostgreSQL) | ${cols((e) => { const s = sorted(e.load.push); return `${ms(percentile(s, 50))} / **${ms(percentile(s, 95))}** / ${ms(s.at(-1) ?? Number.NaN)} (${int(s.length)})`; })} |`,
  `| Pull p50 / p95 / max | ${cols((e) => { const s = sorted(e.load.pull); return `${ms(percentile(s, 50))} / **${ms(percentile(s, 95))}** / ${ms(s.at(-1) ?? Number.NaN)} (${int(s.length)})`; })} |`,
  `| Failed requests (retried next round) | ${cols((e) => String(e.load.failed))} |`,
  `| Changes acknowledged: notes + call facts | ${cols((e) => `${int(e.acked.notes.size)} + ${int(e.acked.calls.size)}`)} |`,
  `| **Lost** (acknowledged, not in the hub's tables) | ${cols((e) => `**${e.lostNotes + e.lostCalls}**`)} |`,
  `| **Duplicated** on the hub (a note twice) / rows beyond the acknowledged | ${cols((e) => `**${e.duplicatedNotes}** / ${e.extraOnHub}`)} |`,
  `| Still pending after catch-up; refused or superseded | ${cols((e) => `${e.pendingAfterDrain}; ${e.acked.notAccepted}`)} |`,
  `| Notes pulled by the ${int(DEVICES)} PCs: missing / pulled twice | ${cols((e) => `**${e.pullMissing} / ${e.pullTwice}**`)} |`,
  `| Hub process RSS once started, before the directory (idle) | ${cols((e) => `${e.idleRss.toFixed(0)} MB`)} |`,
  `| Hub process RSS at ${marks.map((m) => `${m} s`).join(', ')} of load | ${cols((e) => marks.map((m) => `${rssAt(e, m).toFixed(0)}`).join(' → ') + ' MB')} |`,
  `| Hub process RSS peak during load | ${cols((e) => `${Math.max(...e.rss.map((r) => r.mb)).toFixed(0)} MB`)} |`,
  `| Load average at the start of the load phase | ${cols((e) => e.loadAvg)} |`,
  '',
  `**The line's directory.** A maintainer's device pushes ${int(SERVICES)} synthetic services (bench/syntheticDirectory.ts) as maintainer's edits, ${PUSH_BATCH} per push. A new workstation — a real app core in its own process (encrypted SQLite store, the demo directory replaced at its first pull) — joins with an invitation and runs one sync round (\`hub.syncNow\` through its router, timed around the call). Then ${INCREMENTAL_RUNS} times: the maintainer changes ${CHANGED} services and the workstation's next round pulls only those (checked: it holds the ${CHANGED} new descriptions). Baselines in the same run: the full pull, and a round with nothing new.`,
  '',
  head,
  rule,
  `| ${int(SERVICES)} services pushed to the hub (${Math.ceil(SERVICES / PUSH_BATCH)} pushes) | ${cols((e) => sec(e.directoryPushMs))} |`,
  `| **New workstation: full pull of ${int(SERVICES)} services** into its encrypted store (goal ≤ 10 s) | ${cols((e) => `**${sec(e.fullPullMs)}** (${int(e.fullPulled)} items; ${int(e.storedServices)} services stored)`)} |`,
  `| The same ${Math.ceil(SERVICES / PULL_PAGE)} pages over HTTP alone, applied nowhere — baseline (the hub's and the wire's share) | ${cols((e) => `${sec(e.httpOnlyPullMs)} (${int(e.httpOnlyItems)} items)`)} |`,
  `| Round with nothing new — baseline | ${cols((e) => ms(e.emptyRoundMs))} |`,
  `| **Incremental pull after ${CHANGED} changed services** (goal ≤ 200 ms): p50 / max of ${INCREMENTAL_RUNS} | ${cols((e) => { const s = sorted(e.incremental); return `**${ms(percentile(s, 50))}** / ${ms(s.at(-1) ?? Number.NaN)} (${e.incrementalPulled.join(', ')} items)`; })} |`,
  `| Hub process RSS peak in this phase | ${cols((e) => `${e.directoryRssPeak.toFixed(0)} MB`)} |`,
  '',
  'Nothing here is asserted as a time. The client side (JSON and zod) runs in the bench process on the same 2 cores as the hub and the database, so latencies include the machine\'s contention.',
];
console.log(lines.join('\n'));
