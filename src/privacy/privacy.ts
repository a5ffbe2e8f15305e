import type { ActionItem } from '../action-plans/item.ts';
import { actionIds, getItem, updateItem } from '../action-plans/repository.ts';
import type { Answer, Rating } from '../checkins/answer.ts';
import { getRecord, updateRecord, type DepartmentRecord } from '../checkins/record.ts';
import { cycleIndex, getCycle } from '../cycles/repository.ts';
import { personState, type PersonState } from '../people/preferences.ts';
import { unreachablePeople } from '../people/reachability.ts';
import type { Store } from '../store/store.ts';

/** What Tasa keeps about one person, for a data-subject access request. */
export interface PersonData {
  person: string;
  exportedAt: string;
  preferences: PersonState;
  unreachable?: { reason: string; since: string };
  answers: {
    cycle: string;
    department: string;
    question: string;
    answer: Omit<Answer, 'history'>;
    earlierVersions: Omit<Answer, 'history'>[];
  }[];
  ratings: {
    cycle: string;
    department: string;
    keyFactor: string;
    rating: Omit<Rating, 'history'>;
  }[];
  skips: { cycle: string; department: string; keyFactor: string; reason: string; at: string }[];
  handOvers: {
    cycle: string;
    department: string;
    keyFactor: string;
    role: 'from' | 'to';
    at: string;
  }[];
  actionItems: {
    id: string;
    title: string;
    roles: string[];
    notes: { text: string; at: string }[];
    changes: { field: string; from: string; to: string; at: string; reason?: string }[];
  }[];
}

async function everyRecord(store: Store): Promise<DepartmentRecord[]> {
  const records: DepartmentRecord[] = [];
  for (const id of (await cycleIndex(store)).ids) {
    const cycle = await getCycle(store, id);
    for (const department of cycle?.departments ?? [])
      records.push(await getRecord(store, id, department.id));
  }
  return records;
}

const withoutHistory = <T extends { history: unknown }>(value: T): Omit<T, 'history'> => {
  const { history: _history, ...rest } = value;
  void _history;
  return rest;
};

/** Everything attributed to a person: answers, ratings, skips, hand-overs, action items, preferences. */
export async function exportPersonData(
  store: Store,
  person: string,
  now: Date,
): Promise<PersonData> {
  const data: PersonData = {
    person,
    exportedAt: now.toISOString(),
    preferences: await personState(store, person),
    answers: [],
    ratings: [],
    skips: [],
    handOvers: [],
    actionItems: [],
  };
  const unreachable = (await unreachablePeople(store)).find((u) => u.person === person);
  if (unreachable) data.unreachable = { reason: unreachable.reason, since: unreachable.since };
  for (const record of await everyRecord(store)) {
    const where = { cycle: record.cycle, department: record.department };
    for (const [question, answer] of Object.entries(record.answers)) {
      const mine = answer.history.filter((h) => h.by === person);
      if (answer.by === person || mine.length > 0) {
        data.answers.push({
          ...where,
          question,
          answer: withoutHistory(answer),
          earlierVersions: mine,
        });
      }
    }
    for (const [keyFactor, rating] of Object.entries(record.ratings)) {
      if (rating.by === person)
        data.ratings.push({ ...where, keyFactor, rating: withoutHistory(rating) });
    }
    for (const [keyFactor, skip] of Object.entries(record.skips)) {
      if (skip.by === person)
        data.skips.push({ ...where, keyFactor, reason: skip.reason, at: skip.at });
    }
    for (const [keyFactor, handOver] of Object.entries(record.handOvers)) {
      if (handOver.by === person)
        data.handOvers.push({ ...where, keyFactor, role: 'from', at: handOver.at });
      if (handOver.to === person)
        data.handOvers.push({ ...where, keyFactor, role: 'to', at: handOver.at });
    }
  }
  for (const id of await actionIds(store)) {
    const item = await getItem(store, id);
    if (!item) continue;
    const roles = [
      ...(item.owners.includes(person) ? ['owner'] : []),
      ...(item.created.by === person ? ['creator'] : []),
    ];
    const notes = item.notes
      .filter((n) => n.by === person)
      .map((n) => ({ text: n.text, at: n.at }));
    const changes = item.history
      .filter((h) => h.by === person)
      .map((h) => ({
        field: h.field,
        from: h.from,
        to: h.to,
        at: h.at,
        ...(h.reason ? { reason: h.reason } : {}),
      }));
    if (roles.length > 0 || notes.length > 0 || changes.length > 0) {
      data.actionItems.push({ id: item.id, title: item.title, roles, notes, changes });
    }
  }
  return data;
}

/** Who an erased person's work is attributed to from now on. */
export const departmentAttribution = (department: string): string => `department:${department}`;
const erased = 'erased';

/** Replaces a person in one department record; answers keep their content for the benchmark. */
function eraseInRecord(record: DepartmentRecord, person: string): boolean {
  const as = departmentAttribution(record.department);
  let changed = false;
  const swap = <T extends { by: string }>(value: T): T => {
    if (value.by !== person) return value;
    changed = true;
    return { ...value, by: as };
  };
  for (const [question, answer] of Object.entries(record.answers)) {
    record.answers[question] = { ...swap(answer), history: answer.history.map(swap) };
  }
  for (const [keyFactor, rating] of Object.entries(record.ratings)) {
    record.ratings[keyFactor] = { ...swap(rating), history: rating.history.map(swap) };
  }
  for (const [keyFactor, skip] of Object.entries(record.skips))
    record.skips[keyFactor] = swap(skip);
  for (const [keyFactor, stamp] of Object.entries(record.started))
    record.started[keyFactor] = swap(stamp);
  for (const [keyFactor, handOver] of Object.entries(record.handOvers)) {
    const next = swap(handOver);
    record.handOvers[keyFactor] = next.to === person ? { ...next, to: as } : next;
    if (next.to === person) changed = true;
  }
  for (const [key, prompts] of Object.entries(record.prompts)) {
    const kept = prompts.filter((p) => p.person !== person);
    if (kept.length !== prompts.length) {
      record.prompts[key] = kept;
      changed = true;
    }
  }
  return changed;
}

function eraseInItem(item: ActionItem, person: string): ActionItem | undefined {
  const mentions =
    item.owners.includes(person) ||
    item.created.by === person ||
    item.notes.some((n) => n.by === person) ||
    item.history.some((h) => h.by === person || h.from.includes(person) || h.to.includes(person));
  if (!mentions) return undefined;
  const scrub = (text: string): string => text.split(person).join(erased);
  return {
    ...item,
    owners: item.owners.filter((o) => o !== person),
    created: item.created.by === person ? { ...item.created, by: erased } : item.created,
    notes: item.notes.map((n) => (n.by === person ? { ...n, by: erased } : n)),
    history: item.history.map((h) => ({
      ...h,
      by: h.by === person ? erased : h.by,
      from: scrub(h.from),
      to: scrub(h.to),
    })),
  };
}

export interface ErasureReport {
  records: number;
  actionItems: number;
}

/**
 * Erases a person for a data-subject request: answers keep their content for
 * the benchmark, attributed to the department; the person's preferences,
 * reachability and platform references are deleted.
 */
export async function erasePerson(store: Store, person: string): Promise<ErasureReport> {
  let records = 0;
  for (const id of (await cycleIndex(store)).ids) {
    const cycle = await getCycle(store, id);
    for (const department of cycle?.departments ?? []) {
      const { result } = await updateRecord(store, id, department.id, (record) =>
        eraseInRecord(record, person),
      );
      if (result) records++;
    }
    await store.delete(`handovers:${id}:${person}`);
  }
  let actionItems = 0;
  for (const id of await actionIds(store)) {
    const changed = await updateItem(store, id, (item) => eraseInItem(item, person));
    if (changed) actionItems++;
  }
  await store.delete(`person:${person}`);
  const unreachable = await unreachablePeople(store);
  if (unreachable.some((u) => u.person === person)) {
    await store.set(
      'unreachable',
      unreachable.filter((u) => u.person !== person),
    );
  }
  if (person.startsWith('teams:')) await store.delete(`teams-ref:${person.slice('teams:'.length)}`);
  return { records, actionItems };
}

/**
 * Retention: personal data in cycles closed more than the retention period
 * ago is anonymised — answers stay, attributed to their departments.
 */
export async function applyRetention(store: Store, cutoff: string): Promise<number> {
  let anonymised = 0;
  for (const id of (await cycleIndex(store)).ids) {
    const cycle = await getCycle(store, id);
    if (!cycle?.closedAt || cycle.closedAt >= cutoff) continue;
    for (const department of cycle.departments) {
      await updateRecord(store, id, department.id, (record) => {
        const people = new Set<string>();
        for (const answer of Object.values(record.answers))
          [answer, ...answer.history].forEach((a) => people.add(a.by));
        for (const rating of Object.values(record.ratings))
          [rating, ...rating.history].forEach((r) => people.add(r.by));
        for (const skip of Object.values(record.skips)) people.add(skip.by);
        for (const stamp of Object.values(record.started)) people.add(stamp.by);
        for (const handOver of Object.values(record.handOvers))
          [handOver.by, handOver.to].forEach((p) => people.add(p));
        for (const person of people) {
          if (!person.startsWith('department:') && eraseInRecord(record, person)) anonymised++;
        }
        record.prompts = {};
      });
    }
  }
  for (const id of await actionIds(store)) {
    const item = await getItem(store, id);
    const last = item
      ? [item.created.at, ...item.history.map((h) => h.at), ...item.notes.map((n) => n.at)]
          .sort()
          .at(-1)
      : undefined;
    if (
      !item ||
      item.status === 'planned' ||
      item.status === 'in_progress' ||
      !last ||
      last >= cutoff
    )
      continue;
    const people = new Set([
      item.created.by,
      ...item.owners,
      ...item.notes.map((n) => n.by),
      ...item.history.map((h) => h.by),
    ]);
    for (const person of people) {
      if (person === erased) continue;
      if (await updateItem(store, id, (current) => eraseInItem(current, person))) anonymised++;
    }
  }
  return anonymised;
}
