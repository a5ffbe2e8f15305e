import type { PostedActivity } from '../helpers/fake-bot-connector.ts';
import { cardOf, type startTeamsTasa } from './harness.ts';

type World = Awaited<ReturnType<typeof startTeamsTasa>>;
type Person = ReturnType<World['person']>;
type Json = Record<string, unknown>;

/** Every action of a card, in order, however deeply placed. */
export function actionsOf(card: unknown): Json[] {
  const found: Json[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const element = value as Json;
      if (typeof element.type === 'string' && element.type.startsWith('Action.'))
        found.push(element);
      for (const [key, child] of Object.entries(element)) if (key !== 'fallback') walk(child);
    }
  };
  walk((card as Json | undefined)?.body);
  walk((card as Json | undefined)?.actions);
  return found;
}

/** An invoke's HTTP answer: its status and its body read as JSON (undefined when empty). */
export interface InvokeAnswer {
  status: number;
  body: Json | undefined;
}

/** The card an `adaptiveCard/action` answer shows, if it is one. */
export const answeredCard = (answer: InvokeAnswer): Json | undefined =>
  answer.body?.type === 'application/vnd.microsoft.card.adaptive'
    ? (answer.body.value as Json)
    : undefined;

/** The card a dialog answer shows, if it is one. */
export const dialogCard = (answer: InvokeAnswer): Json | undefined => {
  const task = answer.body?.task as { type?: string; value?: { card?: { content?: Json } } };
  return task?.type === 'continue' ? task.value?.card?.content : undefined;
};

/**
 * A Teams client with Universal Actions and dialogs, as one person uses it:
 * Action.Execute as `adaptiveCard/action` invokes, the card's refresh, and
 * buttons that ask for a dialog as `task/fetch`, its submit as `task/submit`.
 */
export function teamsClientOf(world: World, person: Person) {
  async function invoke(name: string, value: Json, extra: Json = {}) {
    const activity = { ...person.message(), type: 'invoke', name, value, ...extra };
    return { activity, answer: await send(activity) };
  }
  async function send(activity: Json): Promise<InvokeAnswer> {
    const { status, body } = await world.post(activity);
    return { status, body: body ? (JSON.parse(body) as Json) : undefined };
  }
  const newestWith = (title: string, type: string) => {
    const card = [...person.cards()]
      .reverse()
      .find((a) => actionsOf(cardOf(a)).some((b) => b.title === title && b.type === type));
    const button = actionsOf(cardOf(card)).find((b) => b.title === title && b.type === type);
    if (!card || !button)
      throw new Error(`${person.user.name} has no ${type} “${title}”; last:\n${person.lastText()}`);
    return { card, button };
  };

  return {
    /** Presses an Action.Execute button on the newest card that has it (`times` at once: a resend). */
    async execute(title: string, options: { times?: number } = {}) {
      const { card, button } = newestWith(title, 'Action.Execute');
      const activity = {
        ...person.message(),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: card.id,
        value: {
          action: { type: 'Action.Execute', id: '', verb: button.verb, data: button.data },
          trigger: 'manual',
        },
      };
      const answers = await Promise.all(
        Array.from({ length: options.times ?? 1 }, () => send(activity)),
      );
      return { card, activity, answer: answers[0]!, answers };
    },
    /** Opens a card, so Teams asks for its current version (the card's refresh action). */
    async refresh(card: PostedActivity) {
      const refresh = (cardOf(card) as Json | undefined)?.refresh as { action?: Json } | undefined;
      if (!refresh?.action) throw new Error('the card has no refresh');
      return invoke(
        'adaptiveCard/action',
        { action: { id: '', ...refresh.action }, trigger: 'automatic' },
        { replyToId: card.id },
      );
    },
    /** Presses a button that opens a dialog. */
    async openDialog(title: string) {
      const { card, button } = newestWith(title, 'Action.Submit');
      const result = await invoke(
        'task/fetch',
        { data: button.data, context: { theme: 'default' } },
        { replyToId: card.id },
      );
      return { ...result, card };
    },
    /** Submits a dialog's card with these input values (input id → text). */
    async submitDialog(card: Json, values: Record<string, string>) {
      const submit = actionsOf(card).find((b) => b.type === 'Action.Submit');
      if (!submit) throw new Error('the dialog has no submit button');
      return invoke('task/submit', {
        data: { ...(submit.data as Json), ...values },
        context: { theme: 'default' },
      });
    },
    /** Teams sending the same invoke again. */
    resend: send,
  };
}
