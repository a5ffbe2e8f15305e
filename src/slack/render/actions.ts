import type { Action, ActionKind } from '../../chat/actions.ts';

const kinds: readonly ActionKind[] = [
  'start',
  'answer',
  'explain',
  'back',
  'rate',
  'rateWithLimits',
  'skip',
  'handOver',
  'remindLater',
  'resume',
  'actionNew',
  'actionEdit',
  'actionDone',
  'actionNote',
  'actionMove',
  'actionSnooze',
];

/** Every Tasa button's action_id starts with this; the rest keeps ids unique within a message. */
export const actionIdPrefix = 'tasa.';

export function encodeAction(action: Action): string {
  return JSON.stringify(action);
}

/** Reads a button's value back; undefined for anything that is not a Tasa action. */
export function decodeAction(value: string | undefined): Action | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const kind = (parsed as { kind?: unknown }).kind;
    return typeof kind === 'string' && (kinds as readonly string[]).includes(kind)
      ? (parsed as Action)
      : undefined;
  } catch {
    return undefined;
  }
}
