import { describe, expect, it } from 'vitest';
import { updatePersonState } from '../../src/people/preferences.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { createFakeChat } from '../helpers/fake-chat.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { createReplica, runUntil } from '../helpers/runtime.ts';
import { cityConfig, parsedConfig } from '../helpers/world.ts';
import { drive } from '../helpers/drive.ts';

/** Daily check-ins at 9:00, so the calendar (not the cron) must keep weekends and holidays free. */
const dailyConfig = (extra = '') =>
  parsedConfig(
    `${cityConfig}schedule: { checkIns: '0 9 * * *', openCycle: '0 8 1 1 *', rollup: '0 14 1 1 *', digest: '0 8 1 1 *' }\n${extra}`,
  );

function setup(start: string, config = dailyConfig()) {
  const clock = fixedClock(new Date(start));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'jobs', clock });
  const chat = createFakeChat();
  const { catalogue } = i18nFor('en');
  const open = (name: string, dueDate: string) =>
    openCycle(
      { store, clock, config, catalogue, localDate: (d) => d.toISOString().slice(0, 10) },
      { name, dueDate, by: 'slack:UCOORD' },
    );
  return { clock, store, chat, config, open };
}

/** When each person was prompted: 'UEDU1 2027-01-04T07:00Z'. */
const prompts = (chat: ReturnType<typeof createFakeChat>, sentAt: Map<string, string>) =>
  chat.messages
    .filter((m) => sentAt.has(m.ref.id))
    .map((m) => `${m.ref.address.id} ${sentAt.get(m.ref.id)}`);

/** Records the clock time of every send. */
function timestamps(chat: ReturnType<typeof createFakeChat>, clock: { now(): Date }) {
  const sentAt = new Map<string, string>();
  const send = chat.port.send;
  chat.port.send = async (to, view) => {
    const ref = await send(to, view);
    if (view.text.includes('open question'))
      sentAt.set(ref.id, clock.now().toISOString().slice(0, 16) + 'Z');
    return ref;
  };
  return sentAt;
}

describe('scheduled check-ins', () => {
  it('ask on working days at 9:00 Helsinki time, never on a weekend or a Finnish public holiday', async () => {
    // Monday 4 January 2027; Wednesday the 6th is Epiphany.
    const { clock, store, chat, config, open } = setup('2027-01-03T22:00:00Z');
    await open('2027-Q1', '2027-02-15');
    const sentAt = timestamps(chat, clock);
    const replica = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-10T22:00:00Z'), replica.runner.tick);

    const days = ['2027-01-04', '2027-01-05', '2027-01-07', '2027-01-08'];
    expect(prompts(chat, sentAt).sort()).toEqual(
      ['UCULT1', 'UEDU1', 'UEDU2'].flatMap((id) => days.map((day) => `${id} ${day}T07:00Z`)).sort(),
    );
    expect(
      replica.logger.lines.some(
        (l) =>
          l.message === 'no check-ins on a day off' &&
          (l.fields as { holiday?: string }).holiday === 'loppiainen',
      ),
    ).toBe(true);
  });

  it('keep to local 9:00 across both daylight-saving changes, skipping Easter', async () => {
    const { clock, store, chat, config, open } = setup('2027-03-21T22:00:00Z');
    await open('2027-Q1', '2027-04-30');
    const sentAt = timestamps(chat, clock);
    const replica = createReplica({ config, store, clock, chat });
    // Spring: Good Friday 26 March, DST on Sunday 28 March, Easter Monday 29 March.
    await runUntil(clock, new Date('2027-03-31T21:00:00Z'), replica.runner.tick);
    const spring = prompts(chat, sentAt).filter((p) => p.startsWith('UEDU1'));
    expect(spring).toEqual([
      'UEDU1 2027-03-22T07:00Z',
      'UEDU1 2027-03-23T07:00Z',
      'UEDU1 2027-03-24T07:00Z',
      'UEDU1 2027-03-25T07:00Z',
      'UEDU1 2027-03-30T06:00Z',
      'UEDU1 2027-03-31T06:00Z',
    ]);
  });

  it('keep to local 9:00 when the clocks go back in October', async () => {
    const { clock, store, chat, config, open } = setup('2027-10-27T21:00:00Z');
    await open('2027-Q4', '2027-12-15');
    const sentAt = timestamps(chat, clock);
    const replica = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-11-02T22:00:00Z'), replica.runner.tick);
    expect(prompts(chat, sentAt).filter((p) => p.startsWith('UEDU1'))).toEqual([
      'UEDU1 2027-10-28T06:00Z',
      'UEDU1 2027-10-29T06:00Z',
      'UEDU1 2027-11-01T07:00Z',
      'UEDU1 2027-11-02T07:00Z',
    ]);
  });

  it('leave alone whoever is away, snoozed or already asked today', async () => {
    const config = parsedConfig(
      `${cityConfig}schedule: { checkIns: '0 9,15 * * *', openCycle: '0 8 1 1 *' }\n`,
    );
    const { clock, store, chat, open } = setup('2027-01-03T22:00:00Z', config);
    await open('2027-Q1', '2027-02-15');
    await updatePersonState(store, 'slack:UEDU2', (s) => ({ ...s, awayUntil: '2027-01-07' }));
    await updatePersonState(store, 'slack:UCULT1', (s) => ({ ...s, snoozedUntil: '2027-01-08' }));
    const sentAt = timestamps(chat, clock);
    const replica = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-08T22:00:00Z'), replica.runner.tick);
    expect(prompts(chat, sentAt).sort()).toEqual([
      'UCULT1 2027-01-08T07:00Z',
      'UEDU1 2027-01-04T07:00Z',
      'UEDU1 2027-01-05T07:00Z',
      'UEDU1 2027-01-07T07:00Z',
      'UEDU1 2027-01-08T07:00Z',
      'UEDU2 2027-01-08T07:00Z',
    ]);
  });

  it('stop asking a department that has answered everything', async () => {
    const { clock, store, chat, config, open } = setup('2027-01-03T22:00:00Z');
    await open('2027-Q1', '2027-02-15');
    const replica = createReplica({ config, store, clock, chat });
    await drive(replica).submitForm(
      { platform: 'slack', id: 'UCULT1' },
      { kind: 'skip', cycle: '2027-Q1', department: 'culture', keyFactor: 'KF04' },
      { reason: 'Covered city-wide.' },
    );
    const sentAt = timestamps(chat, clock);
    await runUntil(clock, new Date('2027-01-05T22:00:00Z'), replica.runner.tick);
    expect(prompts(chat, sentAt).filter((p) => p.startsWith('UCULT1'))).toEqual([]);
    expect(prompts(chat, sentAt).filter((p) => p.startsWith('UEDU1'))).toHaveLength(2);
  });

  it('send each prompt exactly once with two replicas on one store', async () => {
    const { clock, store, chat, config, open } = setup('2027-01-03T22:00:00Z');
    await open('2027-Q1', '2027-02-15');
    const sentAt = timestamps(chat, clock);
    const a = createReplica({ config, store, clock, chat });
    const b = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-08T22:00:00Z'), a.runner.tick, b.runner.tick);
    const sent = prompts(chat, sentAt);
    expect(sent).toHaveLength(3 * 4);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('open the quarter’s cycle on schedule and ask everyone at once', async () => {
    const config = parsedConfig(
      `${cityConfig}schedule: { checkIns: '0 9 * * 1', openCycle: '0 8 4 1 *' }\n`,
    );
    const { clock, store, chat } = setup('2027-01-04T05:00:00Z', config);
    const replica = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-04T06:30:00Z'), replica.runner.tick);
    expect(chat.to('UEDU1')).toHaveLength(1);
    expect(chat.text(chat.to('UEDU1')[0]!.view)).toContain(
      'You have 11 open questions in cycle 2027-Q1, due 15 February 2027.',
    );
    // The Monday check-in at 9:00 does not ask again the same day.
    await runUntil(clock, new Date('2027-01-04T10:00:00Z'), replica.runner.tick);
    expect(chat.to('UEDU1')).toHaveLength(1);
  });
});

describe('unreachable contacts', () => {
  it('are recorded, told to the coordinators once, listed in status, and not retried forever', async () => {
    const { clock, store, chat, config, open } = setup('2027-01-03T22:00:00Z');
    await open('2027-Q1', '2027-02-15');
    chat.unreachable('UEDU2', 'BotNotInConversationRoster');
    const replica = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-05T22:00:00Z'), replica.runner.tick);

    const coordinator = chat.to('UCOORD').map((m) => chat.text(m.view));
    expect(coordinator).toEqual([
      'Tasa cannot reach Erkki Rehtori (BotNotInConversationRoster). Ask them to install Tasa (in Teams: Apps → Built for your org → Tasa → Add) or to write to it once; until then they are not asked anything. “status” lists everyone not reachable.',
    ]);
    expect(await replica.outbox.backlog()).toBe(0);
    const { runCommand } = await import('../../src/commands/run.ts');
    const { createCore } = await import('../../src/core.ts');
    const { i18n, catalogue } = i18nFor('en');
    const core = createCore({
      config,
      store,
      clock,
      logger: replica.logger,
      i18n,
      catalogue,
      platforms: ['slack'],
      port: chat.port,
      sleep: async () => undefined,
    });
    const status = await runCommand(
      core,
      { store, clock, config, catalogue, localDate: core.calendar.localDate },
      { platform: 'slack', id: 'UCOORD' },
      'status',
    );
    expect(status.text).toContain('Not reachable: Erkki Rehtori (BotNotInConversationRoster)');
  });
});

describe('the outbox', () => {
  it('resumes a fan-out to 300 departments after a crash, with no duplicate and no gap', async () => {
    const departments = Array.from(
      { length: 300 },
      (_, i) =>
        `  - { id: d${i}, name: Department ${i}, contacts: [ { slack: UD${i} } ], keyFactors: [KF01] }`,
    ).join('\n');
    const config =
      parsedConfig(`organization: { name: Big City, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities]
coordinators: [ { slack: UCOORD } ]
channels: { coordination: { slack: CCOORD } }
departments:
${departments}
schedule: { checkIns: '0 9 * * 1-5', openCycle: '0 8 1 1 *', rollup: '0 14 1 1 *', digest: '0 8 1 1 *' }
`);
    const { clock, store, chat, open } = setup('2027-01-04T06:55:00Z', config);
    await open('2027-Q1', '2027-02-15');
    chat.failAfter(120);
    const first = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-04T07:00:00Z'), first.runner.tick);
    expect(chat.sendCount).toBe(120);
    expect(await first.outbox.backlog()).toBe(180);

    // The process "restarts": a new replica on the same store, the platform answers again.
    chat.recover();
    const restarted = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-04T07:01:00Z'), restarted.runner.tick);
    const recipients = chat.messages.map((m) => m.ref.address.id);
    expect(recipients).toHaveLength(300);
    expect(new Set(recipients).size).toBe(300);
    expect(await restarted.outbox.backlog()).toBe(0);
  });

  it('waits as long as the platform asks when it rate-limits, and sends once', async () => {
    const { clock, store, chat, config, open } = setup('2027-01-04T06:59:00Z');
    await open('2027-Q1', '2027-02-15');
    chat.rateLimit(1_500, 3_000);
    const replica = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-01-04T07:00:00Z'), replica.runner.tick);
    expect(chat.messages.map((m) => m.ref.address.id).sort()).toEqual(['UCULT1', 'UEDU1', 'UEDU2']);
    const retryWaits = replica.waits.filter((ms) => ms >= 1_500);
    expect(retryWaits).toHaveLength(2);
    expect(retryWaits[0]).toBeGreaterThanOrEqual(1_500);
    expect(retryWaits[1]).toBeGreaterThanOrEqual(3_000);
  });
});
