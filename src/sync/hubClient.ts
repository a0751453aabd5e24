import type { z } from 'zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.ts';
import { isReasonKey } from '../domain/i18n.ts';
import { type ChangeWire, devicesResponse, enrolResponse, pullResponse, pushResponse, type PushResult, type PulledItem, revokeResponse, type EnrolRequest, type EnrolResponse, hubErrorBody, inviteResponse, lineImportResponse, lineReportResponse, PROTOCOL_VERSION, type DeviceView } from './wire.ts';
import type { ReportDocument } from '../reports/reportJson.ts';
import type { ImportDiffView } from '../contract/directoryContract.ts';

// The workstation's HTTP client for the hub: one function per endpoint, bodies checked with the
// same zod schemas the hub uses. A network failure is HubUnreachable (work goes on offline); a
// refusal is HubRefused with the hub's code and message.

export interface HubClientOptions {
  url: string;
  token?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function normaliseHubUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new AppError('InvalidInput', 'hub.notAnAddress', { url });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new AppError('InvalidInput', 'hub.notHttps', { protocol: u.protocol });
  if (u.protocol === 'http:' && !/^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i.test(u.hostname)) {
    throw new AppError('InvalidInput', 'hub.httpsOutside');
  }
  return u.origin + u.pathname.replace(/\/+$/, '');
}

export class HubClient {
  readonly url: string;
  private readonly token: string | null;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(opts: HubClientOptions) {
    this.url = normaliseHubUrl(opts.url);
    this.token = opts.token ?? null;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.fetchImpl = opts.fetch ?? fetch;
  }

  async request<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, timeoutMs = this.timeoutMs): Promise<z.output<S>> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new AppError('HubUnreachable', 'hub.unreachable', { url: this.url, detail: (e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message }, undefined, { cause: e });
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (e) {
      throw new AppError('HubUnreachable', 'hub.unreadableAnswer', { url: this.url, status: res.status }, undefined, { cause: e });
    }
    if (!res.ok) {
      const err = hubErrorBody.safeParse(json);
      const issue = err.success ? err.data.error : { code: `HTTP${res.status}`, message: `The hub answered ${res.status}.` };
      // A refusal the hub explains with a reason of ours (a directory file it refuses): said as if read here.
      const reason = err.success ? err.data.error.reason : undefined;
      if (reason && (ERROR_CODES as readonly string[]).includes(reason.code) && isReasonKey(reason.key)) throw new AppError(reason.code as ErrorCode, reason.key, reason.params, err.success ? err.data.error.issues : undefined);
      throw new AppError('HubRefused', 'hub.refused', { detail: issue.message }, [{ path: `hub.${issue.code}`, message: issue.message }]);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AppError('HubRefused', 'hub.unexpectedAnswer', { path, protocol: PROTOCOL_VERSION });
    return parsed.data;
  }

  enrol(req: EnrolRequest): Promise<EnrolResponse> {
    return this.request('POST', '/v1/enrol', req, enrolResponse);
  }

  invite(req: { codeId: string; centre: string; authHash: string; wrappedKey: string }): Promise<{ codeId: string; expiresAt: string }> {
    return this.request('POST', '/v1/invitations', { v: PROTOCOL_VERSION, ...req }, inviteResponse);
  }

  async devices(): Promise<DeviceView[]> {
    return (await this.request('GET', '/v1/devices', undefined, devicesResponse)).devices;
  }

  async revoke(id: string): Promise<void> {
    await this.request('POST', `/v1/devices/${encodeURIComponent(id)}/revoke`, { v: PROTOCOL_VERSION }, revokeResponse);
  }

  async push(changes: ChangeWire[]): Promise<PushResult[]> {
    return (await this.request('POST', '/v1/push', { v: PROTOCOL_VERSION, changes }, pushResponse)).results;
  }

  async lineReport(req: { from: string; to: string; flavour: 'internal' | 'public' }): Promise<ReportDocument> {
    return (await this.request('POST', '/v1/report', { v: PROTOCOL_VERSION, ...req }, lineReportResponse)).document;
  }

  async importDirectory(req: { fileName: string; content: string; dryRun: boolean }): Promise<ImportDiffView> {
    return (await this.request('POST', '/v1/directory/import', { v: PROTOCOL_VERSION, ...req }, lineImportResponse, 120_000)).diff;
  }

  async pull(after: number, limit: number): Promise<{ items: PulledItem[]; next: number; more: boolean }> {
    const r = await this.request('GET', `/v1/pull?after=${after}&limit=${limit}`, undefined, pullResponse);
    return { items: r.items, next: r.next, more: r.more };
  }
}
