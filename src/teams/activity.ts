import { z } from 'zod';

/**
 * What Tasa reads of an incoming activity, checked before the SDK sees it:
 * a malformed one is the sender's mistake (400), not Tasa's (500). Everything
 * else passes through untouched for the SDK.
 */
const text = z.string().optional();
const id = z.string().min(1);
const account = z.looseObject({ id, name: text, aadObjectId: text });

export const activitySchema = z.looseObject({
  type: z.string().min(1),
  id: text,
  serviceUrl: z.url(),
  channelId: text,
  from: account,
  recipient: account.optional(),
  conversation: z.looseObject({
    id,
    conversationType: text,
    tenantId: text,
    isGroup: z.boolean().optional(),
  }),
  text,
  locale: text,
  replyToId: text,
  action: text,
  entities: z.array(z.looseObject({ type: z.string().min(1) })).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: text }).optional() }).optional(),
});

export type IncomingActivity = z.infer<typeof activitySchema>;

/** The paths of what is wrong, for a log line (never the values: they may be what people wrote). */
export function activityProblems(body: unknown): string[] | undefined {
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((issue) => issue.path.join('.') || '(activity)');
}
