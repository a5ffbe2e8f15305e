import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { answerStatuses, keyFactorRatings } from '../../src/checkins/answer.ts';
import { openWork } from '../../src/checkins/progress.ts';
import {
  emptyRecord,
  recordKey,
  updateRecord,
  type DepartmentRecord,
} from '../../src/checkins/record-repository.ts';
import { cycleRecords } from '../../src/checkins/status.ts';
import type { Cycle } from '../../src/cycles/cycle.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { peopleWithOpenWork } from '../../src/checkins/schedule.ts';
import { createDirectory, type Directory } from '../../src/people/directory.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { parsedConfig } from '../helpers/world.ts';

/** mulberry32: the same made-up city on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const departments = 400;
const pool = 500;
const at = '2027-01-04T08:00:00.000Z';
const personId = (n: number): string => `UP${String(n).padStart(4, '0')}`;
const pick = <T>(rng: () => number, list: readonly T[]): T =>
  list[Math.floor(rng() * list.length)]!;

/**
 * A city of 400 departments whose 1–2 contacts come from 500 people, so many
 * people answer for several departments, each department asked some key factors.
 */
function cityOf(rng: () => number, keyFactors: readonly string[]) {
  return parsedConfig(
    stringify({
      organization: { name: 'Suurkaupunki', locale: 'en', timezone: 'Europe/Helsinki' },
      frameworks: ['integrating-cities'],
      coordinators: [{ slack: 'UCOORD', name: 'Kaisa Koordinaattori' }],
      channels: { coordination: { slack: 'CCOORD' } },
      departments: Array.from({ length: departments }, (_, i) => ({
        id: `d${i}`,
        name: `Department ${i}`,
        contacts: Array.from({ length: 1 + Math.floor(rng() * 2) }, () => ({
          slack: personId(Math.floor(rng() * pool)),
        })),
        keyFactors:
          rng() < 0.3 ? 'all' : [keyFactors[0], ...keyFactors.slice(1).filter(() => rng() < 0.4)],
      })),
    }),
  );
}

/**
 * One department's record in one of the states a cycle sees: untouched, done,
 * mostly skipped, half done, or some key factors handed over and the rest done.
 */
function recordFor(
  rng: () => number,
  cycle: Cycle,
  department: string,
): DepartmentRecord | undefined {
  const asked = cycle.keyFactors.filter((kf) =>
    cycle.departments.find((d) => d.id === department)?.keyFactors.includes(kf.id),
  );
  const state = pick(rng, ['untouched', 'done', 'done', 'skipped', 'half', 'handed', 'handed']);
  if (state === 'untouched') return undefined;
  const record = emptyRecord(cycle.id, department);
  for (const kf of asked) {
    if (state === 'skipped' && rng() < 0.8) {
      record.skips[kf.id] = { by: 'slack:UCOORD', at, reason: 'Not ours.' };
      continue;
    }
    let done = state !== 'half' || rng() < 0.3;
    if (state === 'handed' && rng() < 0.5) {
      // To a contact of some department, or to someone who is nobody's contact.
      const to = rng() < 0.5 ? personId(Math.floor(rng() * pool)) : `UOUT${Math.floor(rng() * 20)}`;
      record.handOvers[kf.id] = { by: 'slack:UCOORD', at, to: `slack:${to}` };
      done = rng() < 0.5;
    }
    if (rng() < 0.5 || done) record.started[kf.id] = { by: 'slack:UCOORD', at };
    for (const q of kf.questions) {
      if (!done && rng() < 0.5) continue;
      record.answers[q.id] = {
        status: pick(rng, answerStatuses),
        explanation: '',
        evidence: [],
        late: false,
        revision: 1,
        history: [],
        by: 'slack:UCOORD',
        at,
      };
    }
    if (done || rng() < 0.3)
      record.ratings[kf.id] = {
        rating: pick(rng, keyFactorRatings),
        limitingFactors: [],
        note: '',
        late: false,
        history: [],
        by: 'slack:UCOORD',
        at,
      };
  }
  return record;
}

/** As the check-in job always chose, person by person: contacts and hand-overs in department order, if they have open work. */
async function straightforward(store: Store, directory: Directory, cycle: Cycle) {
  const records = await cycleRecords(store, cycle);
  const candidates = new Set<string>();
  for (const department of cycle.departments) {
    for (const person of directory.contactsOf(department.id)) candidates.add(person);
    for (const handOver of Object.values(records.get(department.id)?.handOvers ?? {}))
      candidates.add(handOver.to);
  }
  const asked = [...candidates].filter(
    (person) => openWork(cycle, records, person, directory).length > 0,
  );
  return { candidates: candidates.size, asked };
}

describe('who the check-in job asks', () => {
  it('is everyone with open work, in a city of 400 departments', async () => {
    const rng = random(20270104);
    const { catalogue } = i18nFor('en');
    const keyFactors = catalogue
      .framework('integrating-cities', 'en')
      .items.filter((item) => item.questions.length > 0)
      .map((item) => item.id);
    const config = cityOf(rng, keyFactors);
    const clock = fixedClock(new Date(at));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'city', clock });
    const opened = await openCycle(
      { store, clock, config, catalogue, localDate: (d) => d.toISOString().slice(0, 10) },
      { name: '2027-Q1', dueDate: '2027-02-15', by: 'slack:UCOORD' },
    );
    if (!opened.ok) throw new Error(opened.code);
    const cycle = opened.cycle;
    for (const [i, department] of cycle.departments.entries()) {
      const record = recordFor(rng, cycle, department.id);
      if (!record) continue;
      // Half as the engine saves them, half as records kept before summaries existed.
      if (i % 2 === 0)
        await updateRecord(store, cycle.id, department.id, (r) => void Object.assign(r, record));
      else await store.set(recordKey(cycle.id, department.id), record);
    }
    const directory = createDirectory(config, ['slack']);

    const { candidates, asked: expected } = await straightforward(store, directory, cycle);
    // Many are asked, many are done, some asked only because work was handed to them.
    expect(expected.length).toBeGreaterThan(100);
    expect(candidates - expected.length).toBeGreaterThan(50);
    expect(expected.some((p) => p.startsWith('slack:UOUT'))).toBe(true);

    expect(await peopleWithOpenWork(store, directory, cycle)).toEqual(expected);
    // Read again, now from the summaries the first read saved.
    expect(await peopleWithOpenWork(store, directory, cycle)).toEqual(expected);
  });
});
