import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { createWorld, type World } from '../helpers/world.ts';
import { say } from './say.ts';

const redis = process.env.TASA_TEST_REDIS_URL;
if (!redis) console.warn('Skipping the two-replica administration test: set TASA_TEST_REDIS_URL.');

/** A replica: its own core, connection and chat, sharing the organisation's Redis with the others. */
function replica(url: string, namespace: string): World {
  const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
  return createWorld({ store: openStore({ url, dataDir: '.', namespace, clock }) });
}

const asked = (world: World, id: string) =>
  world.chat.to(id).filter((m) => /open question/.test(world.chat.text(m.view)));

describe.skipIf(!redis)('administration on two replicas sharing Redis', () => {
  it('a contact replaced on one replica is asked by the other at its next check-in', async () => {
    const namespace = `admin-${randomUUID()}`;
    const a = replica(redis ?? '', namespace);
    const b = replica(redis ?? '', namespace);
    try {
      await a.core.fileEdited({ ok: true, config: a.config });
      await b.core.fileEdited({ ok: true, config: b.config });
      expect((await a.open({ name: '2027-Q1', dueDate: '2027-02-15' })).ok).toBe(true);
      // Replica B has read the configuration once, before the change.
      expect(b.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1']);

      await say(a.core, 'UCOORD', 'admin contact add culture <@UCULT2>');
      await say(a.core, 'UCOORD', 'admin contact remove culture <@UCULT1>');

      for (const world of [a, b]) world.clock.set(new Date('2027-01-11T07:00:30Z'));
      await b.core.runner.tick();
      expect(b.core.directory.contactsOf('culture')).toEqual(['slack:UCULT2']);
      expect(asked(b, 'UCULT2')).toHaveLength(1);
      expect(asked(b, 'UCULT1')).toHaveLength(0);
      // The newcomer answers on replica B; the removed contact is refused there.
      await b.person('UCULT2').click('Start');
      await b.person('UCULT2').click('Yes');
      const record = await getRecord(a.store, '2027-Q1', 'culture');
      expect(Object.values(record.answers).map((answer) => answer.by)).toEqual(['slack:UCULT2']);
      // The removed contact has nothing left to answer on replica B.
      await b.person('UCULT1').act({ kind: 'resume' });
      expect(b.person('UCULT1').lastText()).toContain('That is everything for cycle 2027-Q1.');
      // Replica B lists the changes replica A made.
      expect(await say(b.core, 'UCOORD', 'admin history')).toContain(
        'added UCULT2 as a contact of culture',
      );
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('two coordinators changing at once on two replicas both count', async () => {
    const namespace = `admin-${randomUUID()}`;
    const a = replica(redis ?? '', namespace);
    const b = replica(redis ?? '', namespace);
    try {
      await a.core.fileEdited({ ok: true, config: a.config });
      await Promise.all([
        say(a.core, 'UCOORD', 'admin contact add culture <@UCULT2>'),
        say(b.core, 'UCOORD', 'admin contact add education <@UEDU3>'),
      ]);
      await say(a.core, 'UCOORD', 'help');
      expect(a.core.directory.contactsOf('culture')).toContain('slack:UCULT2');
      expect(a.core.directory.contactsOf('education')).toContain('slack:UEDU3');
      expect(a.core.settings.revision()).toBe(3);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });
});
