import { createHmac } from 'node:crypto';

/**
 * Sends requests to a Bolt HTTP endpoint the way Slack does: real bodies,
 * really signed. End-to-end tests go through Bolt's own signature check,
 * body parsing and routing instead of calling handlers directly.
 *
 * Payload shapes follow Slack's documented examples and bolt-js's test
 * fixtures; ids default to the fake Slack API's team and bot.
 */

export const TEAM_ID = 'T0TEST';
export const TEAM_DOMAIN = 'tasa-test';
export const APP_ID = 'A0TASA';
// The long-deprecated verification token; Bolt ignores it but Slack still sends it.
export const VERIFICATION_TOKEN = 'verification-token';

export interface SlackResponse {
  status: number;
  body: string;
  headers: Headers;
  json(): unknown;
}

export interface SignOptions {
  /** Seconds since the epoch; an old one makes a stale request. */
  timestamp?: number;
  /** A signature to send instead of the right one; null sends none. */
  signature?: string | null;
  retryNum?: number;
  retryReason?: string;
}

export function signature(signingSecret: string, timestamp: number, body: string): string {
  const hmac = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`);
  return `v0=${hmac.digest('hex')}`;
}

export async function signedRequest(
  url: string,
  signingSecret: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Slack-Request-Timestamp': String(timestamp),
  };
  const signed =
    options.signature === undefined ? signature(signingSecret, timestamp, body) : options.signature;
  if (signed !== null) headers['X-Slack-Signature'] = signed;
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = options.retryReason ?? 'http_timeout';
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    body: text,
    headers: response.headers,
    json() {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new Error(`response ${response.status} is not JSON: ${JSON.stringify(text)}`);
      }
    },
  };
}

let serial = 0;
// Unique per request, shaped like Slack's, so handlers can't confuse two calls.
const next = () => ++serial;
const newTriggerId = () => `${next()}.${Date.now()}.fake${serial.toString(16).padStart(8, '0')}`;
const slackTs = () => `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`;

function userOf(user: string) {
  return {
    id: user,
    username: `user-${user.toLowerCase()}`,
    name: `user-${user.toLowerCase()}`,
    team_id: TEAM_ID,
  };
}

const FORM = 'application/x-www-form-urlencoded';

function sendForm(endpoint: string, secret: string, fields: Record<string, string>) {
  return signedRequest(endpoint, secret, new URLSearchParams(fields).toString(), FORM);
}

// Interactive payloads arrive as one form field holding JSON.
function sendPayload(endpoint: string, secret: string, payload: unknown) {
  return sendForm(endpoint, secret, { payload: JSON.stringify(payload) });
}

// --- Slash commands ---

export interface SlashCommandOptions {
  user: string;
  text: string;
  command?: string;
  triggerId?: string;
  channel?: string;
  /** Where Bolt's respond() posts the reply; the fake Slack API records it at /response/<id>. */
  responseUrl?: string;
}

export function slashCommandBody(
  endpoint: string,
  { user, text, command = '/tasa', triggerId: trigger, channel, responseUrl }: SlashCommandOptions,
): Record<string, string> {
  const channelId = channel ?? `D${user}`;
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    team_domain: TEAM_DOMAIN,
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : 'general',
    user_id: user,
    user_name: `user-${user.toLowerCase()}`,
    command,
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: responseUrl ?? `${endpoint}/response-url-unused`,
    trigger_id: trigger ?? newTriggerId(),
  };
}

export function slashCommand(
  endpoint: string,
  secret: string,
  options: SlashCommandOptions,
): Promise<SlackResponse> {
  return sendForm(endpoint, secret, slashCommandBody(endpoint, options));
}

// --- Block actions (button clicks) ---

export interface BlockActionOptions {
  user: string;
  actionId: string;
  value: string;
  messageTs?: string;
  channel?: string;
  triggerId?: string;
  blockId?: string;
}

export function blockActionPayload(endpoint: string, options: BlockActionOptions) {
  const channel = options.channel ?? `D${options.user}`;
  const messageTs = options.messageTs ?? slackTs();
  return {
    type: 'block_actions',
    user: userOf(options.user),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: options.triggerId ?? newTriggerId(),
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
    message: { type: 'message', ts: messageTs, text: '', blocks: [] },
    state: { values: {} },
    response_url: `${endpoint}/response-url-unused`,
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: options.blockId ?? options.actionId,
        value: options.value,
        action_ts: slackTs(),
      },
    ],
  };
}

export function blockAction(
  endpoint: string,
  secret: string,
  options: BlockActionOptions,
): Promise<SlackResponse> {
  return sendPayload(endpoint, secret, blockActionPayload(endpoint, options));
}

// --- Modal submissions ---

export interface ViewSubmissionOptions {
  user: string;
  callbackId: string;
  privateMetadata: string;
  /** Slack's own state shape: values[blockId][actionId] = { type, value | selected_option… }. */
  values: Record<string, Record<string, unknown>>;
  viewId?: string;
  triggerId?: string;
}

export function viewSubmissionPayload(options: ViewSubmissionOptions) {
  const viewId = options.viewId ?? `V${String(next()).padStart(8, '0')}`;
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    user: userOf(options.user),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: options.triggerId ?? newTriggerId(),
    enterprise: null,
    is_enterprise_install: false,
    response_urls: [],
    view: {
      id: viewId,
      team_id: TEAM_ID,
      app_id: APP_ID,
      app_installed_team_id: TEAM_ID,
      bot_id: 'BTASA',
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata,
      external_id: '',
      title: { type: 'plain_text', text: 'Tasa' },
      blocks: [],
      state: { values: options.values },
      hash: `${viewId}.hash`,
      root_view_id: viewId,
      previous_view_id: null,
    },
  };
}

export function viewSubmission(
  endpoint: string,
  secret: string,
  options: ViewSubmissionOptions,
): Promise<SlackResponse> {
  return sendPayload(endpoint, secret, viewSubmissionPayload(options));
}

// --- Events API ---

export interface EventOptions {
  event: Record<string, unknown>;
  eventId?: string;
  retryNum?: number;
}

export function eventEnvelope({ event, eventId }: Omit<EventOptions, 'retryNum'>) {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${String(next()).padStart(10, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: TEAM_ID,
        user_id: 'UTASA',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function event(
  endpoint: string,
  secret: string,
  options: EventOptions,
): Promise<SlackResponse> {
  const body = JSON.stringify(eventEnvelope(options));
  // Slack retries an event it got no timely ack for, saying so in headers.
  const retry = options.retryNum === undefined ? {} : { retryNum: options.retryNum };
  return signedRequest(endpoint, secret, body, 'application/json', retry);
}

export function urlVerification(
  endpoint: string,
  secret: string,
  challenge: string,
): Promise<SlackResponse> {
  const body = JSON.stringify({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' });
  return signedRequest(endpoint, secret, body, 'application/json');
}

export function appHomeOpened(user: string): Record<string, unknown> {
  return { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: slackTs() };
}

export function directMessage(user: string, text: string): Record<string, unknown> {
  const ts = slackTs();
  return {
    type: 'message',
    channel: `D${user}`,
    channel_type: 'im',
    user,
    text,
    ts,
    event_ts: ts,
    team: TEAM_ID,
    client_msg_id: `msg-${next()}`,
  };
}
