import type { Activity } from '@microsoft/agents-activity';

/**
 * The locale Teams gives for the person behind an activity: the activity's
 * own, else the one in its clientInfo entity (an install's conversation
 * update often carries only that). Undefined when Teams says neither.
 */
export function localeOf(activity: Pick<Activity, 'locale' | 'entities'>): string | undefined {
  if (activity.locale) return activity.locale;
  const info = activity.entities?.find((entity) => entity.type === 'clientInfo') as
    { locale?: unknown } | undefined;
  return typeof info?.locale === 'string' && info.locale !== '' ? info.locale : undefined;
}
