import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { authenticate, listDevices, revokeDevice } from '../src/hub/devices.ts';
import { createInvitation, enrol } from '../src/hub/enrolment.ts';
import type { HubContext } from '../src/hub/hubContext.ts';
import { HubRefusal } from '../src/hub/hubErrors.ts';
import { issuesOf } from '../src/schemas/parse.ts';
import { BODY_LIMITS, enrolRequest, inviteRequest, lineImportRequest, lineReportRequest, MAX_PULL_PAGE, PROTOCOL_VERSION, pushRequest, revokeRequest } from '../src/sync/wire.ts';
import { bundleToDocument } from '../src/reports/reportJson.ts';
import { AppError } from '../src/errors.ts';
import { pushChanges } from '../src/hub/push.ts';
import { pullItems } from '../src/hub/pull.ts';

// The hub's HTTP shell: routes, body limits, the zod parse of each body, the device check and
// the one mapping of refusals to status codes. Everything else is src/hub; no state is kept
// here between requests (two hub processes on one database behave as one).
// The report and the directory import are imported by their route on its first request: a hub
// that only syncs never loads the report code or the import's readers (exceljs, CSV, HSDS),
// which kept its idle memory high (docs/benchmarks.md, "Relais Hub").

export interface HubServerOptions {
  ctx: HubContext;
  tls?: { cert: Buffer | string; key: Buffer | string } | null;
  /** Plain HTTP on a non-loopback address behind a TLS-terminating reverse proxy (trusts X-Forwarded-For). */
  behindProxy?: boolean;
  /** Logs one line per failed request (code only, never bodies). */
  onError?: (line: { route: string; status: number; code: string }) => void;
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new HubRefusal(400, 'InvalidInput', `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export function buildHubServer(opts: HubServerOptions): FastifyInstance {
  const { ctx } = opts;
  const app = (opts.tls
    ? Fastify({ https: { cert: opts.tls.cert, key: opts.tls.key }, bodyLimit: BODY_LIMITS.small, trustProxy: false, logger: false, forceCloseConnections: true })
    : Fastify({ bodyLimit: BODY_LIMITS.small, trustProxy: opts.behindProxy ? true : false, logger: false, forceCloseConnections: true })) as unknown as FastifyInstance;

  // JSON bodies only: anything else is 415 before a handler runs.
  app.removeContentTypeParser('text/plain');

  const device = (req: FastifyRequest) => authenticate(ctx, req.headers.authorization);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req: FastifyRequest, reply: FastifyReply) => {
    let status = 500;
    let body: { code: string; message: string; issues?: { path: string; message: string }[]; reason?: HubRefusal['reason'] } = { code: 'Internal', message: 'The hub failed on this request; its log says why.' };
    if (error instanceof HubRefusal) {
      status = error.status;
      body = { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues.map((i) => ({ path: i.path, message: i.message })) } : {}), ...(error.reason ? { reason: error.reason } : {}) };
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals: a body over the limit (413), malformed JSON (400), a wrong content type (415).
      status = error.statusCode;
      const code = status === 413 ? 'BodyTooLarge' : status === 415 ? 'UnsupportedMediaType' : 'InvalidInput';
      body = { code, message: status === 413 ? 'The request body is over the hub\'s size limit for this route.' : error.message };
    }
    opts.onError?.({ route: req.routeOptions.url ?? req.url, status, code: body.code });
    void reply.status(status).send({ error: body });
  });
  app.setNotFoundHandler((_req, reply) => {
    void reply.status(404).send({ error: { code: 'NotFound', message: 'No such hub endpoint.' } });
  });

  app.get('/v1/health', async () => ({ v: PROTOCOL_VERSION, ok: true }));

  app.post('/v1/enrol', { bodyLimit: BODY_LIMITS.enrol }, async (req) => enrol(ctx, req.ip, parseBody(enrolRequest, req.body, 'enrolment')));

  app.post('/v1/invitations', async (req) => {
    const by = await device(req);
    const input = parseBody(inviteRequest, req.body, 'invitation');
    return { v: PROTOCOL_VERSION, ...(await createInvitation(ctx, by, input)) };
  });

  app.get('/v1/devices', async (req) => {
    await device(req);
    return { v: PROTOCOL_VERSION, devices: await listDevices(ctx) };
  });

  app.post('/v1/devices/:id/revoke', async (req) => {
    await device(req);
    parseBody(revokeRequest, req.body, 'revocation');
    const id = String((req.params as { id?: unknown }).id ?? '');
    return { v: PROTOCOL_VERSION, device: await revokeDevice(ctx, id) };
  });

  app.post('/v1/push', { bodyLimit: BODY_LIMITS.push }, async (req) => {
    const by = await device(req);
    const { changes } = parseBody(pushRequest, req.body, 'push');
    return { v: PROTOCOL_VERSION, results: await pushChanges(ctx, by, changes) };
  });

  app.get('/v1/pull', async (req) => {
    await device(req);
    const q = req.query as { after?: string; limit?: string };
    const after = Number(q.after ?? 0);
    const limit = Number(q.limit ?? MAX_PULL_PAGE);
    if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) throw new HubRefusal(400, 'InvalidInput', 'pull: after and limit are whole numbers (after ≥ 0, limit ≥ 1).');
    return { v: PROTOCOL_VERSION, ...(await pullItems(ctx, after, limit)) };
  });

  // "Bilan de la ligne" for a workstation (a supervisor's, checked by the workstation's router:
  // the hub authenticates devices, not people — docs/federation.md).
  app.post('/v1/report', async (req) => {
    await device(req);
    const { from, to, flavour } = parseBody(lineReportRequest, req.body, 'report request');
    try {
      const { lineReportBundle } = await import('../src/hub/lineReport.ts');
      const bundle = await lineReportBundle(ctx, { from, to, flavour, generator: 'Relais Hub' });
      return { v: PROTOCOL_VERSION, document: bundleToDocument(bundle) };
    } catch (e) {
      // A period the report refuses (ends before it starts, too long) is the request's fault.
      if (e instanceof AppError && e.code === 'InvalidInput') throw new HubRefusal(400, 'InvalidInput', e.message, e.issues);
      throw e;
    }
  });

  // The line's directory imported from a maintainer's PC (the right is checked by the PC's
  // router): the same reading, row checks and commit-order numbering as `relais-hub directory import`.
  app.post('/v1/directory/import', { bodyLimit: BODY_LIMITS.import }, async (req) => {
    await device(req);
    const { fileName, content, dryRun } = parseBody(lineImportRequest, req.body, 'directory import');
    try {
      const { importHubDirectory } = await import('../src/hub/hubDirectory.ts');
      return { v: PROTOCOL_VERSION, diff: await importHubDirectory(ctx, Buffer.from(content, 'base64'), fileName, { dryRun }) };
    } catch (e) {
      // A file the import refuses is the request's fault: its reason travels so the PC can say it.
      if (e instanceof AppError && (e.code === 'FileRejected' || e.code === 'InvalidInput')) {
        throw new HubRefusal(400, e.code, e.message, e.issues, e.reason ? { code: e.code, key: e.reason, ...(e.params ? { params: e.params } : {}) } : undefined);
      }
      throw e;
    }
  });

  return app;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/i;

/** Plain HTTP only on loopback, or behind a TLS-terminating proxy the operator names with --behind-proxy. */
export function assertTransportAllowed(host: string, tls: boolean, behindProxy: boolean): void {
  if (tls || behindProxy || LOOPBACK.test(host)) return;
  throw new HubRefusal(400, 'PlainHttpRefused', `Refusing plain HTTP on ${host}: give a certificate and key (--tls-cert, --tls-key), listen on a loopback address, or pass --behind-proxy when a TLS-terminating reverse proxy is in front.`);
}
