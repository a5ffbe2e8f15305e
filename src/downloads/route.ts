import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../http/server.ts';
import type { Translator } from '../i18n/create.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { DownloadsRepository } from './downloads-repository.ts';
import { verifyToken } from './token.ts';

export interface DownloadRouteDeps {
  repository: DownloadsRepository;
  secret: string;
  clock: Clock;
  logger: Logger;
  /** In the organisation's language: the page is seen before anyone is known. */
  t: Translator;
  language: string;
}

/** A form post carries the token and little else. */
const maxFormBytes = 4_096;

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(
  response: ServerResponse,
  status: number,
  deps: DownloadRouteDeps,
  body: string,
): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  });
  const title = escapeHtml(deps.t('reports:download.title'));
  response.end(
    `<!doctype html><html lang="${deps.language}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}` +
      `button{font-size:1rem;padding:.6rem 1.2rem}</style></head>` +
      `<body><main><h1>${title}</h1>${body}</main></body></html>`,
  );
}

const refuse = (response: ServerResponse, status: number, deps: DownloadRouteDeps, key: string) =>
  page(response, status, deps, `<p>${escapeHtml(deps.t(key))}</p>`);

async function formToken(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxFormBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('t') ?? undefined;
}

/**
 * `/download`: a GET shows a page with a button and takes nothing, because
 * mail and chat link scanners (Safe Links, previews) open links on their own;
 * the POST from that button hands the file over, once. A forged or altered
 * token is refused without asking the store; an expired or used one is gone.
 */
export function downloadRoute(deps: DownloadRouteDeps): RouteHandler {
  return async (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST') {
      response.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }
    const raw =
      method === 'GET'
        ? (new URL(request.url ?? '/', 'http://tasa').searchParams.get('t') ?? '')
        : ((await formToken(request)) ?? '');
    const token = verifyToken(deps.secret, raw);
    if (!token) {
      deps.logger.warn({ method }, 'download refused: not a valid link');
      refuse(response, 404, deps, 'reports:download.invalid');
      return;
    }
    const now = deps.clock.now();
    if (token.expiresAt <= now.getTime()) {
      refuse(response, 410, deps, 'reports:download.gone');
      return;
    }
    if (method === 'GET') {
      page(
        response,
        200,
        deps,
        `<p>${escapeHtml(deps.t('reports:download.intro'))}</p>` +
          `<form method="post"><input type="hidden" name="t" value="${escapeHtml(raw)}">` +
          `<button type="submit">${escapeHtml(deps.t('reports:download.button'))}</button></form>`,
      );
      return;
    }
    const download = await deps.repository.take(token.id, now);
    if (!download) {
      refuse(response, 410, deps, 'reports:download.gone');
      return;
    }
    const content = Buffer.from(download.content, 'base64');
    response.writeHead(200, {
      'content-type': download.mediaType,
      'content-length': String(content.length),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(content);
    deps.logger.info({ file: download.name }, 'download handed over');
  };
}
