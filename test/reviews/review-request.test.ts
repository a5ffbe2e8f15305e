import { describe, expect, it } from 'vitest';
import { runUntil } from '../helpers/runtime.ts';
import { answerKeyFactor, createReviewWorld, openAndCheckIn, textsTo } from './review-world.ts';

const kf01 = ['Yes', 'Partly', 'No', "Don't know"];
const kf06 = ['Yes', 'Yes', 'Partly', 'No', 'Yes', 'Partly', 'Yes'];

describe('a completed key factor goes to the reviewers', () => {
  it('sends nothing before a key factor is complete', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1');
    await answerKeyFactor(world, 'UEDU1', kf01.slice(0, 3));
    expect(await world.announce('2027-01-04')).toBe(0);
    expect(world.person('UREV').messages()).toEqual([]);
  });

  it('groups two key factors completed the same day into one message per reviewer', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1');
    await answerKeyFactor(world, 'UEDU1', kf01);
    await world.person('UEDU1').click('In progress');
    await answerKeyFactor(world, 'UEDU1', kf06);

    // The reviewer and the coordinator (who reviews too) each get one message.
    expect(await world.announce('2027-01-04')).toBe(2);
    const messages = world.person('UREV').messages();
    expect(messages).toHaveLength(1);
    const text = world.chat.text(messages[0]!.view);
    expect(text).toContain('2 key factors of cycle 2027-Q1 wait for your review.');
    expect(text).toContain('Education · 1. Public commitment');
    expect(text).toContain('Education · 6. The city as employer');
    expect(text).toContain('“Partly” – Eeva Opettaja, 4 January 2027');
    const labels = world.chat.buttons(messages[0]!.view).map((b) => b.label);
    expect(labels.filter((l) => l === 'Accept')).toHaveLength(11);
    expect(labels.filter((l) => l === 'Request changes…')).toHaveLength(11);
    expect(labels.filter((l) => l === 'Accept all')).toHaveLength(2);
    expect(world.person('UCOORD').messages()).toHaveLength(1);

    // A second run the same day, and the next day with nothing new: no more messages.
    expect(await world.announce('2027-01-04')).toBe(0);
    expect(await world.announce('2027-01-05')).toBe(0);
    expect(world.person('UREV').messages()).toHaveLength(1);
  });

  it('sends nothing to a reviewer who is away; what waits is there when they are back', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1');
    const away = await world.inbound.receive({
      kind: 'command',
      actor: { platform: 'slack', id: 'UREV' },
      text: 'away until 2027-01-20',
    });
    expect(away.kind).toBe('reply');
    await answerKeyFactor(world, 'UEDU1', kf01);
    await world.person('UEDU1').click('In progress');

    // Only the coordinator is asked; the reviewer who is away is not.
    expect(await world.announce('2027-01-04')).toBe(1);
    expect(
      world
        .person('UREV')
        .messages()
        .map((m) => world.chat.text(m.view)),
    ).not.toContainEqual(expect.stringContaining('wait for your review'));
    expect(world.person('UCOORD').messages()).toHaveLength(1);
    const waiting = await world.inbound.receive({
      kind: 'command',
      actor: { platform: 'slack', id: 'UREV' },
      text: 'review',
    });
    expect(waiting.kind === 'reply' && world.chat.text(waiting.message)).toContain(
      'Education · 1. Public commitment',
    );
  });

  it('shows the explanation and evidence links beside the answer', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    await eeva.click('Explain and add evidence');
    expect(
      await eeva.submit({
        status: 'partly',
        explanation: 'The mayor spoke about it, but nothing is written down.',
        evidence: [{ url: 'https://www.example.fi/minutes-2026', title: 'Board minutes' }],
      }),
    ).toEqual({ ok: true });
    for (const label of kf01.slice(1)) await eeva.click(label);
    await world.announce('2027-01-04');
    const text = textsTo(world, 'UREV').join('\n');
    expect(text).toContain('The mayor spoke about it, but nothing is written down.');
    expect(text).toContain('https://www.example.fi/minutes-2026');
  });

  it('announces a key factor completed on a later day in that day’s message', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1', 'UCULT1');
    await answerKeyFactor(world, 'UEDU1', kf01);
    await world.announce('2027-01-04');
    await answerKeyFactor(world, 'UCULT1', ['Yes', 'No', 'Yes']);
    expect(await world.announce('2027-01-05')).toBe(2);
    const messages = world.person('UREV').messages();
    expect(messages).toHaveLength(2);
    // What still waits is in it too: the reviewer sees everything in one place.
    expect(world.chat.text(messages[1]!.view)).toContain('Culture · 4.');
    expect(world.chat.text(messages[1]!.view)).toContain('Education · 1. Public commitment');
  });

  it('keeps a message within what a chat shows, pointing to the review command for the rest', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    const explained = async (count: number) => {
      await eeva.click('Start');
      for (let n = 1; n <= count; n++) {
        await eeva.click('Explain and add evidence');
        await eeva.submit({
          status: 'partly',
          explanation: `Explanation ${n}`,
          evidence: [{ url: `https://www.example.fi/${n}` }],
        });
      }
    };
    await explained(4);
    await eeva.click('In progress');
    await explained(7);
    await world.announce('2027-01-04');
    const message = world.person('UREV').last();
    expect(message.view.blocks.length).toBeLessThanOrEqual(50);
    const text = world.chat.text(message.view);
    const headers = message.view.blocks.flatMap((b) => (b.type === 'header' ? [b.text] : []));
    expect(headers).toEqual(['Peer review', 'Education · 1. Public commitment']);
    expect(text).toContain(
      '…and 1 more key factor: Education · 6. The city as employer. Type “review education KF06” to see it.',
    );
    const rest = await world.command('UREV', 'review education KF06');
    expect(world.chat.text(rest)).toContain('Education · 6. The city as employer');
    expect(world.chat.text(rest)).not.toContain('Education · 1. Public commitment');
  });

  it('runs on its schedule: working days at 13:00 in the organisation’s time zone', async () => {
    // Friday 8 January 2027, 10:00 Helsinki; the default schedule is weekdays at 13:00.
    const world = createReviewWorld({ now: '2027-01-08T08:00:00Z' });
    await openAndCheckIn(world, 'UEDU1');
    await answerKeyFactor(world, 'UEDU1', kf01);
    await runUntil(world.clock, new Date('2027-01-08T10:59:00Z'), world.core.runner.tick);
    expect(world.person('UREV').messages()).toHaveLength(0);
    // Through Monday 13:00: one message on Friday, none over the weekend.
    await runUntil(world.clock, new Date('2027-01-11T11:30:00Z'), world.core.runner.tick);
    expect(world.person('UREV').messages()).toHaveLength(1);
    expect(world.person('UREV').lastText()).toContain('Education · 1. Public commitment');
  });
});
