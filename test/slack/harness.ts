import { retryPolicies } from '@slack/web-api';
import { startTasa, type RunningTasa } from '../../src/app.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger, type Logger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import {
  dmChannelOf,
  startFakeSlackApi,
  waitFor,
  type FakeSlackApi,
} from '../helpers/fake-slack-api.ts';
import { blockAction, slashCommand, viewSubmission } from '../helpers/slack-requests.ts';
import { parsedConfig } from '../helpers/world.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';

export const signingSecret = 'test-signing-secret';

interface SlackButton {
  action_id: string;
  value: string;
  text: { text: string };
}
interface SlackBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: (SlackButton | { text: string })[];
  fields?: { text: string }[];
}

export interface SlackTasaOptions {
  /** A real (pino) logger instead of the memory one, to see what production would log. */
  logger?: Logger;
  /** Wraps the store, e.g. to make it fail or hang. */
  store?: (store: Store) => Store;
  /** Another organisation than the test city. */
  config?: OrganizationConfig;
}

/** The real Tasa (Bolt in HTTP mode on Tasa's own server) talking to a fake Slack. */
export async function startSlackTasa(now = '2027-01-04T08:00:00Z', options: SlackTasaOptions = {}) {
  const slack: FakeSlackApi = await startFakeSlackApi();
  const clock = fixedClock(new Date(now));
  const logger = options.logger ?? memoryLogger();
  const memory = openStore({ url: 'memory:', dataDir: '.', namespace: 'slack-e2e', clock });
  const store = options.store?.(memory) ?? memory;
  const tasa: RunningTasa = await startTasa({
    config: options.config ?? parsedConfig(),
    store,
    logger,
    clock,
    port: 0,
    slack: {
      mode: 'http',
      botToken: 'xoxb-test-token',
      signingSecret,
      apiUrl: `${slack.url}/api/`,
    },
    slackClientOptions: { retryConfig: retryPolicies.rapidRetryPolicy },
    runSchedule: false,
    sleep: async () => undefined,
  });
  const endpoint = `http://127.0.0.1:${tasa.port}/slack/events`;

  /** The latest version of every message Tasa posted to a person's DM, oldest first. */
  const dms = (user: string) =>
    [...slack.messages.values()].filter((m) => m.channel === dmChannelOf(user)) as unknown as {
      channel: string;
      ts: string;
      text: string;
      blocks: SlackBlock[];
    }[];
  const textOf = (blocks: SlackBlock[]): string =>
    blocks
      .map((b) =>
        [
          b.text?.text,
          ...(b.fields ?? []).map((f) => f.text),
          ...(b.elements ?? []).map((e) =>
            'text' in e && typeof e.text === 'object'
              ? `[${e.text.text}]`
              : (e as { text: string }).text,
          ),
        ]
          .filter(Boolean)
          .join('\n'),
      )
      .join('\n');
  const buttonsOf = (blocks: SlackBlock[]): SlackButton[] =>
    blocks.flatMap((b) => (b.type === 'actions' ? ((b.elements ?? []) as SlackButton[]) : []));

  const person = (user: string) => ({
    user,
    dms: () => dms(user),
    lastText: () => textOf(dms(user).at(-1)?.blocks ?? []),
    texts: () => dms(user).map((m) => textOf(m.blocks)),
    command: async (text: string) => {
      const before = slack.callsTo('response_url').length;
      const response = await slashCommand(endpoint, signingSecret, {
        user,
        text,
        responseUrl: `${slack.url}/response/${user}`,
      });
      if (response.status !== 200) return { status: response.status, reply: '' };
      await waitFor(() => slack.callsTo('response_url').length > before);
      const reply = slack.callsTo('response_url').at(-1)?.args as {
        blocks?: SlackBlock[];
        text?: string;
      };
      return { status: response.status, reply: textOf(reply.blocks ?? []) };
    },
    /** Presses the button with this label on the newest DM that has it, and waits until something happened. */
    click: async (label: string) => {
      const message = [...dms(user)]
        .reverse()
        .find((m) => buttonsOf(m.blocks).some((b) => b.text.text === label));
      const button = message && buttonsOf(message.blocks).find((b) => b.text.text === label);
      if (!message || !button)
        throw new Error(
          `${user} has no “${label}” button; last: ${textOf(dms(user).at(-1)?.blocks ?? [])}`,
        );
      const calls = slack.calls.length;
      const response = await blockAction(endpoint, signingSecret, {
        user,
        actionId: button.action_id,
        value: button.value,
        messageTs: message.ts,
        channel: message.channel,
      });
      await waitFor(() => slack.calls.length > calls);
      return response;
    },
    /** Submits the newest modal opened for this person with Slack-shaped state values. */
    submit: async (values: Record<string, Record<string, unknown>>) => {
      const opened = slack.callsTo('views.open').at(-1)?.args as {
        view: { private_metadata: string; callback_id: string };
      };
      return viewSubmission(endpoint, signingSecret, {
        user,
        callbackId: opened.view.callback_id,
        privateMetadata: opened.view.private_metadata,
        values,
      });
    },
  });

  return {
    slack,
    tasa,
    store,
    clock,
    logger,
    endpoint,
    person,
    textOf,
    async stop() {
      await tasa.stop();
      await slack.close();
    },
  };
}

/** Slack's view state for a select, a text input and evidence rows. */
export const state = {
  select: (id: string, value: string) => ({
    [id]: { [id]: { type: 'static_select', selected_option: { value } } },
  }),
  text: (id: string, value: string) => ({ [id]: { [id]: { type: 'plain_text_input', value } } }),
  link: (row: number, url: string, title = '') => ({
    [`evidence.${row}.url`]: { url: { type: 'plain_text_input', value: url } },
    [`evidence.${row}.title`]: { title: { type: 'plain_text_input', value: title } },
  }),
};

export { waitFor };
