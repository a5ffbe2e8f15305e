import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { createItems, getItem } from '../../src/action-plans/repository.ts';
import { waitFor } from '../helpers/fake-slack-api.ts';
import {
  appHomeOpened,
  directMessage,
  event,
  signedRequest,
  slashCommandBody,
} from '../helpers/slack-requests.ts';
import { signingSecret, startSlackTasa, state } from './harness.ts';

let world: Awaited<ReturnType<typeof startSlackTasa>>;

beforeEach(async () => {
  world = await startSlackTasa();
});
afterEach(async () => {
  await world.stop();
});

async function startCycle() {
  const { reply } = await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
  expect(reply).toContain(
    'Cycle 2027-Q1 is open, due 15 February 2027. I asked 3 contacts just now.',
  );
}

describe('Tasa in Slack', () => {
  it('lets a coordinator start a cycle, and every department contact gets their prompt', async () => {
    await startCycle();
    for (const user of ['UEDU1', 'UEDU2', 'UCULT1']) {
      await waitFor(() => world.person(user).dms().length === 1);
      expect(world.person(user).lastText()).toContain('You have');
      expect(world.person(user).lastText()).toContain('[Start]');
    }
    expect(world.person('UCULT1').lastText()).toContain('4. Consultation with migrants');
  });

  it('walks a contact through a whole key factor with buttons and the modal', async () => {
    await startCycle();
    const eeva = world.person('UEDU1');
    await waitFor(() => eeva.dms().length === 1);
    await eeva.click('Start');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    await eeva.click('Yes');
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    // The answered question was updated in place: only "Change" is left on it.
    expect(eeva.texts().find((t) => t.includes('question 1 of 4'))).toContain(
      'Answered “Yes” by Eeva Opettaja',
    );
    expect(eeva.texts().find((t) => t.includes('question 1 of 4'))).not.toContain('[No]');

    await eeva.click('Explain and add evidence');
    await waitFor(() => world.slack.callsTo('views.open').length === 1);
    const submitted = await eeva.submit({
      ...state.select('status', 'partly'),
      ...state.text(
        'explanation',
        'The mayor refers to it in speeches. <!channel> <@U0BOSS> <https://evil.example|https://www.hel.fi>',
      ),
      ...state.link(0, 'https://www.hel.fi/puhe-2026', 'Mayor’s speech'),
      ...state.link(1, ''),
      ...state.link(2, ''),
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe('');
    await waitFor(() => eeva.lastText().includes('question 3 of 4'));
    const second = eeva.texts().find((t) => t.includes('question 2 of 4')) ?? '';
    // What a person wrote cannot ping the channel, mention someone or disguise a link.
    expect(second).toContain(
      '&lt;!channel&gt; &lt;@U0BOSS&gt; &lt;https://evil.example|https://www.hel.fi&gt;',
    );
    expect(second).toContain('<https://www.hel.fi/puhe-2026|Mayor’s speech> (www.hel.fi)');

    await eeva.click('No');
    await waitFor(() => eeva.lastText().includes('question 4 of 4'));
    await eeva.click('Not applicable');
    await waitFor(() => eeva.lastText().includes('overall rating'));
    await eeva.click('Achieved');
    await waitFor(() => eeva.lastText().includes('6. The city as employer'));
    expect(eeva.texts()).toContainEqual(
      expect.stringContaining('Thank you! “Public commitment” is done for Education.'),
    );

    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(
      Object.fromEntries(Object.entries(record.answers).map(([q, a]) => [q, a.status])),
    ).toEqual({
      'KF01.Q1': 'yes',
      'KF01.Q2': 'partly',
      'KF01.Q3': 'no',
      'KF01.Q4': 'not_applicable',
    });
    expect(record.answers['KF01.Q2']?.evidence).toEqual([
      {
        url: 'https://www.hel.fi/puhe-2026',
        title: 'Mayor’s speech',
        addedAt: '2027-01-04T08:00:00.000Z',
      },
    ]);
    expect(record.ratings.KF01).toMatchObject({ rating: 'achieved', by: 'slack:UEDU1' });
  });

  it('politely refuses cycle start to someone who is not a coordinator, naming who may', async () => {
    const { reply } = await world.person('UEDU1').command('cycle start');
    expect(reply).toBe(
      'Only coordinators can run “cycle start”. The coordinators are: Kaisa Koordinaattori.',
    );
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers an unknown subcommand or a bad argument with help, never a stack trace', async () => {
    expect((await world.person('UEDU1').command('frobnicate')).reply).toContain(
      'I do not know the command “frobnicate”.',
    );
    const away = await world.person('UEDU1').command('away until someday');
    expect(away.reply).toContain('I could not read “until someday” as a date.');
    expect(away.reply).toContain('away until &lt;date&gt;');
    const help = await world.person('UEDU1').command('help');
    expect(help.reply).toContain('lang fi|sv|en');
    expect(help.reply).not.toContain('cycle start');
    expect((await world.person('UCOORD').command('help')).reply).toContain(
      'cycle start [name] [due date]',
    );
  });

  it('shows a bad evidence link as an inline error in the modal, in the person’s language', async () => {
    world.slack.setLocale('UCULT1', 'fi-FI');
    await startCycle();
    const kalle = world.person('UCULT1');
    await waitFor(() => kalle.dms().length === 1);
    await kalle.click('Aloita');
    await waitFor(() => kalle.lastText().includes('kysymys 1/3'));
    await kalle.click('Perustele ja lisää näyttöä');
    await waitFor(() => world.slack.callsTo('views.open').length === 1);
    const response = await kalle.submit({
      ...state.select('status', 'yes'),
      ...state.text('explanation', 'Maahanmuuttajaneuvosto kokoontuu kuukausittain.'),
      ...state.link(0, 'javascript:alert(1)'),
    });
    expect(response.status).toBe(200);
    const body = response.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['evidence.0.url']);
    expect(body.errors['evidence.0.url']).toMatch(/http:\/\/|https:\/\//);
    expect(body.errors['evidence.0.url']).not.toMatch(/must start/);
    expect((await getRecord(world.store, '2027-Q1', 'culture')).answers).toEqual({});
  });

  it('answers a retried event once', async () => {
    await startCycle();
    const home = appHomeOpened('UEDU1');
    expect(
      (await event(world.endpoint, signingSecret, { event: home, eventId: 'Ev0HOME' })).status,
    ).toBe(200);
    expect(
      (await event(world.endpoint, signingSecret, { event: home, eventId: 'Ev0HOME', retryNum: 1 }))
        .status,
    ).toBe(200);
    const dm = directMessage('UEDU1', 'my');
    await event(world.endpoint, signingSecret, { event: dm, eventId: 'Ev0DM' });
    await event(world.endpoint, signingSecret, { event: dm, eventId: 'Ev0DM', retryNum: 1 });
    await event(world.endpoint, signingSecret, { event: dm, eventId: 'Ev0DM', retryNum: 2 });
    await waitFor(
      () =>
        world.slack.callsTo('views.publish').length === 1 &&
        world.person('UEDU1').dms().length === 2,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.slack.callsTo('views.publish')).toHaveLength(1);
    expect(
      world
        .person('UEDU1')
        .texts()
        .filter((t) => t.includes('Your open questions')),
    ).toHaveLength(1);
  });

  it('refuses an unsigned request and a stale one with 401', async () => {
    const body = new URLSearchParams(
      slashCommandBody(world.endpoint, { user: 'UCOORD', text: 'cycle start' }),
    ).toString();
    const form = 'application/x-www-form-urlencoded';
    expect(
      (await signedRequest(world.endpoint, signingSecret, body, form, { signature: null })).status,
    ).toBe(401);
    expect((await signedRequest(world.endpoint, 'wrong-secret', body, form)).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(
      (await signedRequest(world.endpoint, signingSecret, body, form, { timestamp: sixMinutesAgo }))
        .status,
    ).toBe(401);
    expect(world.slack.callsTo('response_url')).toHaveLength(0);
  });

  it('waits out a 429 from Slack as Retry-After says, and loses nothing', async () => {
    world.slack.rateLimitNext('chat.postMessage', 2, 1);
    const started = Date.now();
    await startCycle();
    await waitFor(
      () => ['UEDU1', 'UEDU2', 'UCULT1'].every((u) => world.person(u).dms().length === 1),
      10_000,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(world.slack.callsTo('chat.postMessage').filter((c) => c.rateLimited)).toHaveLength(2);
    expect(world.slack.messagesTo('UEDU1')).toHaveLength(1);
    expect(world.slack.messagesTo('UEDU2')).toHaveLength(1);
    expect(world.slack.messagesTo('UCULT1')).toHaveLength(1);
  });

  it('shows a person their open questions in App Home, and coordinators the progress', async () => {
    await startCycle();
    await event(world.endpoint, signingSecret, { event: appHomeOpened('UEDU1'), eventId: 'Ev1' });
    await waitFor(() => world.slack.lastView('UEDU1') !== undefined);
    const view = world.slack.lastView('UEDU1') as { type: string; blocks: never[] };
    expect(view.type).toBe('home');
    const text = world.textOf(view.blocks);
    expect(text).toContain('Your open questions');
    expect(text).toContain('1. Public commitment · Education: 4 questions open');
    expect(text).toContain('6. The city as employer · Education: 7 questions open');
    expect(text).toContain('[Continue]');
    expect(text).not.toContain('Progress');

    await event(world.endpoint, signingSecret, { event: appHomeOpened('UCOORD'), eventId: 'Ev2' });
    await waitFor(() => world.slack.lastView('UCOORD') !== undefined);
    expect(world.textOf((world.slack.lastView('UCOORD') as { blocks: never[] }).blocks)).toContain(
      'Progress: 0/14 answered',
    );
  });

  it('speaks each person’s Slack language unless they chose another', async () => {
    world.slack.setLocale('UEDU2', 'sv-SE');
    expect((await world.person('UEDU2').command('my')).reply).toContain(
      'Det finns ingen öppen bedömningsomgång',
    );
    expect((await world.person('UEDU2').command('lang fi')).reply).toMatch(/suomea/i);
    expect((await world.person('UEDU2').command('my')).reply).toContain('arviointikierros');
  });

  it('reminds an owner of an overdue action item, who marks it done from the reminder', async () => {
    await createItems(world.store, [
      {
        title: 'Recruitment guidelines',
        description: '',
        serves: [{ framework: 'integrating-cities', item: 'KF06' }],
        department: 'education',
        owners: ['slack:UEDU1'],
        due: '2026-12-28',
        status: 'in_progress',
        notes: [],
        evidence: [],
        created: { by: 'slack:UCOORD', at: '2026-11-01T08:00:00Z' },
        history: [],
      },
    ]);
    await world.tasa.core.runner.tick();
    const eeva = world.person('UEDU1');
    await waitFor(() => eeva.dms().length === 1);
    expect(eeva.lastText()).toContain('Your action item needs attention');
    expect(eeva.lastText()).toContain(
      'A1 · Recruitment guidelines — due 28 December 2026, overdue by 7 days',
    );

    await eeva.click('Mark done…');
    await waitFor(() => world.slack.callsTo('views.open').length === 1);
    const response = await eeva.submit({
      ...state.link(0, 'https://www.hel.fi/rekrytointiohje', 'Guidelines'),
      ...state.link(1, ''),
      ...state.link(2, ''),
      ...state.text('note', 'Adopted by HR.'),
    });
    expect(response.status).toBe(200);
    await waitFor(() => eeva.lastText().includes('A1 is marked done. Thank you!'));
    expect(await getItem(world.store, 'A1')).toMatchObject({
      status: 'done',
      evidence: [{ url: 'https://www.hel.fi/rekrytointiohje', title: 'Guidelines' }],
      notes: [expect.objectContaining({ text: 'Adopted by HR.', by: 'slack:UEDU1' })],
    });
  });

  it('posts a roll-up in the coordination channel and a digest with its picture in the steering channel', async () => {
    await startCycle();
    const eeva = world.person('UEDU1');
    await waitFor(() => eeva.dms().length === 1);
    await eeva.click('Start');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    await eeva.click('Yes');
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));

    const coordinator = world.person('UCOORD');
    expect((await coordinator.command('rollup now')).reply).toBe(
      'The roll-up for week 2027-W01 is posted in the coordination channel.',
    );
    const rollup = world.slack.messagesTo('CCOORD');
    expect(rollup).toHaveLength(2);
    expect(world.textOf(rollup[0]!.args.blocks as never[])).toContain(
      'Answered 1/14 (7 %) · due 15 February 2027',
    );
    const summaryTs = [...world.slack.messages.values()].find((m) => m.channel === 'CCOORD')!.ts;
    expect(rollup[1]!.args.thread_ts).toBe(summaryTs);
    expect(world.textOf(rollup[1]!.args.blocks as never[])).toContain(
      'Education: Answered 1/11 (9 %)',
    );
    expect((await coordinator.command('rollup now')).reply).toBe(
      'The roll-up for week 2027-W01 is already posted in the coordination channel.',
    );

    expect((await coordinator.command('digest now')).reply).toBe(
      'The digest for week 2027-W01 is posted in the steering group’s channel.',
    );
    await waitFor(() => world.slack.files.size === 1);
    const digest = world.slack.messagesTo('CSTEER');
    expect(digest).toHaveLength(1);
    expect(world.textOf(digest[0]!.args.blocks as never[])).toContain(
      'Weekly digest · Testikaupunki · week 2027-W01',
    );
    const [picture] = [...world.slack.files.values()];
    expect(picture?.filename).toBe('tasa-heatmap-2027-Q1.png');
    expect(picture?.channel).toBe('CSTEER');
    expect(picture?.data?.subarray(1, 4).toString()).toBe('PNG');
  });
});
