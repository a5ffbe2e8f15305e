import { describe, expect, it } from 'vitest';
import type { Button, MessageView } from '../../src/chat/views.ts';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { myOpenQuestions } from '../../src/checkins/status.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { createWorld, type World } from '../helpers/world.ts';
import { say } from './say.ts';

async function openCycle(world: World) {
  await world.core.settings.load(world.config);
  expect((await world.open({ name: '2027-Q1', dueDate: '2027-02-15' })).ok).toBe(true);
}

/** The next Monday's scheduled check-ins (9:00 in Helsinki). */
async function nextCheckIns(world: World) {
  world.clock.set(new Date('2027-01-11T07:00:30Z'));
  await world.core.runner.tick();
}

const asked = (world: World, id: string) =>
  world.chat.to(id).filter((m) => /open question/.test(world.chat.text(m.view)));

async function homeOf(world: World, id: string): Promise<MessageView> {
  const outcome = await world.inbound.receive({
    kind: 'homeOpened',
    actor: { platform: 'slack', id },
  });
  if (outcome.kind !== 'home') throw new Error(`no home: ${outcome.kind}`);
  return outcome.view;
}

const buttonsOf = (view: MessageView): Button[] =>
  view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));

describe('a contact replaced', () => {
  it('by command: the new contact is asked the department’s open questions at the next check-in', async () => {
    const world = createWorld();
    await openCycle(world);
    await say(world.core, 'UCOORD', 'admin contact add culture <@UCULT2>');
    const reply = await say(world.core, 'UCOORD', 'admin contact remove culture <@UCULT1>');
    expect(reply).toContain('open questions are asked of its other contacts');

    await nextCheckIns(world);
    expect(asked(world, 'UCULT2')).toHaveLength(1);
    expect(asked(world, 'UCULT1')).toHaveLength(0);
    const newcomer = world.person('UCULT2');
    await newcomer.click('Start');
    await newcomer.click('Yes');
    const record = await getRecord(world.store, '2027-Q1', 'culture');
    expect(Object.values(record.answers).map((a) => a.by)).toEqual(['slack:UCULT2']);
  });

  it('gives a key factor handed over to a removed contact back to the department', async () => {
    const world = createWorld();
    await openCycle(world);
    expect(await world.engine.deliverCheckIn('slack:UEDU1', '2027-Q1', '2027-01-04')).toBe('sent');
    const eeva = world.person('UEDU1');
    await eeva.click('Hand over…');
    expect(await eeva.submit({ colleague: 'UEDU2' })).toEqual({ ok: true });
    const cycle = (await getCycle(world.store, '2027-Q1'))!;
    const before = await myOpenQuestions(world.store, world.core.directory, cycle, 'slack:UEDU1');
    expect(before.map((w) => w.keyFactor)).toEqual(['KF06']);

    const reply = await say(world.core, 'UCOORD', 'admin contact remove education <@UEDU2>');
    expect(reply).toContain(
      'The key factors handed over to Erkki Rehtori (KF01) went back to the department’s contacts.',
    );
    expect((await getRecord(world.store, '2027-Q1', 'education')).handOvers).toEqual({});
    const after = await myOpenQuestions(world.store, world.core.directory, cycle, 'slack:UEDU1');
    expect(after.map((w) => w.keyFactor)).toEqual(['KF01', 'KF06']);
  });

  it('in App Home: a coordinator adds a contact with the people picker and removes one', async () => {
    const world = createWorld();
    await openCycle(world);
    expect(buttonsOf(await homeOf(world, 'UCULT1')).map((b) => b.label)).not.toContain(
      'Add a contact: Culture',
    );
    const home = await homeOf(world, 'UCOORD');
    expect(world.chat.text(home)).toContain('Culture (culture): Kalle Kulttuuri');
    const coordinator = world.person('UCOORD');
    const add = buttonsOf(home).find((b) => b.label === 'Add a contact: Culture')!;
    await coordinator.act(add.action);
    const opened = world.chat.forms.at(-1)!.form;
    expect(opened.fields).toEqual([{ id: 'people', type: 'people', label: 'People' }]);
    expect(await coordinator.submit({ people: [] })).toEqual({
      ok: false,
      errors: { people: 'Pick at least one person.' },
    });
    expect(await coordinator.submit({ people: ['UCULT2'] })).toEqual({ ok: true });
    expect(coordinator.lastText()).toContain('UCULT2 is now a contact of Culture.');

    const remove = buttonsOf(await homeOf(world, 'UCOORD')).find(
      (b) => b.label === 'Remove a contact: Culture',
    )!;
    await coordinator.act(remove.action);
    expect(await coordinator.submit({ contacts: ['slack:UCULT1'] })).toEqual({ ok: true });
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT2']);

    await nextCheckIns(world);
    expect(asked(world, 'UCULT2')).toHaveLength(1);
    expect(asked(world, 'UCULT1')).toHaveLength(0);
  });

  it('refuses the forms to anyone who is not a coordinator, even with a forged button', async () => {
    const world = createWorld();
    await openCycle(world);
    const kalle = world.person('UCULT1');
    await kalle.act({ kind: 'adminContactAdd', department: 'culture' });
    expect(world.chat.forms).toHaveLength(0);
    expect(kalle.lastText()).toBe(
      'Only coordinators change departments, contacts and coordinators.',
    );
    const outcome = await world.inbound.receive({
      kind: 'form',
      actor: kalle.actor,
      about: { kind: 'adminContactAdd', department: 'culture' },
      values: { people: ['UCULT9'] },
    });
    expect(outcome.kind).toBe('formErrors');
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1']);
  });
});

describe('a key factor that went back to the department', () => {
  it('is handed on to a remaining contact from the reply’s buttons, once', async () => {
    const world = createWorld();
    await openCycle(world);
    expect(await world.engine.deliverCheckIn('slack:UEDU1', '2027-Q1', '2027-01-04')).toBe('sent');
    const eeva = world.person('UEDU1');
    await eeva.click('Hand over…');
    expect(await eeva.submit({ colleague: 'UEDU2' })).toEqual({ ok: true });

    const reply = await world.inbound.receive({
      kind: 'command',
      actor: { platform: 'slack', id: 'UCOORD' },
      text: 'admin contact remove education <@UEDU2>',
      delivery: 'remove-1',
    });
    if (reply.kind !== 'reply') throw new Error(reply.kind);
    expect(reply.message.text).toContain(
      'Or hand a key factor on to one of the department’s contacts now:',
    );
    const handOn = buttonsOf(reply.message);
    // Only the department's contacts now: Erkki is gone.
    expect(handOn.map((b) => b.label)).toEqual(['KF01 to Eeva Opettaja']);

    const coordinator = world.person('UCOORD');
    await coordinator.act(handOn[0]!.action);
    await coordinator.act(handOn[0]!.action);
    expect(coordinator.lastText()).toBe('KF01 of Education is already with Eeva Opettaja.');
    expect(world.chat.to('UCOORD').map((m) => world.chat.text(m.view))).toContainEqual(
      'KF01 of Education is now with Eeva Opettaja, who is asked it at the next check-in.',
    );
    expect((await getRecord(world.store, '2027-Q1', 'education')).handOvers).toMatchObject({
      KF01: { to: 'slack:UEDU1', by: 'slack:UCOORD' },
    });
    // A forged button naming someone who is not a contact hands nothing.
    await coordinator.act({
      ...handOn[0]!.action,
      person: 'slack:UEDU2',
    } as (typeof handOn)[0]['action']);
    expect(coordinator.lastText()).toBe(
      'The person on that button is no longer a contact of Education; nothing was handed on.',
    );
  });
});
