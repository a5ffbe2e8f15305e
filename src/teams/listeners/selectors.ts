import type { Activity, ChannelAccount } from '@microsoft/agents-activity';

const valueOf = (activity: Activity): Record<string, unknown> | undefined =>
  typeof activity.value === 'object' && activity.value !== null
    ? (activity.value as Record<string, unknown>)
    : undefined;

/** A click on a Tasa button: the card's submit data carries the action under `tasa`. */
export const isCardAction = (activity: Activity): boolean =>
  activity.type === 'message' && valueOf(activity)?.tasa !== undefined;

/** A Tasa form card's submit: its data carries the form's context under `tasaForm`. */
export const isCardForm = (activity: Activity): boolean =>
  activity.type === 'message' && valueOf(activity)?.tasaForm !== undefined;

/** An invoke of this name: a Universal Action (`adaptiveCard/action`), a dialog (`task/fetch`, `task/submit`). */
export const isInvoke = (activity: Activity, name: string): boolean =>
  activity.type === 'invoke' && activity.name === name;

/** The `data` an invoke's value carries (a dialog's submit or fetch). */
export const invokeData = (activity: Activity): Record<string, unknown> | undefined => {
  const data = valueOf(activity)?.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
};

/** Whether the bot is @mentioned (the mention entity stays after the SDK strips its text). */
export const mentionsBot = (activity: Activity): boolean =>
  (activity.entities ?? []).some(
    (entity) =>
      entity.type.toLowerCase() === 'mention' &&
      (entity as { mentioned?: ChannelAccount }).mentioned?.id === activity.recipient?.id,
  );

/** Whether the bot is among members added or removed. */
export const includesBot = (
  members: readonly ChannelAccount[] | undefined,
  activity: Activity,
): boolean => (members ?? []).some((m) => m.id !== undefined && m.id === activity.recipient?.id);
