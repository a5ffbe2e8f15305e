import type { Registry } from 'prom-client';
import type { RouteHandler } from '../http/server.ts';

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoute(registry: Registry): RouteHandler {
  return async (_request, response) => {
    const body = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType });
    response.end(body);
  };
}
