import { describe, expect, it } from 'vitest';
import { createItems, getItem } from '../../src/action-plans/repository.ts';
import type { ActionItem } from '../../src/action-plans/item.ts';
import { updatePersonState } from '../../src/people/preferences.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { createFakeChat } from '../helpers/fake-chat.ts';
import { createReplica, runUntil } from '../helpers/runtime.ts';
import { cityConfig, parsedConfig } from '../helpers/world.ts';
import { drive } from '../helpers/drive.ts';

const config = parsedConfig(
  `${cityConfig}schedule: { reminders: '0 9 * * *', openCycle: '0 8 1 1 *', checkIns: '0 9 1 1 *' }\n`,
);

const item = (
  title: string,
  owners: string[],
  due: string,
  extra: Partial<ActionItem> = {},
): Omit<ActionItem, 'id'> => ({
  title,
  description: '',
  serves: [{ framework: 'integrating-cities', item: 'KF06' }],
  department: 'education',
  owners: owners.map((o) => `slack:${o}`),
  due,
  status: 'planned',
  notes: [],
  evidence: [],
  created: { by: 'slack:UCOORD', at: '2027-02-01T08:00:00Z' },
  history: [],
  ...extra,
});

describe('action-plan reminders over a month', () => {
  // A month of ticks on two replicas: slower than the other tests, most of all on a busy machine.
  it('remind each owner once a day with everything due, on working days only, then escalate once', async () => {
    const clock = fixedClock(new Date('2027-02-28T22:00:00Z'));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'reminders', clock });
    const chat = createFakeChat();
    // A1 is due on a Wednesday; A2 is overdue but snoozed, then moved; A3 is due on Good Friday; A4 is due the day after A3's reminders.
    await createItems(store, [
      item('Recruitment guidelines', ['UEDU1'], '2027-03-10'),
      item('Consultation body', ['UCULT1'], '2027-03-08', {
        department: 'culture',
        snoozedUntil: '2027-03-12',
      }),
      item('Staff training', ['UEDU1', 'UEDU2'], '2027-03-26'),
      item('Survey of migrant pupils', ['UEDU1'], '2027-03-31'),
    ]);
    await updatePersonState(store, 'slack:UCULT1', (s) => ({ ...s, awayUntil: '2027-03-05' }));
    await updatePersonState(store, 'slack:UEDU2', (s) => ({ ...s, awayUntil: '2027-03-28' }));
    const a = createReplica({ config, store, clock, chat });
    const b = createReplica({ config, store, clock, chat }); // a second replica: still once

    const sent: string[] = [];
    const send = chat.port.send;
    chat.port.send = async (to, view) => {
      const ref = await send(to, view);
      const ids = [...new Set([...chat.text(view).matchAll(/\b(A\d)\b ·/g)].map((m) => m[1]))].join(
        '+',
      );
      sent.push(`${clock.now().toISOString().slice(0, 10)} ${to.id} ${ids}`);
      return ref;
    };
    const tick = async () => {
      await a.runner.tick();
      await b.runner.tick();
    };

    await runUntil(clock, new Date('2027-03-12T10:00:00Z'), tick);
    // The owner of A2 moves its due date, with a reason, from the reminder.
    await drive(a).handleAction(
      { platform: 'slack', id: 'UCULT1' },
      { kind: 'actionMove', item: 'A2' },
    );
    expect(
      await drive(a).submitForm(
        { platform: 'slack', id: 'UCULT1' },
        { kind: 'actionMove', item: 'A2' },
        { due: '2027-03-31', reason: 'The council meets on 30 March.' },
      ),
    ).toEqual({ ok: true });
    await runUntil(clock, new Date('2027-03-17T12:00:00Z'), tick);
    // A1's owner finally marks it done, after it was escalated.
    expect(
      await drive(a).submitForm(
        { platform: 'slack', id: 'UEDU1' },
        { kind: 'actionDone', item: 'A1' },
        {},
      ),
    ).toEqual({ ok: true });
    await runUntil(clock, new Date('2027-03-31T20:00:00Z'), tick);

    const reminders = sent.filter(
      (line) => !line.includes('CCOORD') && /A\d/.test(line.split(' ')[2] ?? ''),
    );
    expect(reminders.sort()).toEqual([
      '2027-03-03 UEDU1 A1',
      '2027-03-09 UEDU1 A1',
      '2027-03-11 UEDU1 A1',
      '2027-03-12 UCULT1 A2',
      '2027-03-12 UEDU1 A1',
      '2027-03-15 UEDU1 A1',
      '2027-03-16 UEDU1 A1',
      '2027-03-17 UEDU1 A1',
      '2027-03-19 UEDU1 A3',
      '2027-03-24 UCULT1 A2',
      '2027-03-24 UEDU1 A4',
      '2027-03-25 UEDU1 A3',
      '2027-03-30 UCULT1 A2',
      '2027-03-30 UEDU1 A3+A4',
      '2027-03-30 UEDU2 A3',
      '2027-03-31 UEDU1 A3',
      '2027-03-31 UEDU2 A3',
    ]);
    expect(sent.filter((line) => line.includes('CCOORD'))).toEqual(['2027-03-17 CCOORD A1']);
    expect((await getItem(store, 'A1'))?.escalatedAt).toBe('2027-03-17T07:00:00.000Z');
    expect((await getItem(store, 'A2'))?.history.at(-1)).toMatchObject({
      field: 'due',
      from: '2027-03-08',
      to: '2027-03-31',
      reason: 'The council meets on 30 March.',
    });
    const escalation = chat.messages.find((m) => m.ref.address.id === 'CCOORD');
    expect(chat.text(escalation!.view)).toContain(
      '1 action item needs the coordinating body’s attention',
    );
    expect(chat.text(escalation!.view)).toContain(
      'A1 · Recruitment guidelines — due 10 March 2027, overdue by 7 days · Education · owners: Eeva Opettaja',
    );
  }, 60_000);

  it('escalate at once an item whose owner cannot be reached', async () => {
    const clock = fixedClock(new Date('2027-03-02T22:00:00Z'));
    const store = openStore({
      url: 'memory:',
      dataDir: '.',
      namespace: 'unreachable-owner',
      clock,
    });
    const chat = createFakeChat();
    chat.unreachable('UEDU2', 'user_not_found');
    await createItems(store, [item('Staff training', ['UEDU2'], '2027-03-10')]);
    const replica = createReplica({ config, store, clock, chat });
    await runUntil(clock, new Date('2027-03-03T08:00:00Z'), replica.runner.tick);
    const channel = chat.to('CCOORD').map((m) => chat.text(m.view));
    expect(channel).toHaveLength(1);
    expect(channel[0]).toContain('A1 · Staff training — due 10 March 2027, due in 7 days');
    expect(channel[0]).toContain('(Tasa cannot reach: Erkki Rehtori)');
    await runUntil(clock, new Date('2027-03-10T08:00:00Z'), replica.runner.tick);
    expect(chat.to('CCOORD')).toHaveLength(1);
  });
});
