import type { ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type HTTPReceiver } from '@slack/bolt';
import type { RouteHandler } from '../http/server.ts';
import type { Logger } from '../shared/logger.ts';

/** Slack's own bound: a request dated further from now, either way, is a replay or forged. */
const maxSkewSeconds = 5 * 60;

function refuse(response: ServerResponse, status: number): void {
  if (response.headersSent) return;
  response.writeHead(status).end();
}

/** Whether the signed timestamp lies within five minutes of now, before or after. */
export function timestampIsFresh(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header)) return false;
  return Math.abs(nowMs / 1000 - Number(header)) <= maxSkewSeconds;
}

/**
 * `POST /slack/events` in front of Bolt's receiver. Bolt refuses only requests
 * older than five minutes, so one signed with a future date could be replayed
 * until then; and it parses the body in a promise nobody awaits, so a signed
 * `payload=null` (or a JSON `null`) rejected it and ended the process. Here the
 * request is verified and parsed first, and only an object reaches Bolt, which
 * verifies it again on the buffered body.
 */
export function slackEventsRoute(
  receiver: HTTPReceiver,
  signingSecret: string,
  logger: Logger,
  now: () => number = Date.now,
): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const timestamp = request.headers['x-slack-request-timestamp'];
    // Without one, the signature check below refuses the request (Slack's SSL check aside).
    if (timestamp !== undefined && !timestampIsFresh(timestamp, now())) {
      logger.warn(
        { timestamp: String(timestamp) },
        'slack request refused: its timestamp is not within five minutes of now',
      );
      refuse(response, 401);
      return;
    }
    let buffered;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { signingSecret, bodyLimit: HTTPModuleFunctions.defaultBodyLimit },
        request,
      );
    } catch (error) {
      if (HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413) {
        logger.warn({}, 'slack request refused: body too large');
        refuse(response, 413);
        return;
      }
      logger.warn({ reason: (error as Error).message }, 'slack request refused: not signed');
      refuse(response, 401);
      return;
    }
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      body = undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      logger.warn({}, 'slack request refused: its body is not a Slack request');
      refuse(response, 400);
      return;
    }
    receiver.requestListener(buffered, response);
  };
}
