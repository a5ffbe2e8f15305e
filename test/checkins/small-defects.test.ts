import { describe, expect, it } from 'vitest';
import type { FormView } from '../../src/chat/views.ts';
import { createPromptRepository } from '../../src/checkins/prompt-repository.ts';
import { toModal } from '../../src/slack/render/modal.ts';
import { formCard } from '../../src/teams/render/form-card.ts';
import { cityConfig, createWorld, parsedConfig, type World } from '../helpers/world.ts';

async function openAndCheckIn(world: World, ...people: string[]) {
  expect((await world.open({ name: '2027-Q1', dueDate: '2027-02-15' })).ok).toBe(true);
  for (const id of people)
    expect(await world.engine.deliverCheckIn(`slack:${id}`, '2027-Q1', '2027-01-04')).toBe('sent');
}

/** A coordinator types a command; the reply as plain text. */
async function command(world: World, text: string): Promise<string> {
  const outcome = await world.inbound.receive({
    kind: 'command',
    actor: { platform: 'slack', id: 'UCOORD' },
    text,
  });
  if (outcome.kind !== 'reply') throw new Error(`no reply to “${text}”: ${outcome.kind}`);
  return world.chat.text(outcome.message);
}

const inLanguage = (locale: 'fi' | 'sv' | 'en') =>
  createWorld({ config: parsedConfig(cityConfig.replace('locale: en', `locale: ${locale}`)) });

/** The newest form opened for a person. */
function lastForm(world: World, id: string): FormView {
  const opened = [...world.chat.forms].reverse().find((f) => f.to.id === id);
  if (!opened) throw new Error(`no form opened for ${id}`);
  return opened.form;
}

describe('remind <department>', () => {
  it('reaches the colleague a key factor was handed over to', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UCULT1');
    const kalle = world.person('UCULT1');
    await kalle.click('Hand over…');
    expect(await kalle.submit({ colleague: 'UHR9' })).toEqual({ ok: true });
    const before = world.person('UHR9').messages().length;
    const kallesBefore = kalle.messages().length;

    // Culture's only key factor is with UHR9 now: Kalle has nothing open there.
    expect(await command(world, 'remind culture')).toBe('I reminded 1 person just now.');
    const colleague = world.person('UHR9');
    expect(colleague.messages().length).toBeGreaterThan(before);
    expect(colleague.lastText()).toContain('Consultation with migrants');
    expect(kalle.messages()).toHaveLength(kallesBefore);
  });

  it('reaches only the people holding open questions of that department', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1', 'UEDU2', 'UCULT1');
    const eeva = world.person('UEDU1');
    await eeva.click('Hand over…');
    expect(await eeva.submit({ colleague: 'UHR9' })).toEqual({ ok: true });
    const culture = world.person('UCULT1').messages().length;

    // Eeva and Erkki still have KF06; UHR9 has KF01; Kalle (culture) is not reminded.
    expect(await command(world, 'remind education')).toBe('I reminded 3 people just now.');
    expect(world.person('UCULT1').messages()).toHaveLength(culture);
  });
});

describe('“Remind me next week”', () => {
  it('closes the intro it was pressed on and says when it asks again', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    const intro = eeva.last();
    await eeva.click('Remind me next week');

    // 2027-01-04 is a Monday: the next one is 11 January.
    expect(world.chat.buttons(intro.view)).toEqual([]);
    expect(world.chat.text(intro.view)).toContain(
      'Moved to next week: I will ask again on Monday 11 January.',
    );
    expect(eeva.lastText()).toBe('All right, I will ask again on Monday 11 January.');

    // The closed intro is out of her open prompts: Monday's check-in sends a fresh one.
    const book = await createPromptRepository(world.store).bookOf('2027-Q1', 'slack:UEDU1');
    expect(book.has('education', 'KF01:intro')).toBe(false);
    expect(await world.engine.deliverCheckIn('slack:UEDU1', '2027-Q1', '2027-01-11')).toBe('sent');
    expect(world.chat.buttons(eeva.last().view).map((b) => b.label)).toContain('Start');
  });

  it('reads correctly in Finnish and Swedish: one period after a date that ends in one', async () => {
    const fi = inLanguage('fi');
    await openAndCheckIn(fi, 'UEDU1');
    const eeva = fi.person('UEDU1');
    const intro = eeva.last();
    await eeva.click('Muistuta ensi viikolla');
    expect(eeva.lastText()).toBe('Selvä, maanantaina 11.1. kysyn uudelleen.');
    expect(fi.chat.text(intro.view)).toContain(
      'Siirretty ensi viikkoon: maanantaina 11.1. kysyn uudelleen.',
    );
    expect(fi.chat.text(intro.view)).not.toMatch(/\.\./);

    const sv = inLanguage('sv');
    await openAndCheckIn(sv, 'UEDU1');
    const eva = sv.person('UEDU1');
    await eva.click('Påminn mig nästa vecka');
    expect(eva.lastText()).toBe('Okej, på måndag 11.1 frågar jag igen.');
  });
});

describe('handing a key factor over', () => {
  it('does not thank the giver for all the questions when nothing is left', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UCULT1');
    const kalle = world.person('UCULT1');
    await kalle.click('Hand over…');
    expect(await kalle.submit({ colleague: 'UHR9' })).toEqual({ ok: true });

    const texts = kalle.messages().map((m) => world.chat.text(m.view));
    expect(texts).not.toContainEqual(expect.stringContaining('That is everything'));
    expect(texts).toContainEqual(expect.stringContaining('is now with a colleague'));
    expect(kalle.lastText()).toBe('You have no other open questions in cycle 2027-Q1.');
  });

  it('still goes on with what is the giver’s own', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Hand over…');
    expect(await eeva.submit({ colleague: 'UHR9' })).toEqual({ ok: true });
    expect(eeva.lastText()).toContain('6. The city as employer');
  });
});

describe('text limits and evidence rows in forms', () => {
  it('lets a reason of exactly 1,000 characters through, on the form and on both platforms', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UCULT1');
    const kalle = world.person('UCULT1');
    await kalle.click('Skip…');
    const form = lastForm(world, 'UCULT1');
    const reason = form.fields.find((f) => f.id === 'reason');
    expect(reason).toMatchObject({ type: 'text', maxLength: 1000 });

    const slack = JSON.stringify(toModal(form));
    expect(slack).toContain('"max_length":1000');
    expect(slack).not.toContain('"max_length":1001');
    const teams = JSON.stringify(formCard(form, form.words!, []));
    expect(teams).toContain('"maxLength":1000');
    expect(teams).not.toContain('"maxLength":1001');

    expect(await kalle.submit({ reason: 'x'.repeat(1001) })).toMatchObject({ ok: false });
    expect(await kalle.submit({ reason: 'x'.repeat(1000) })).toEqual({ ok: true });
  });

  it('gives an action item’s title exactly 200 characters on Slack', async () => {
    const world = createWorld();
    await world.person('UCOORD').act({ kind: 'actionNew' });
    const form = lastForm(world, 'UCOORD');
    expect(form.fields.find((f) => f.id === 'title')).toMatchObject({ maxLength: 200 });
    const slack = JSON.stringify(toModal(form));
    expect(slack).toContain('"max_length":200');
    expect(slack).not.toContain('"max_length":201');
  });

  it('names every evidence row in words, for the eye and the screen reader', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    await eeva.click('Explain and add evidence');
    const form = lastForm(world, 'UEDU1');

    const labels = toModal(form)
      .blocks.filter((b) => b.type === 'input')
      .map((b) => ('label' in b ? b.label.text : ''));
    expect(labels).toEqual(
      expect.arrayContaining([
        'Evidence link 1',
        'Title of link 1',
        'Evidence link 2',
        'Title of link 2',
        'Evidence link 3',
        'Title of link 3',
        'Document date of link 1 (optional)',
        'Document date of link 3 (optional)',
      ]),
    );
    expect(labels).not.toContain('—');
    // Each row takes as long a link and title as is saved, no more.
    const rows = toModal(form).blocks.flatMap((b) =>
      b.type === 'input' && 'element' in b && b.block_id?.startsWith('evidence.') ? [b] : [],
    );
    expect(rows).toHaveLength(9);
    for (const row of rows.filter((r) => !r.block_id?.endsWith('.date')))
      expect(row.element).toMatchObject({
        max_length: row.block_id?.endsWith('.url') ? 2000 : 200,
      });
    expect(rows.filter((r) => r.block_id?.endsWith('.date')).map((r) => r.element.type)).toEqual([
      'datepicker',
      'datepicker',
      'datepicker',
    ]);
    expect(labels.filter((l) => /Evidence links \d/.test(l))).toEqual([]);

    const card = JSON.stringify(formCard(form, form.words!, []));
    expect(card).toContain('"label":"Evidence link 1"');
    expect(card).toContain('"label":"Title of link 1"');
    expect(card).toContain('"type":"Input.Date","id":"evidence.0.date"');
  });

  it('names the evidence rows in Finnish too', async () => {
    const world = inLanguage('fi');
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Aloita');
    await eeva.click(/Perustele/);
    const labels = JSON.stringify(toModal(lastForm(world, 'UEDU1')));
    expect(labels).toContain('Näyttölinkki 1');
    expect(labels).toContain('Linkin 1 otsikko');
  });
});
