import { randomUUID } from 'node:crypto';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { createOutbox } from '../../src/outbox/outbox.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { helsinkiDate, parsedConfig } from '../helpers/world.ts';
import type { Collected } from './collector.ts';

/** The real services, when the machine has them (.ci/run sets both). */
export const services = [
  { name: 'Redis', variable: 'TASA_TEST_REDIS_URL', url: process.env.TASA_TEST_REDIS_URL },
  {
    name: 'PostgreSQL',
    variable: 'TASA_TEST_POSTGRES_URL',
    url: process.env.TASA_TEST_POSTGRES_URL,
  },
] as const;

export type Service = (typeof services)[number];

/** Says, once per file, which services are missing and so which tests are skipped. */
export function warnSkipped(what: string): void {
  for (const service of services)
    if (!service.url)
      console.warn(`Skipping ${what} on ${service.name}: set ${service.variable} to run them.`);
}

/** A fresh organisation id: every key of a test lives under it, so runs never meet. */
export const freshNamespace = (label: string): string => `replicas-${label}-${randomUUID()}`;

export const schedule = `schedule: { openCycle: '0 7 * * 1', checkIns: '0 9 * * 1-5', reminders: '0 9 * * 1-5', rollup: '0 14 * * 5', digest: '0 8 * * 1' }`;

/**
 * A city of `count` departments d0, d1, … with the given contacts each
 * (UD0A, UD0B, …), coordination and steering channels, and the schedule.
 */
export function cityYaml(count: number, contacts: readonly string[] = ['A'], extra = schedule) {
  const departments = Array.from({ length: count }, (_, i) => {
    const people = contacts.map((c) => `{ slack: UD${i}${c}, name: Contact ${i}${c} }`).join(', ');
    return `  - { id: d${i}, name: Department ${i}, contacts: [ ${people} ], keyFactors: [KF01] }`;
  }).join('\n');
  return `organization: { name: Replica City, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities]
coordinators: [ { slack: UCOORD, name: Kaisa Koordinaattori } ]
channels: { coordination: { slack: CCOORD }, steering: { slack: CSTEER } }
departments:
${departments}
${extra}
`;
}

/** The store as the test sees it: for setting up data and reading it back. */
export function openShared(url: string, namespace: string, now: Date) {
  const clock = fixedClock(now);
  const store = openStore({ url, dataDir: '.', namespace, clock });
  const outbox = createOutbox({
    store,
    clock,
    logger: memoryLogger(),
    deliver: () => Promise.reject(new Error('the test never sends')),
  });
  return { store, clock, outbox };
}

/** Opens cycle 2027-Q1 from the test, as a coordinator would, before the replicas start. */
export async function openQuarter(store: ReturnType<typeof openShared>['store'], yaml: string) {
  const { catalogue } = i18nFor('en');
  const result = await openCycle(
    {
      store,
      clock: { now: () => new Date('2027-03-08T08:00:00Z') },
      config: parsedConfig(yaml),
      catalogue,
      localDate: helsinkiDate,
    },
    { name: '2027-Q1', dueDate: '2027-04-30', by: 'slack:UCOORD' },
  );
  if (!result.ok) throw new Error(`cycle not opened: ${result.code}`);
}

/**
 * What a message is, independent of who sent it and when within the day:
 * a check-in to a person on a local date, a reminder with its item ids, a
 * roll-up of a week. Two messages with one identity are a duplicate.
 */
export function identity(message: Collected): string {
  const day = helsinkiDate(new Date(message.at));
  const to = message.to.id;
  const ids = [...new Set([...message.body.matchAll(/\b(A\d+) ·/g)].map((m) => m[1]))]
    .sort()
    .join('+');
  // A check-in leads with how much is open, whatever its first step (an intro or a question).
  if (/You have \d+ open questions? in cycle/.test(message.body)) return `checkIn ${to} ${day}`;
  if (message.body.includes('coordinating body’s attention'))
    return `escalation ${to} ${day} ${ids}`;
  if (message.body.includes('need attention') || message.body.includes('needs attention'))
    return `reminder ${to} ${day} ${ids}`;
  const week = /week (\d{4}-W\d{2})/.exec(message.body)?.[1] ?? '?';
  if (message.header?.startsWith('Roll-up')) return `rollup ${to} ${week}`;
  if (message.header === 'Per department') return `rollupDetail ${to}`;
  if (message.header?.startsWith('Weekly digest')) return `digest ${to} ${week}`;
  return `other ${to} ${day}`;
}

/** Identities that occur more than once, with how often. */
export function duplicates(keys: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n > 1));
}
