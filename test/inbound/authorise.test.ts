import { describe, expect, it } from 'vitest';
import { allItems, createItems } from '../../src/action-plans/repository.ts';
import { runCommand } from '../../src/commands/run.ts';
import { createWorld, type World } from '../helpers/world.ts';
import { contractMeasure, storedItem } from '../helpers/fixtures.ts';

async function openAndCheckIn(world: World, ...people: string[]) {
  await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  for (const id of people)
    expect(await world.engine.deliverCheckIn(`slack:${id}`, '2027-Q1', '2027-01-04')).toBe('sent');
}

const everything = (world: World, id: string) =>
  world.chat
    .to(id)
    .map((m) => world.chat.text(m.view))
    .join('\n');

describe('a forged button or form', () => {
  it('that names another department opens nothing and says nothing about it', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    await eeva.click('Explain and add evidence');
    await eeva.submit({ status: 'partly', explanation: 'Culture is not ours to tell.' });
    const kalle = world.person('UCULT1');
    const formsBefore = world.chat.forms.length;
    const sentBefore = world.chat.to('UCULT1').length;

    // Kalle (culture) edits a button's value to name education's question.
    const where = { cycle: '2027-Q1', department: 'education', question: 'KF01.Q1' };
    await kalle.act({ kind: 'explain', ...where, revision: 1 });
    await kalle.act({
      kind: 'back',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q2',
    });
    await kalle.act({ kind: 'answer', ...where, status: 'no', revision: 1 });

    expect(world.chat.forms.length).toBe(formsBefore);
    const told = world.chat.to('UCULT1').slice(sentBefore);
    expect(told).toHaveLength(3);
    for (const message of told) {
      const text = world.chat.text(message.view);
      expect(text).toBe('Only the contacts of Education can answer for it.');
    }
    // Eeva answering later does not reach Kalle.
    await eeva.click('Yes');
    expect(everything(world, 'UCULT1')).not.toContain('Culture is not ours to tell');
  });

  it('that creates an action item for another department is refused, and nothing is created', async () => {
    const world = createWorld();
    const kalle = world.person('UCULT1');
    await kalle.act({ kind: 'actionNew', department: 'culture' });
    expect(await kalle.submit({ ...contractMeasure, department: 'education' })).toMatchObject({
      ok: false,
    });
    expect(await allItems(world.store)).toEqual([]);
    expect(world.chat.text(world.chat.last('UCULT1')!.view)).toContain('not yours');
    // Within their own department it is theirs to create.
    await kalle.act({ kind: 'actionNew', department: 'culture' });
    expect(
      await kalle.submit({ ...contractMeasure, department: 'culture', owners: ['slack:UCULT1'] }),
    ).toEqual({ ok: true });
  });

  it('from someone in no department and no role opens no action-plan form', async () => {
    const world = createWorld();
    const stranger = world.person('USTRANGER');
    await stranger.act({ kind: 'actionNew' });
    expect(world.chat.forms).toHaveLength(0);
    expect(world.chat.text(world.chat.last('USTRANGER')!.view)).toContain('not yours');
  });
});

describe('the action plan', () => {
  const command = async (world: World, user: string, text: string) =>
    world.chat.text(
      await runCommand(world.core, world.cycleDeps, { platform: 'slack', id: user }, text),
    );

  it('is listed to coordinators whole, to contacts for their departments, to nobody else', async () => {
    const world = createWorld();
    await createItems(world.store, [
      storedItem({ title: 'Education measure', department: 'education', owners: ['slack:UEDU1'] }),
      storedItem({ title: 'Culture measure', department: 'culture', owners: ['slack:UCULT1'] }),
    ]);
    const all = await command(world, 'UCOORD', 'actions');
    expect(all).toContain('Education measure');
    expect(all).toContain('Culture measure');
    const kalle = await command(world, 'UCULT1', 'actions');
    expect(kalle).toContain('Culture measure');
    expect(kalle).not.toContain('Education measure');
    expect(await command(world, 'USTRANGER', 'actions')).toBe(
      "The action plan is shown to coordinators, and to departments' contacts for their own departments.",
    );
  });

  it('gives an item at most ten owners, so one form cannot message dozens of people', async () => {
    const world = createWorld();
    const kaisa = world.person('UCOORD');
    await kaisa.act({ kind: 'actionNew' });
    const owners = Array.from({ length: 40 }, (_, i) => `slack:U${1000 + i}`);
    const result = await kaisa.submit({ ...contractMeasure, owners });
    expect(result).toMatchObject({
      ok: false,
      errors: { owners: expect.stringContaining('at most 10 owners') },
    });
    expect(await allItems(world.store)).toEqual([]);
    expect(world.chat.messages.filter((m) => m.ref.address.id.startsWith('U1'))).toEqual([]);
  });
});
