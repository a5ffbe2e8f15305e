import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/chat/views.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { createWorld, type World } from '../helpers/world.ts';
import { say } from './say.ts';

async function reply(world: World, text: string): Promise<MessageView> {
  const outcome = await world.inbound.receive({
    kind: 'command',
    actor: { platform: 'slack', id: 'UCOORD' },
    text,
    delivery: randomUUID(),
  });
  if (outcome.kind !== 'reply') throw new Error(outcome.kind);
  return outcome.message;
}

const scopeOf = async (world: World) =>
  Object.fromEntries(
    (await getCycle(world.store, '2027-Q1'))!.departments.map((d) => [d.id, d.keyFactors]),
  );

describe('the open cycle’s frozen scope', () => {
  it('changes only when the coordinator adds a department to it with the follow-up button', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    const added = await reply(world, 'admin department add social Social services <@USOC1>');
    expect(added.text).toContain('Add it to the open cycle 2027-Q1 too?');
    expect(Object.keys(await scopeOf(world))).toEqual(['education', 'culture']);

    const button = added.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0];
    expect(button?.label).toBe('Add to the open cycle');
    await world.person('UCOORD').act(button!.action);
    expect(world.person('UCOORD').lastText()).toMatch(
      /^Social services is now asked in the open cycle 2027-Q1: KF01, KF02, .*KF11\.$/,
    );
    expect((await scopeOf(world)).social).toHaveLength(11);
    // Pressed again (an old copy of the reply): nothing more to add.
    await world.person('UCOORD').act(button!.action);
    expect(world.person('UCOORD').lastText()).toContain('already asks everything');
    expect(await say(world.core, 'UCOORD', 'admin history')).toContain(
      'added social to the open cycle 2027-Q1',
    );
  });

  it('widens a department’s key factors in the open cycle at once with --to-open-cycle', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    expect(await say(world.core, 'UCOORD', 'admin keyfactors culture KF04,KF05')).toContain(
      'Add it to the open cycle 2027-Q1 too?',
    );
    expect((await scopeOf(world)).culture).toEqual(['KF04']);
    const text = await say(
      world.core,
      'UCOORD',
      'admin keyfactors culture KF04,KF05,KF07 --to-open-cycle',
    );
    expect(text).toContain('Culture is now asked in the open cycle 2027-Q1: KF05, KF07.');
    expect((await scopeOf(world)).culture).toEqual(['KF04', 'KF05', 'KF07']);
    // Narrowing never takes anything out of the open cycle.
    expect(await say(world.core, 'UCOORD', 'admin keyfactors culture KF04')).not.toContain(
      'open cycle',
    );
    expect((await scopeOf(world)).culture).toEqual(['KF04', 'KF05', 'KF07']);
  });

  it('keeps asking a retired department in the open cycle, and not in the next', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    expect(await say(world.core, 'UCOORD', 'admin department retire culture')).toContain(
      'The open cycle 2027-Q1 still asks it until the cycle closes.',
    );
    await world.close();
    const next = await world.core.inbound.receive({
      kind: 'command',
      actor: { platform: 'slack', id: 'UCOORD' },
      text: 'cycle start 2027-Q2 2027-05-15',
    });
    expect(next.kind).toBe('reply');
    const cycle = await getCycle(world.store, '2027-Q2');
    expect(cycle?.departments.map((d) => d.id)).toEqual(['education']);
  });
});
