import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { createItems } from '../../src/action-plans/repository.ts';
import type { Action } from '../../src/chat/actions.ts';
import { getRecord } from '../../src/checkins/record-repository.ts';
import {
  cityYaml,
  duplicates,
  freshNamespace,
  identity,
  openQuarter,
  openShared,
  type Service,
} from './city.ts';
import { startCollector, type Collector } from './collector.ts';
import { MINUTE, startFleet, stopAll, type Replica } from './fleet.ts';
import { startProxy } from './proxy.ts';

const tryAgainShortly = (
  JSON.parse(readFileSync(new URL('../../locales/en/checkins.json', import.meta.url), 'utf8')) as {
    errors: { tryAgainShortly: string };
  }
).errors.tryAgainShortly;

const departments = 120;
const outageMs = 30_000;
/** Tuesday 9 March 2027, 9:00 in Helsinki: the check-in fans out. */
const nine = new Date('2027-03-09T07:00:00Z');
const at = (minute: number) => new Date(nine.getTime() + minute * MINUTE);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reminders at 9:05, not 9:00: a slot that falls due while the store is
 * unreachable must still run, once, when it is back.
 */
const schedule = `schedule: { openCycle: '0 7 * * 1', checkIns: '0 9 * * 1-5', reminders: '5 9 * * 1-5', rollup: '0 14 * * 5', digest: '0 8 * * 1' }`;

/** Whether a promise settles within `ms`; it is left running either way. */
const within = (promise: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([promise.then(() => true), pause(ms).then(() => false)]);

/** The newest answer button for a person: what they would press next. */
function answerButton(collector: Collector, person: string): Extract<Action, { kind: 'answer' }> {
  for (const message of collector.messages.filter((m) => m.to.id === person).reverse()) {
    const button = message.buttons.find((b) => b.action.kind === 'answer');
    if (button?.action.kind === 'answer') return button.action;
  }
  throw new Error(`${person} has no answer button`);
}

/**
 * Drives the replicas' clocks a minute at a time. Like the runner's own
 * timer, it never starts a replica's tick while its previous one runs: a
 * tick stuck on the store makes that replica skip minutes, then catch up.
 */
function driver(replicas: readonly Replica[]) {
  let minute = -1;
  const busy = new Map<Replica, Promise<void>>();
  const tickIdle = () => {
    for (const replica of replicas) {
      if (busy.has(replica) || replica.death()) continue;
      const running = replica
        .tick(at(minute))
        .catch(() => undefined)
        .finally(() => busy.delete(replica));
      busy.set(replica, running);
    }
  };
  return {
    get now() {
      return at(minute);
    },
    advance() {
      minute++;
      tickIdle();
    },
    settled: () => Promise.all(busy.values()),
  };
}

/** The store unreachable for the replicas for 30 s, in the middle of a fan-out. */
export function outageTests(service: Service): void {
  describe('the store unreachable for 30 s', () => {
    // On Redis a claim the store could not release lapses after 20 s of real time.
    const catchUpMs = 60_000;

    it('mid fan-out: the bot answers “try again shortly”, nothing crashes, no acknowledged answer is lost, everything planned is sent once after', async ({
      expect,
    }) => {
      const namespace = freshNamespace(`${service.name.toLowerCase()}-outage`);
      const yaml = cityYaml(departments, ['A'], schedule);
      const shared = openShared(service.url!, namespace, nine);
      await openQuarter(shared.store, yaml);
      await createItems(shared.store, [
        {
          title: 'Recruitment guidelines',
          description: '',
          serves: [{ framework: 'integrating-cities', item: 'KF01' }],
          department: 'd2',
          owners: ['slack:UD2A'],
          due: '2027-03-05',
          status: 'planned',
          notes: [],
          evidence: [],
          created: { by: 'slack:UCOORD', at: '2027-02-01T08:00:00Z' },
          history: [],
        },
      ]);
      // Only the replicas go through the proxy; the test reads the store directly.
      const proxy = await startProxy(service.url!);
      let checkIns = 0;
      let cutAt = 0;
      const collector = await startCollector({
        delayMs: () => 10 + Math.random() * 10,
        onMessage: (message) => {
          if (identity(message).startsWith('checkIn') && ++checkIns === 30) {
            proxy.cut();
            cutAt = Date.now();
          }
        },
      });
      const replicas = await startFleet(
        2,
        {
          storeUrl: proxy.url,
          namespace,
          config: yaml,
          collector: collector.url,
          start: at(-10).toISOString(),
        },
        `${service.name.toLowerCase()}-outage-`,
      );
      const clock = driver(replicas);
      try {
        // Before: UD0A answers the first question (saved, and the next one is sent); UD1A starts.
        const d0 = { cycle: '2027-Q1', department: 'd0', keyFactor: 'KF01' } as const;
        await replicas[0]!.action(at(-10), 'slack:UD0A', { kind: 'start', ...d0 }, 'start-UD0A');
        const acknowledged = answerButton(collector, 'UD0A');
        const saved = await replicas[0]!.action(at(-10), 'slack:UD0A', acknowledged, 'answer-UD0A');
        expect(saved.error).toBeUndefined();
        expect(answerButton(collector, 'UD0A').question).not.toBe(acknowledged.question);
        await replicas[1]!.action(
          at(-9),
          'slack:UD1A',
          { kind: 'start', ...d0, department: 'd1' },
          'start-UD1A',
        );

        // 9:00: the fan-out; the proxy is cut as its 30th message arrives.
        clock.advance();
        await clock.settled();
        clock.advance();
        while (!cutAt) await pause(10);
        const atPlatform = replicas.map((r) =>
          collector.messages
            .filter((m) => m.replica === r.name && identity(m).startsWith('checkIn'))
            .at(-1),
        );

        // During the outage, both replicas live on, and UD1A's answer gets a clear reply at once.
        await pause(1_000);
        expect(replicas.map((r) => r.death()).filter(Boolean), 'replicas that died').toEqual([]);
        const duringOutage = answerButton(collector, 'UD1A');
        const pressedAt = Date.now();
        let tookMs = 0;
        const pressed = replicas[1]!
          .action(clock.now, 'slack:UD1A', duringOutage, 'answer-UD1A')
          .finally(() => (tookMs = Date.now() - pressedAt));
        const answeredInTime = await within(pressed, 5_000);
        expect.soft(answeredInTime, 'the answer was handled within 5 s').toBe(true);
        if (answeredInTime) {
          expect.soft((await pressed).error, 'an error escaped the engine').toBeUndefined();
          const told = collector.messages.filter(
            (m) => m.to.id === 'UD1A' && m.body.includes(tryAgainShortly),
          );
          expect.soft(told, `UD1A was told “${tryAgainShortly}”`).toHaveLength(1);
        }

        // The schedule runs on through the outage, a minute every 2 s: 9:05's reminders fall in it.
        while (Date.now() < cutAt + outageMs) {
          clock.advance();
          await pause(2_000);
        }
        proxy.restore();
        const reply = await pressed;
        console.info(
          `[outage ${service.name}] the answer during the outage took ${tookMs} ms: ${reply.error ? `error “${reply.error}”` : 'no error'}`,
        );
        expect(replicas.map((r) => r.death()).filter(Boolean), 'replicas that died').toEqual([]);

        // After: minutes go on until everything planned is out.
        const deadline = Date.now() + catchUpMs;
        const reminded = () => collector.messages.filter((m) => identity(m).startsWith('reminder'));
        while (
          ((await shared.outbox.backlog()) > 0 || reminded().length === 0) &&
          Date.now() < deadline
        ) {
          clock.advance();
          await pause(1_000);
        }
        await clock.settled();
        console.info(
          `[outage ${service.name}] caught up ${Math.round((Date.now() - cutAt - outageMs) / 1000)} s after the store came back`,
        );
        expect(await shared.outbox.backlog(), 'still in the outbox').toBe(0);
        const prompts = collector.messages.filter((m) => identity(m).startsWith('checkIn'));
        expect(new Set(prompts.map((m) => m.to.id)).size, 'departments asked').toBe(departments);
        // A message the platform had when the store went away cannot be marked sent: see the report.
        const twice = duplicates(prompts.map(identity));
        const inFlight = atPlatform.flatMap((m) => (m ? [identity(m)] : []));
        console.info(
          `[outage ${service.name}] at the platform when the store went away: ${inFlight.join(', ')}; sent twice: ${Object.keys(twice).join(', ') || 'nothing'}`,
        );
        expect(
          Object.keys(twice).filter((key) => !inFlight.includes(key)),
          'sent twice',
        ).toEqual([]);
        expect
          .soft(reminded().map(identity), 'the 9:05 reminders')
          .toEqual(['reminder UD2A 2027-03-09 A1']);

        // UD1A tries again and it is saved; every acknowledged answer is in the store.
        const again = await replicas[0]!.action(
          clock.now,
          'slack:UD1A',
          duringOutage,
          'answer-UD1A-again',
        );
        expect(again.error).toBeUndefined();
        const d0Record = await getRecord(shared.store, '2027-Q1', 'd0');
        expect(d0Record.answers[acknowledged.question]?.status).toBe(acknowledged.status);
        const d1Record = await getRecord(shared.store, '2027-Q1', 'd1');
        expect(d1Record.answers[duringOutage.question]?.status).toBe(duringOutage.status);
      } finally {
        proxy.restore();
        await stopAll(replicas);
        await collector.close();
        await proxy.close();
        await shared.store.close();
      }
    }, 240_000);
  });
}
