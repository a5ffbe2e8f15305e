import type { Action, ActionKind } from '../../chat/actions.ts';

// Every kind must be listed, so a new kind of button cannot silently do nothing in Teams.
const kinds: Record<ActionKind, true> = {
  start: true,
  answer: true,
  explain: true,
  back: true,
  rate: true,
  rateWithLimits: true,
  skip: true,
  handOver: true,
  remindLater: true,
  resume: true,
  actionNew: true,
  actionEdit: true,
  actionDone: true,
  actionNote: true,
  actionMove: true,
  actionSnooze: true,
};

/** A Tasa action carried in a card's submit data; undefined for anything else. */
export function decodeAction(value: unknown): Action | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && Object.hasOwn(kinds, kind) ? (value as Action) : undefined;
}
