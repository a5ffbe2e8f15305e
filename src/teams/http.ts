import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, Request, WebResponse } from '@microsoft/agents-hosting';
import type { RouteHandler } from '../http/server.ts';
import type { Logger } from '../shared/logger.ts';
import { activityProblems } from './activity.ts';
import type { TeamsApplication } from './agent.ts';
import { isBotConnectorUrl } from './service-url.ts';

/** Teams activities are small; anything much larger is not one. */
const maxBodyBytes = 1_000_000;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** node:http's response as the SDK's Express-like one; `send` ends it, as Express does. */
function webResponse(response: ServerResponse): WebResponse {
  const adapted: WebResponse = {
    status(code) {
      response.statusCode = code;
      return adapted;
    },
    setHeader(name, value) {
      response.setHeader(name, value);
      return adapted;
    },
    send(body) {
      if (response.writableEnded) return adapted;
      if (body === undefined || body === null) response.end();
      else if (typeof body === 'string' || Buffer.isBuffer(body)) response.end(body);
      else {
        if (!response.hasHeader('content-type'))
          response.setHeader('content-type', 'application/json; charset=utf-8');
        response.end(JSON.stringify(body));
      }
      return adapted;
    },
    end() {
      if (!response.writableEnded) response.end();
      return adapted;
    },
    get headersSent() {
      return response.headersSent;
    },
    get writableEnded() {
      return response.writableEnded;
    },
  };
  return adapted;
}

function refuse(response: ServerResponse, status: number, error: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error }));
}

export interface MessagesRouteOptions {
  logger: Logger;
  /** TEAMS_LOCAL_DEV: no authentication and any `serviceUrl`, for the Playground. */
  localDev: boolean;
}

/**
 * `POST /api/messages` on Tasa's own server: the SDK's JWT check (a 401 for
 * an unsigned request unless in local development), what Tasa reads of the
 * activity (a 400 otherwise), its `serviceUrl` (the Bot Connector's, unless
 * in local development), then the activity through the adapter to the
 * application's routes.
 */
export function messagesRoute(
  adapter: CloudAdapter,
  app: TeamsApplication,
  options: MessagesRouteOptions,
): RouteHandler {
  const { logger, localDev } = options;
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const body = await readJson(request);
    if (!body) {
      logger.warn({}, 'teams activity refused: not a JSON object');
      refuse(response, 400, 'not_an_activity');
      return;
    }
    const req: Request = { body, headers: request.headers, method: request.method };
    const res = webResponse(response);
    let authorized = false;
    await adapter.authorizeRequest(req, res, () => {
      authorized = true;
    });
    if (!authorized) return;
    // The SDK lets a request without a token through as "anonymous" whenever it has no
    // app id and NODE_ENV is not exactly `production`; Tasa decides that itself.
    if (!localDev && typeof req.user?.aud !== 'string') {
      logger.warn({}, 'teams activity refused: not signed by the Bot Connector');
      refuse(response, 401, 'unauthorized');
      return;
    }
    const problems = activityProblems(body);
    if (problems) {
      logger.warn({ problems }, 'teams activity refused: not readable');
      refuse(response, 400, 'not_an_activity');
      return;
    }
    const serviceUrl = String(body['serviceUrl']);
    if (!localDev && !isBotConnectorUrl(serviceUrl)) {
      logger.warn(
        { host: new URL(serviceUrl).host },
        'teams activity refused: its serviceUrl is not the Bot Connector',
      );
      refuse(response, 400, 'service_url_not_allowed');
      return;
    }
    await adapter.process(req, res, (context) => app.run(context));
  };
}
