import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CSP } from './csp.ts';
import { resolveRendererFile } from './rendererFiles.ts';

// The UI is served from app://relais, not file://, so the origin is fixed and CSP 'self' means it.
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const hit = resolveRendererFile(rendererDir, url.pathname);
    if (!hit) return new Response('not found', { status: 404 });
    return new Response(await fs.promises.readFile(hit.file), {
      headers: { 'Content-Type': hit.type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

export function rendererDir(): string {
  return path.join(__dirname, '..', 'renderer');
}
