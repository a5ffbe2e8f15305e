import type { ActionItem } from './item.ts';

/** The action items' share of what is kept about a person. */
export interface ActionItemsData {
  actionItems: {
    id: string;
    title: string;
    roles: string[];
    notes: { text: string; at: string }[];
    changes: { field: string; from: string; to: string; at: string; reason?: string }[];
  }[];
}

/** Who an erased person's notes and changes are attributed to from now on. */
export const erased = 'erased';

/** What one item holds of a person, if anything. */
export function exportFromItem(
  item: ActionItem,
  person: string,
): ActionItemsData['actionItems'][number] | undefined {
  const roles = [
    ...(item.owners.includes(person) ? ['owner'] : []),
    ...(item.created.by === person ? ['creator'] : []),
  ];
  const notes = item.notes.filter((n) => n.by === person).map((n) => ({ text: n.text, at: n.at }));
  const changes = item.history
    .filter((h) => h.by === person)
    .map((h) => ({
      field: h.field,
      from: h.from,
      to: h.to,
      at: h.at,
      ...(h.reason ? { reason: h.reason } : {}),
    }));
  if (roles.length === 0 && notes.length === 0 && changes.length === 0) return undefined;
  return { id: item.id, title: item.title, roles, notes, changes };
}

/** The item without the person (owners, authors, and their key in the edit history), if it named them. */
export function eraseInItem(item: ActionItem, person: string): ActionItem | undefined {
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

/** The last time anyone touched an item. */
export const lastActivity = (item: ActionItem): string | undefined =>
  [item.created.at, ...item.history.map((h) => h.at), ...item.notes.map((n) => n.at)].sort().at(-1);

/** Everyone an item names. */
export const peopleIn = (item: ActionItem): Set<string> =>
  new Set([
    item.created.by,
    ...item.owners,
    ...item.notes.map((n) => n.by),
    ...item.history.map((h) => h.by),
  ]);
