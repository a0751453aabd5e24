import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { APP_VERSION } from '../src/app/appVersion.ts';
import { type Io, processIo } from '../src/cli/io.ts';
import { describeLocation, type HubLocation } from '../src/hub/db/hubDb.ts';
import { listDevices, revokeDevice } from '../src/hub/devices.ts';
import { createFoundingCode } from '../src/hub/enrolment.ts';
import type { HubContext } from '../src/hub/hubContext.ts';
import { HubRefusal } from '../src/hub/hubErrors.ts';
import { hubStatus, openHub } from '../src/hub/hubService.ts';
import { DEFAULT_HUB_RETENTION, HUB_PURGE_INTERVAL_MS, type HubPurgeReport, type HubRetention, purgeHub } from '../src/hub/hubPurge.ts';
import type { ReportFormat } from '../src/contract/reportsContract.ts';
import type { Lang } from '../src/domain/taxonomy.ts';
import { isAppError } from '../src/errors.ts';
import { systemClock, type Clock } from '../src/platform/clock.ts';
import { assertTransportAllowed, buildHubServer } from './server.ts';

// relais-hub: init, serve, status, devices. Each command takes --data-dir DIR (the embedded
// PGlite, default) or --database-url URL / DATABASE_URL (a real PostgreSQL).
// The directory import and the report load their code when they run (import() in the action):
// `serve`, which runs for months, never holds exceljs, pdfkit or the report code it does not use.

interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
  json?: boolean;
}

export function defaultHubDataDir(env: NodeJS.ProcessEnv): string {
  if (env.RELAIS_HUB_DATA_DIR) return path.resolve(env.RELAIS_HUB_DATA_DIR);
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'relais-hub');
}

export function hubLocation(opts: GlobalOptions, env: NodeJS.ProcessEnv): HubLocation {
  const url = opts.databaseUrl ?? env.DATABASE_URL;
  if (url && opts.dataDir) throw new HubRefusal(400, 'InvalidInput', 'Give either --data-dir (embedded PGlite) or --database-url/DATABASE_URL (PostgreSQL), not both.');
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: path.resolve(opts.dataDir ?? defaultHubDataDir(env)) };
}

interface RetentionOptions {
  callbackRetentionDays: string;
  handoverRetentionDays: string;
  callerMarkRetentionMonths: string;
}

/** The hub purge's retention options (serve, purge), each a whole number in its bounds. */
function retentionOf(o: RetentionOptions): HubRetention {
  const whole = (flag: string, raw: string, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new HubRefusal(400, 'InvalidInput', `${flag}: expected a whole number 0–${max}, got ${raw}.`);
    return n;
  };
  return {
    callbackDays: whole('--callback-retention-days', o.callbackRetentionDays, 365),
    handoverDays: whole('--handover-retention-days', o.handoverRetentionDays, 365),
    callerMarkMonths: whole('--caller-mark-retention-months', o.callerMarkRetentionMonths, 120),
  };
}

function withRetentionOptions(cmd: Command): Command {
  return cmd
    .option('--callback-retention-days <n>', 'days after a callback closed before its sealed number and context leave the hub', String(DEFAULT_HUB_RETENTION.callbackDays))
    .option('--handover-retention-days <n>', 'days after its day before a handover note\'s sealed text leaves the hub', String(DEFAULT_HUB_RETENTION.handoverDays))
    .option('--caller-mark-retention-months <n>', 'months before a repeat-caller mark is withdrawn from the hub and every workstation', String(DEFAULT_HUB_RETENTION.callerMarkMonths));
}

const purgeLine = (r: HubPurgeReport) => `Hub purge: ${r.callbacks} callbacks' sealed number and context, ${r.handovers} handover notes, ${r.callerMarks} repeat-caller marks.`;

// Loaded by the command (or route) that needs them, not up front (exportReport loads pdfkit at the first PDF).
const loadReportCode = () =>
  Promise.all([import('../src/hub/lineReport.ts'), import('../src/reports/exportReport.ts'), import('../src/hub/followUpCounts.ts'), import('../src/domain/brusselsTime.ts')]);
const loadImportCode = () => import('../src/hub/hubDirectory.ts');

export interface HubCliDeps {
  io?: Io;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** serve resolves this when it should stop (tests); processes stop on SIGINT/SIGTERM. */
  stopSignal?: Promise<void>;
}

export async function runHubCli(argv: string[], deps: HubCliDeps = {}): Promise<number> {
  const io = deps.io ?? processIo;
  const env = deps.env ?? process.env;
  const clock = deps.clock ?? systemClock;
  // RELAIS_HUB_EAGER=1: everything imported up front, as before the lazy loading — the baseline
  // of bench/hubIdle.bench.ts, nothing else. The two contracts are what the sync wire used to
  // import (libphonenumber-js, the anonymity guard's name lists) before its leaves were split out.
  if (env.RELAIS_HUB_EAGER === '1') await Promise.all([loadReportCode(), loadImportCode(), import('../src/contract/callbacksContract.ts'), import('../src/contract/directoryContract.ts')]);
  let exitCode = 0;
  const program = new Command('relais-hub')
    .description('Relais Hub: the line\'s shared backbone (directory, reachability notes, call facts) for the centres\' workstations.\nExit codes: 0 success, 1 failure, 2 partial (directory import: some rows rejected).')
    .version(APP_VERSION, '-V, --version')
    .option('--data-dir <dir>', 'the embedded database\'s folder (PGlite; default RELAIS_HUB_DATA_DIR, else ~/.local/share/relais-hub)')
    .option('--database-url <url>', 'a PostgreSQL 15+ database instead of the embedded one (default DATABASE_URL)')
    .option('--json', 'print JSON for scripts instead of text')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const withHub = async <T>(cmd: Command, fn: (ctx: HubContext, g: GlobalOptions) => Promise<T>): Promise<T> => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const hub = await openHub(hubLocation(g, env), clock);
    try {
      return await fn(hub, g);
    } finally {
      await hub.close();
    }
  };
  const print = (g: GlobalOptions, value: unknown, human: string) => io.out(g.json ? JSON.stringify(value, null, 2) : human);

  program
    .command('init')
    .description('create (or update) the hub\'s schema and print a one-time founding code, valid 24 hours')
    .action(async (_o, cmd: Command) =>
      withHub(cmd, async (ctx, g) => {
        const { code, expiresAt } = await createFoundingCode(ctx);
        print(g, { foundingCode: code, expiresAt }, `Founding code (one use, expires ${expiresAt}):\n\n  ${code}\n\nOn the coordination's Relais: Administration → Hub → Join, or\n  relais-admin hub join --url https://THIS-HUB --code ${code} --as "SUPERVISOR NAME"`);
      }),
    );

  withRetentionOptions(program
    .command('serve'))
    .description('serve the hub\'s HTTP API until stopped (SIGINT/SIGTERM)')
    .option('--port <n>', 'TCP port', '8443')
    .option('--host <h>', 'address to listen on (plain HTTP only on loopback unless --behind-proxy)', '127.0.0.1')
    .option('--tls-cert <file>', 'PEM certificate (with --tls-key): serve HTTPS')
    .option('--tls-key <file>', 'PEM private key of the certificate')
    .option('--behind-proxy', 'plain HTTP on a non-loopback address because a TLS-terminating reverse proxy is in front')
    .action(async (o: { port: string; host: string; tlsCert?: string; tlsKey?: string; behindProxy?: boolean } & RetentionOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const retention = retentionOf(o);
      if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) throw new HubRefusal(400, 'InvalidInput', 'Give both --tls-cert and --tls-key, or neither.');
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HubRefusal(400, 'InvalidInput', `--port: expected 0–65535, got ${o.port}.`);
      const tls = o.tlsCert && o.tlsKey ? { cert: fs.readFileSync(o.tlsCert), key: fs.readFileSync(o.tlsKey) } : null;
      assertTransportAllowed(o.host, Boolean(tls), Boolean(o.behindProxy));
      const location = hubLocation(g, env);
      const hub = await openHub(location, clock);
      // The hub's own purge (src/hub/hubPurge.ts): at start, then hourly. A failed run is
      // logged and tried again at the next hour; it never stops the server.
      const purge = async () => {
        try {
          const r = await purgeHub(hub, retention);
          if (r.callbacks || r.handovers || r.callerMarks) io.err(purgeLine(r));
        } catch (e) {
          io.err(`hub purge failed: ${isAppError(e) ? e.code : 'Internal'}`);
        }
      };
      await purge();
      const purgeTimer = setInterval(() => void purge(), HUB_PURGE_INTERVAL_MS);
      purgeTimer.unref();
      const server = buildHubServer({ ctx: hub, tls, behindProxy: Boolean(o.behindProxy), onError: (l) => io.err(`request refused: ${l.route} ${l.status} ${l.code}`) });
      await server.listen({ port, host: o.host });
      const address = server.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
      io.err(`relais-hub ${APP_VERSION} on ${describeLocation(location)}`);
      io.out(`listening on ${tls ? 'https' : 'http'}://${shownHost}:${bound}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        void deps.stopSignal?.then(stop);
      });
      clearInterval(purgeTimer);
      await server.close();
      await hub.close();
    });

  withRetentionOptions(program
    .command('purge')
    .description('run the hub\'s purge once (serve runs it at start and hourly): sealed values past their retention leave the hub')
    .option('--dry-run', 'count what would leave without changing anything'))
    .action(async (o: { dryRun?: boolean } & RetentionOptions, cmd: Command) =>
      withHub(cmd, async (ctx, g) => {
        const r = await purgeHub(ctx, retentionOf(o), { dryRun: Boolean(o.dryRun) });
        print(g, { ok: true, dryRun: Boolean(o.dryRun), ...r }, `${purgeLine(r)}${o.dryRun ? '\nDry run: nothing was changed.' : ''}`);
      }),
    );

  program
    .command('status')
    .description('the hub\'s database, devices and sequence')
    .action(async (_o, cmd: Command) =>
      withHub(cmd, async (ctx, g) => {
        const s = await hubStatus(ctx);
        print(g, s, `Hub ${s.hubId} (${s.engine})\nDevices: ${s.devices.active} active, ${s.devices.revoked} revoked${s.founded ? '' : ' — not founded yet: run relais-hub init and join with its code'}\nChanges received: ${s.sequence}`);
      }),
    );

  const devices = program.command('devices').description('the enrolled workstations');
  devices
    .command('list')
    .description('list the enrolled workstations (centre, name, last sync, revoked)')
    .action(async (_o, cmd: Command) =>
      withHub(cmd, async (ctx, g) => {
        const list = await listDevices(ctx);
        print(g, { devices: list }, list.length ? list.map((d) => `${d.id}  ${d.centre} — ${d.name} (${d.role})  last sync ${d.lastSeenAt ?? 'never'}${d.revokedAt ? `  REVOKED ${d.revokedAt}` : ''}`).join('\n') : 'No workstation has joined yet.');
      }),
    );
  devices
    .command('revoke <id>')
    .description('refuse a workstation from its next request on')
    .action(async (id: string, _o, cmd: Command) =>
      withHub(cmd, async (ctx, g) => {
        const d = await revokeDevice(ctx, id);
        print(g, { device: d }, `Revoked ${d.centre} — ${d.name} (${d.id}).`);
      }),
    );

  const directory = program.command('directory').description('the line\'s directory, which every workstation pulls');
  directory
    .command('import <file>')
    .description('import services from CSV, XLSX or HSDS 3.0 JSON (the workstation import\'s formats and row checks); workstations then pull only the services that changed.\nExit codes: 0 every row applied, 2 some rows rejected (the valid ones applied), 1 file rejected (nothing changed).')
    .option('--dry-run', 'show added / changed / unchanged / rejected without writing')
    .option('--max-mb <n>', 'raise the file size limit (megabytes)')
    .action(async (file: string, o: { dryRun?: boolean; maxMb?: string }, cmd: Command) =>
      withHub(cmd, async (ctx, g) => {
        const { importHubDirectory } = await loadImportCode();
        const maxBytes = o.maxMb ? Number(o.maxMb) * 1048576 : undefined;
        const diff = await importHubDirectory(ctx, fs.readFileSync(file), path.basename(file), { dryRun: Boolean(o.dryRun), ...(maxBytes ? { maxBytes } : {}) });
        const lines = [
          `${diff.fileName}: ${diff.format.toUpperCase()}; ${diff.rows} rows.`,
          `Added ${diff.counts.added}, changed ${diff.counts.changed}, unchanged ${diff.counts.unchanged}, rejected ${diff.counts.rejected}.`,
          ...diff.rejected.flatMap((r) => r.problems.map((p) => `  rejected row ${r.row}${r.id ? ` [${r.id}]` : ''}: ${p.field}: ${p.message}`)),
          o.dryRun ? 'Dry run: nothing was written.' : `Written to the line's directory: ${diff.counts.added + diff.counts.changed} services.`,
        ];
        print(g, { ok: diff.counts.rejected === 0, dryRun: Boolean(o.dryRun), ...diff }, lines.join('\n'));
        if (diff.counts.rejected > 0) exitCode = 2;
      }),
    );

  program
    .command('report')
    .description('"Bilan de la ligne": the period report of every centre from the call facts on the hub, with Relais\'s report and disclosure-control code.\nInternal by default (exact counts, marked "usage interne"); --public applies disclosure control.')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD (Brussels)')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (included)')
    .option('--public', 'public report: disclosure control applied')
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'csv', 'xlsx', 'pdf']).default('json'))
    .addOption(new Option('--lang <lang>', 'language of the file').choices(['fr', 'nl', 'en']).default('fr'))
    .requiredOption('--out <file>', 'file to write')
    .action(async (o: { from: string; to: string; public?: boolean; format: ReportFormat; lang: Lang; out: string }, cmd: Command) =>
      withHub(cmd, async (ctx, g) => {
        const [{ lineReportBundle }, { exportReport }, { followUpCounts }, { periodInstants }] = await loadReportCode();
        const bundle = await lineReportBundle(ctx, { from: o.from, to: o.to, flavour: o.public ? 'public' : 'internal', generator: `relais-hub ${APP_VERSION}` });
        const file = await exportReport(bundle, { format: o.format, delimiter: ';', lang: o.lang });
        fs.writeFileSync(o.out, file.bytes);
        // Help arrived (issue 15): counted from the follow-ups recorded on shared callbacks.
        const { startIso, endIso } = periodInstants(o.from, o.to);
        const help = await followUpCounts(ctx, { from: startIso, to: endIso });
        const summary = { ok: true, file: path.resolve(o.out), format: o.format, flavour: bundle.report.flavour, from: o.from, to: o.to, centres: bundle.source.centres, calls: o.public ? null : bundle.report.headline.calls.v, helpArrived: { followUps: help.followUps, overall: help.overall, byKind: help.byKind } };
        const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)} %`);
        print(g, summary, [`Bilan de la ligne ${o.from} – ${o.to} (${bundle.report.flavour}) written to ${summary.file}.`, `Centres: ${summary.centres.join(', ') || 'none'}.`, `Help arrived after a referral (follow-ups): ${rate(help.overall.arrivedRate)} of ${help.overall.total}${help.byKind.length ? ` — ${help.byKind.map((k) => `${k.kind} ${rate(k.arrivedRate)}`).join(', ')}` : ''}.`].join('\n'));
      }),
    );

  for (const sub of program.commands) sub.exitOverride();
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    const code = e instanceof HubRefusal || isAppError(e) ? e.code : 'Internal';
    const message = e instanceof Error ? e.message : String(e);
    if (json) io.out(JSON.stringify({ ok: false, error: { code, message } }, null, 2));
    io.err(`relais-hub: ${code}: ${message}`);
    exitCode = 1;
    return exitCode;
  }
}
