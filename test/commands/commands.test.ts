import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.ts';
import { createCore } from '../../src/core.ts';
import { parseDate } from '../../src/shared/dates.ts';
import { personState } from '../../src/people/preferences.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { createFakeChat } from '../helpers/fake-chat.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { parsedConfig } from '../helpers/world.ts';
import { drive } from '../helpers/drive.ts';

function setup(now = '2027-01-04T08:00:00Z') {
  const config = parsedConfig();
  const clock = fixedClock(new Date(now));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'commands', clock });
  const chat = createFakeChat();
  const { i18n, catalogue } = i18nFor('en');
  const core = createCore({
    config,
    store,
    clock,
    logger: memoryLogger(),
    i18n,
    catalogue,
    platforms: ['slack'],
    port: chat.port,
    sleep: async () => undefined,
  });
  const deps = { store, clock, config, catalogue, localDate: core.calendar.localDate };
  const run = async (user: string, text: string) =>
    (await runCommand(core, deps, { platform: 'slack', id: user }, text)).text;
  return { core, chat, store, clock, run };
}

describe('commands', () => {
  it('start and close a cycle, refusing a second open one', async () => {
    const { run, chat } = setup();
    expect(await run('UCOORD', 'cycle start 2027-Q1 2027-02-15')).toBe(
      'Cycle 2027-Q1 is open, due 15 February 2027. I asked 3 contacts just now.',
    );
    expect(chat.messages.map((m) => m.ref.address.id).sort()).toEqual(['UCULT1', 'UEDU1', 'UEDU2']);
    expect(await run('UCOORD', 'cycle start 2027-Q2')).toContain(
      'Cycle 2027-Q1 is still open. Close it first with “cycle close”.',
    );
    expect(await run('UCOORD', 'cycle close')).toContain('Cycle 2027-Q1 is closed.');
    expect(await run('UCOORD', 'cycle close')).toContain('There is no open cycle.');
    expect(await run('UCOORD', 'cycle start 2027-Q2 31.1.2026')).toContain(
      'The due date 2026-01-31 is not a valid date in the future.',
    );
  });

  it('report status overall, per department and per key factor', async () => {
    const { run, core } = setup();
    await run('UCOORD', 'cycle start 2027-Q1 2027-02-15');
    const actor = { platform: 'slack' as const, id: 'UEDU1' };
    await drive(core).handleAction(actor, {
      kind: 'start',
      cycle: '2027-Q1',
      department: 'education',
      keyFactor: 'KF01',
    });
    await drive(core).handleAction(actor, {
      kind: 'answer',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q1',
      status: 'yes',
      revision: 0,
    });
    await drive(core).submitForm(
      { platform: 'slack', id: 'UCULT1' },
      { kind: 'skip', cycle: '2027-Q1', department: 'culture', keyFactor: 'KF04' },
      { reason: 'Covered city-wide.' },
    );

    const status = await run('UCOORD', 'status');
    expect(status).toContain(
      'ECCAR: no action item in progress or done under ECCAR01 Greater vigilance against racism. ' +
        'The city chooses its priorities, but must carry out at least one measure under every commitment as soon as possible.',
    );
    expect(status.split('\n').slice(0, 3).join('\n')).toBe(
      [
        'Cycle 2027-Q1 (due 15 February 2027): 1/11 answered, 9 %',
        'Education: Answered 1/11 (9 %) · Rated 0/2 · Score 100',
        'Culture: Answered 0/0 (100 %) · Skipped 1 · Rated 0/1',
      ].join('\n'),
    );
    expect(await run('UCOORD', 'status culture')).toContain(
      'Skipped: 4. Consultation with migrants',
    );
    expect(await run('UCOORD', 'status KF01')).toContain(
      '1. Public commitment: 1/4 answered (25 %)\nYes 1',
    );
    expect(await run('UCOORD', 'status KF99')).toContain(
      '“KF99” is neither a department nor a key factor',
    );
  });

  it('set a person away and back, and their language', async () => {
    const { run, store } = setup();
    expect(await run('UEDU1', 'away until 2027-01-20')).toBe(
      'You are away until 20 January 2027: I will not ask you anything until then.',
    );
    expect((await personState(store, 'slack:UEDU1')).awayUntil).toBe('2027-01-20');
    expect(await run('UEDU1', 'away until 2026-12-01')).toContain(
      '2026-12-01 is already in the past.',
    );
    expect(await run('UEDU1', 'back')).toBe('Welcome back! I will ask you again from now on.');
    expect((await personState(store, 'slack:UEDU1')).awayUntil).toBeUndefined();
    expect(await run('UEDU1', 'lang sv')).toMatch(/svenska/);
    expect(await run('UEDU1', 'my')).toContain('bedömningsomgång');
    expect(await run('UEDU1', 'lang de')).toContain('”de” är inget språk');
  });

  it('remind a department now, even someone asked earlier today, but not someone away', async () => {
    const { run, chat } = setup();
    await run('UCOORD', 'cycle start 2027-Q1 2027-02-15');
    await run('UEDU2', 'away until 2027-01-10');
    expect(await run('UCOORD', 'remind education')).toBe('I reminded 1 person just now.');
    expect(chat.to('UEDU1')).toHaveLength(2);
    expect(chat.to('UEDU2')).toHaveLength(1);
    expect(chat.to('UCULT1')).toHaveLength(1);
    expect(await run('UCOORD', 'remind everyone')).toContain(
      '“everyone” is not a department of this cycle.',
    );
    expect(await run('UCOORD', 'remind all')).toBe('I reminded 2 people just now.');
  });

  it('show my open questions with a way to continue', async () => {
    const { run, core } = setup();
    await run('UCOORD', 'cycle start 2027-Q1 2027-02-15');
    const reply = await runCommand(
      core,
      { ...core.engine.context, localDate: core.calendar.localDate },
      { platform: 'slack', id: 'UEDU1' },
      'my',
    );
    expect(reply.text).toContain('Your open questions in cycle 2027-Q1 (due 15 February 2027)');
    expect(reply.text).toContain('1. Public commitment (Education): 4 questions open');
    expect(
      reply.blocks.some((b) => b.type === 'actions' && b.buttons[0]?.action.kind === 'resume'),
    ).toBe(true);
  });

  it('read dates as people write them', () => {
    expect(parseDate('2027-03-31', '2027-01-04')).toBe('2027-03-31');
    expect(parseDate('31.3.2027', '2027-01-04')).toBe('2027-03-31');
    expect(parseDate('31.3.', '2027-01-04')).toBe('2027-03-31');
    expect(parseDate('31.2.2027', '2027-01-04')).toBeUndefined();
    expect(parseDate('tomorrow', '2027-01-04')).toBeUndefined();
  });
});
