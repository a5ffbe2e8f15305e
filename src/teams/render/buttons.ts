import type { ActionKind } from '../../chat/actions.ts';
import type { Button } from '../../chat/views.ts';
import { truncate, type CardElement } from './text.ts';

/** The verb of every Tasa button: the action itself travels in the data, under `tasa`. */
export const actionVerb = 'tasa';
/** The verb of a card's refresh: the person's own, current version of it. */
export const refreshVerb = 'refresh';

/**
 * Actions whose button opens a form. In Teams the form is a dialog: the
 * button asks for it (`task/fetch`) and the dialog is the answer. Every
 * other kind must be listed too, so a new kind is placed on purpose.
 */
const opensForm: Record<ActionKind, boolean> = {
  start: false,
  answer: false,
  explain: true,
  back: false,
  rate: false,
  rateWithLimits: true,
  skip: true,
  handOver: true,
  remindLater: false,
  resume: false,
  confirm: false,
  same: false,
  sameRating: false,
  reviewAccept: false,
  reviewRequestChanges: true,
  reviewAcceptAll: false,
  reviewReopen: false,
  reviewOpen: false,
  adminContactAdd: true,
  adminContactRemove: true,
  adminOpenCycle: false,
  adminHandTo: false,
  actionNew: true,
  actionEdit: true,
  actionDone: true,
  actionNote: true,
  actionMove: true,
  actionSnooze: false,
};

const style = (button: Button): CardElement => ({
  ...(button.style === 'primary' ? { style: 'positive' } : {}),
  ...(button.style === 'danger' ? { style: 'destructive' } : {}),
});

/** The Action.Submit of clients without Universal Actions: the action comes back as a message. */
const submit = (button: Button): CardElement => ({
  type: 'Action.Submit',
  title: truncate(button.label, 80),
  data: { tasa: button.action },
  ...style(button),
});

/**
 * A button. One that opens a form asks Teams for a dialog; where there are
 * no dialogs (the Agents Playground) the same submit arrives as a message and
 * the form comes as a card instead. Any other is a Universal Action, whose
 * answer is the clicked card as it is now; clients without them fall back to
 * a plain submit.
 */
export function cardButton(button: Button): CardElement {
  if (opensForm[button.action.kind]) {
    const plain = submit(button);
    return { ...plain, data: { msteams: { type: 'task/fetch' }, ...(plain.data as object) } };
  }
  return {
    type: 'Action.Execute',
    verb: actionVerb,
    title: truncate(button.label, 80),
    data: { tasa: button.action },
    ...style(button),
    fallback: submit(button),
  };
}

/** Whether a card has buttons that answer with a new version of it. */
export const hasUniversalActions = (actions: readonly CardElement[]): boolean =>
  actions.some((a) => a.type === 'Action.Execute');

/**
 * Asks Teams to fetch the card afresh whenever the person opens it (on any
 * of their devices), so that a card answered elsewhere never shows old buttons.
 */
export const refreshFor = (userIds: readonly string[]): CardElement => ({
  action: { type: 'Action.Execute', verb: refreshVerb },
  userIds: [...userIds],
});
