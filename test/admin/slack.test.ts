import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/fake-slack-api.ts';
import { appHomeOpened, blockAction, event } from '../helpers/slack-requests.ts';
import { signingSecret, startSlackTasa } from '../slack/harness.ts';

let world: Awaited<ReturnType<typeof startSlackTasa>>;

beforeEach(async () => {
  world = await startSlackTasa();
});
afterEach(async () => {
  await world.stop();
});

interface HomeButton {
  action_id: string;
  value: string;
  text: { text: string };
}

async function home(user: string, eventId: string) {
  const published = world.slack.callsTo('views.publish').length;
  await event(world.endpoint, signingSecret, { event: appHomeOpened(user), eventId });
  await waitFor(() => world.slack.callsTo('views.publish').length > published);
  const view = world.slack.lastView(user) as {
    blocks: { type: string; elements?: HomeButton[] }[];
  };
  const buttons = view.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
  return { text: world.textOf(view.blocks as never[]), buttons };
}

describe('administration in Slack', () => {
  it('a coordinator adds a contact in App Home with the user picker', async () => {
    const { text, buttons } = await home('UCOORD', 'Ev1');
    expect(text).toContain('Departments and contacts');
    expect(text).toContain('Culture (culture): Kalle Kulttuuri');
    const add = buttons.find((b) => b.text.text === 'Add a contact: Culture');
    if (!add) throw new Error(`no add button in: ${text}`);

    await blockAction(world.endpoint, signingSecret, {
      user: 'UCOORD',
      actionId: add.action_id,
      value: add.value,
      channel: 'DUCOORD',
    });
    await waitFor(() => world.slack.callsTo('views.open').length === 1);
    const opened = world.slack.callsTo('views.open')[0]?.args as {
      view: { blocks: { element?: { type: string } }[] };
    };
    expect(opened.view.blocks.map((b) => b.element?.type)).toContain('multi_users_select');

    const coordinator = world.person('UCOORD');
    const response = await coordinator.submit({
      people: { people: { type: 'multi_users_select', selected_users: ['UCULT2'] } },
    });
    expect(response.status).toBe(200);
    await waitFor(() => coordinator.lastText().includes('UCULT2 is now a contact of Culture.'));
    expect(world.tasa.core.directory.contactsOf('culture')).toEqual([
      'slack:UCULT1',
      'slack:UCULT2',
    ]);

    // The new contact is asked at once when the coordinator starts a cycle.
    const { reply } = await coordinator.command('cycle start 2027-Q1 15.2.2027');
    expect(reply).toContain('I asked 4 contacts just now.');
    expect(world.slack.messagesTo('UCULT2')).toHaveLength(1);
    expect((await home('UCOORD', 'Ev2')).text).toContain(
      'Culture (culture): Kalle Kulttuuri, UCULT2',
    );
  });

  it('answers `/tasa admin` to coordinators only, and lists the history', async () => {
    const contact = await world.person('UEDU1').command('admin contact add culture <@UCULT2>');
    expect(contact.reply).toContain('coordinators');
    const coordinator = world.person('UCOORD');
    expect((await coordinator.command('admin contact add culture <@UCULT2>')).reply).toContain(
      'UCULT2 is now a contact of Culture.',
    );
    expect((await coordinator.command('admin history')).reply).toContain(
      'Kaisa Koordinaattori: added UCULT2 as a contact of culture',
    );
    expect((await home('UEDU1', 'Ev3')).text).not.toContain('Departments and contacts');
  });
});
