import { randomUUID } from 'node:crypto';
import { startTasa, type RunningTasa, type TasaOptions } from '../../src/app.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import {
  startFakeBotConnector,
  waitFor,
  type FakeBotConnector,
  type PostedActivity,
} from '../helpers/fake-bot-connector.ts';
import { parsedConfig } from '../helpers/world.ts';

export const botId = '28:tasa-test-bot';
export const tenantId = 'b2c3d4e5-0000-4000-8000-000000000001';
export const coordinationChannel = '19:coordination@thread.tacv2';
export const erkkiObjectId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const noLimit = [{ ms: 1, calls: 1_000_000 }];

/**
 * The small city of test/helpers/world.ts, in Teams: the coordinator by 29:
 * id, Eeva by e-mail (resolved through the member lookup), Erkki by Entra
 * object id, Kalle by 29: id; the coordination channel by its id.
 */
export const teamsCityConfig = `organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities, eccar-10-point]
coordinators: [ { teams: "29:coord", name: Kaisa Koordinaattori } ]
channels: { coordination: { teams: "${coordinationChannel}" } }
departments:
  - id: education
    name: { fi: Kasvatus ja koulutus, sv: Fostran och utbildning, en: Education }
    contacts: [ { teams: eeva.opettaja@testikaupunki.fi, name: Eeva Opettaja }, { teams: ${erkkiObjectId.toUpperCase()}, name: Erkki Rehtori } ]
    keyFactors: [KF01, KF06]
  - id: culture
    name: { fi: Kulttuuri, sv: Kultur, en: Culture }
    contacts: [ { teams: "29:kalle", name: Kalle Kulttuuri } ]
    keyFactors: [KF04]
`;

/** Teams users of the test city; Eeva is known to the member lookup by her e-mail. */
export const users = {
  coordinator: { id: '29:coord', name: 'Kaisa Koordinaattori', aadObjectId: randomUUID() },
  eeva: {
    id: '29:eeva',
    name: 'Eeva Opettaja',
    aadObjectId: randomUUID(),
    email: 'Eeva.Opettaja@testikaupunki.fi',
  },
  erkki: { id: '29:erkki', name: 'Erkki Rehtori', aadObjectId: erkkiObjectId },
  kalle: { id: '29:kalle', name: 'Kalle Kulttuuri', aadObjectId: randomUUID() },
} as const;

type User = { id: string; name: string; aadObjectId: string; email?: string };

interface CardElement {
  type?: string;
  text?: string;
  title?: string;
  label?: string;
  value?: string;
  id?: string;
  color?: string;
  inlines?: CardElement[];
  items?: CardElement[];
  actions?: CardElement[];
  data?: Record<string, unknown>;
}
interface Card {
  body?: CardElement[];
  actions?: CardElement[];
}

export const cardOf = (posted: PostedActivity | undefined): Card | undefined =>
  (posted?.activity.attachments as { content?: Card }[] | undefined)?.[0]?.content;

/** A card as lines of text: texts as shown, inputs as `label: value`, buttons as `[title]`. */
export function cardText(card: Card | undefined): string {
  const lines: string[] = [];
  const walk = (element: CardElement) => {
    if (element.type === 'RichTextBlock')
      lines.push((element.inlines ?? []).map((i) => i.text ?? '').join(''));
    else if (element.type === 'TextBlock') lines.push(element.text ?? '');
    else if (element.type?.startsWith('Input.'))
      lines.push(`${element.label ?? element.id}: ${element.value ?? ''}`);
    else if (element.type?.startsWith('Action.')) lines.push(`[${element.title ?? ''}]`);
    for (const child of [...(element.items ?? []), ...(element.actions ?? [])]) walk(child);
  };
  for (const element of [...(card?.body ?? []), ...(card?.actions ?? [])]) walk(element);
  return lines.join('\n');
}

/** Every button of a card (Action.Submit, or Action.Execute whose fallback is the same submit). */
export function submitsOf(card: Card | undefined): CardElement[] {
  const found: CardElement[] = [];
  const walk = (element: CardElement) => {
    if (element.type === 'Action.Submit' || element.type === 'Action.Execute') found.push(element);
    for (const child of [...(element.items ?? []), ...(element.actions ?? [])]) walk(child);
  };
  for (const element of [...(card?.body ?? []), ...(card?.actions ?? [])]) walk(element);
  return found;
}

/** The real Tasa (the Teams adapter on Tasa's own server) talking to a fake Bot Connector. */
export async function startTeamsTasa(
  options: Partial<Pick<TasaOptions, 'teams' | 'store' | 'downloads'>> & {
    now?: string;
    config?: string;
  } = {},
) {
  const connector: FakeBotConnector = await startFakeBotConnector();
  for (const user of Object.values(users)) connector.addMember(user);
  const clock = fixedClock(new Date(options.now ?? '2027-01-04T08:00:00Z'));
  const logger = memoryLogger();
  const store =
    options.store ?? openStore({ url: 'memory:', dataDir: '.', namespace: 'teams-e2e', clock });
  const tasa: RunningTasa = await startTasa({
    config: parsedConfig(options.config ?? teamsCityConfig),
    store,
    logger,
    clock,
    port: 0,
    teams: options.teams ?? { anonymous: true },
    runSchedule: false,
    sleep: async () => undefined,
    // Conversations here get cards faster than Teams allows; test/teams/limits.test.ts tests the pace.
    teamsClientOptions: { limits: { limits: { perConversation: [], perTenant: noLimit } } },
    ...(options.downloads ? { downloads: options.downloads } : {}),
  });
  const endpoint = `http://127.0.0.1:${tasa.port}/api/messages`;
  let ids = 0;

  async function post(activity: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    return { status: response.status, body: await response.text() };
  }

  const base = (user: User, conversation: Record<string, unknown>, locale: string) => ({
    id: `f:${++ids}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: botId, name: 'Tasa' },
    conversation: { tenantId, ...conversation },
    channelData: { tenant: { id: tenantId } },
    locale,
  });

  /** A Teams user in their personal chat with Tasa. */
  function person(user: User, locale = 'en-US', conversation = `a:personal-${user.id}`) {
    const personal = () => base(user, { id: conversation, conversationType: 'personal' }, locale);
    const cards = () => connector.activitiesIn(conversation);
    const texts = () => cards().map((a) => cardText(cardOf(a)));
    /** Waits until Tasa has done something after the request. */
    const settle = async (callsBefore: number) =>
      waitFor(() => connector.calls.length > callsBefore);

    return {
      user,
      conversation,
      cards,
      texts,
      lastText: () => texts().at(-1) ?? '',
      /** The app is added to the personal scope: the conversation update, then the installation update. */
      async install() {
        const before = cards().length;
        await post({ ...personal(), type: 'conversationUpdate', membersAdded: [{ id: botId }] });
        await post({ ...personal(), type: 'installationUpdate', action: 'add' });
        await waitFor(() => cards().length > before);
      },
      /**
       * Writes to Tasa; resolves with the first new card (or the first that
       * contains `until`: a command may send notices before its reply).
       */
      async say(text: string, until?: string) {
        const before = cards().length;
        const response = await post({ ...personal(), type: 'message', text, textFormat: 'plain' });
        const reply = () =>
          cards()
            .slice(before)
            .map((a) => cardText(cardOf(a)))
            .find((t) => until === undefined || t.includes(until));
        await waitFor(() => reply() !== undefined, 10_000);
        return { status: response.status, reply: reply() ?? '' };
      },
      /** Presses the button with this title on the newest card that has it (twice at once: Teams resending). */
      async click(title: string, options: { times?: number } = {}) {
        const card = [...cards()]
          .reverse()
          .find((a) => submitsOf(cardOf(a)).some((s) => s.title === title));
        const button = submitsOf(cardOf(card)).find((s) => s.title === title);
        if (!card || !button)
          throw new Error(`${user.name} has no “${title}” button; last card:\n${this.lastText()}`);
        const activity = {
          ...personal(),
          type: 'message',
          replyToId: card.id,
          value: button.data,
        };
        const before = connector.calls.length;
        await Promise.all(Array.from({ length: options.times ?? 1 }, () => post(activity)));
        await settle(before);
        return activity;
      },
      /** Submits the newest form card with these input values (input id → text). */
      async submit(values: Record<string, string>) {
        const card = [...cards()]
          .reverse()
          .find((a) => submitsOf(cardOf(a)).some((s) => s.data?.tasaForm !== undefined));
        const button = submitsOf(cardOf(card)).find((s) => s.data?.tasaForm !== undefined);
        if (!card || !button) throw new Error(`${user.name} has no form card`);
        const activity = {
          ...personal(),
          type: 'message',
          replyToId: card.id,
          value: { ...button.data, ...values },
        };
        const before = connector.calls.length;
        await post(activity);
        await settle(before);
        return { activity, card };
      },
      /** Teams sending the same activity again. */
      resend: (activity: Record<string, unknown>) => post(activity),
      /** A message activity from this person in their personal chat, to shape by hand. */
      message: () => ({ ...personal(), type: 'message' }),
    };
  }

  /** A message in a channel's thread, @mentioning Tasa unless told otherwise. */
  async function inChannel(user: User, text: string, options: { mention?: boolean } = {}) {
    const mention = options.mention ?? true;
    const thread = `${coordinationChannel};messageid=${++ids}`;
    const activity = {
      ...base(user, { id: thread, conversationType: 'channel', isGroup: true }, 'en-US'),
      type: 'message',
      text: mention ? `<at>Tasa</at> ${text}` : text,
      entities: mention
        ? [{ type: 'mention', text: '<at>Tasa</at>', mentioned: { id: botId, name: 'Tasa' } }]
        : [],
      channelData: {
        tenant: { id: tenantId },
        team: { id: coordinationChannel },
        channel: { id: coordinationChannel },
      },
    };
    const response = await post(activity);
    return { status: response.status, thread };
  }

  /** Tasa is added to the team whose General channel is the coordination channel. */
  async function installInTeam(user: User) {
    return post({
      ...base(
        user,
        { id: coordinationChannel, conversationType: 'channel', isGroup: true },
        'en-US',
      ),
      type: 'conversationUpdate',
      membersAdded: [{ id: botId }],
      channelData: {
        tenant: { id: tenantId },
        team: { id: coordinationChannel, name: 'Yhdenvertaisuus' },
        eventType: 'teamMemberAdded',
      },
    });
  }

  return {
    connector,
    tasa,
    store,
    clock,
    logger,
    endpoint,
    post,
    person,
    inChannel,
    installInTeam,
    async stop() {
      await tasa.stop();
      await connector.close();
    },
  };
}

export { eventually } from './eventually.ts';
export { waitFor };
