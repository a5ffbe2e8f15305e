import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../shared/logger.ts';

export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => void | Promise<void>;

export interface HttpServer {
  readonly port: number;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  logger: Logger;
  /** Exact paths; the platform adapters add theirs (`/slack/events`, `/api/messages`). */
  routes: ReadonlyMap<string, RouteHandler>;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** The one HTTP server: health checks and the platform endpoints. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const route = options.routes.get(path);
    if (!route) {
      json(response, 404, { error: 'not_found' });
      return;
    }
    // Called inside the promise, so a route that throws at once is answered 500 as well,
    // rather than escaping the request listener and ending the process.
    new Promise<void>((resolve) => resolve(route(request, response))).catch((error: unknown) => {
      options.logger.error({ err: error, path }, 'request failed');
      if (!response.headersSent) json(response, 500, { error: 'internal_error' });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function healthRoutes(
  ready: () => Promise<Record<string, boolean>>,
  /** Told alongside the checks; never makes Tasa not ready. */
  details: () => Record<string, unknown> = () => ({}),
): Map<string, RouteHandler> {
  return new Map<string, RouteHandler>([
    ['/healthz', (_request, response) => json(response, 200, { status: 'ok' })],
    [
      '/readyz',
      async (_request, response) => {
        const checks = await ready();
        const ok = Object.values(checks).every(Boolean);
        json(response, ok ? 200 : 503, {
          status: ok ? 'ready' : 'not_ready',
          checks,
          ...details(),
        });
      },
    ],
  ]);
}
