import { z } from 'zod';
import { answerStatuses, keyFactorRatings } from '../shared/benchmark.ts';

// Ids are short; anything longer is not a Tasa id, and a forged value never reaches a handler.
const id = z.string().min(1).max(200);
const where = { cycle: id, department: id };

/**
 * What a button or form is about. Adapters put it into the button's value
 * and hand it back unchanged with the person's click or submission, so it is
 * kept small (Slack allows 2,000 characters in a button value). The schema is
 * the one list of action kinds: the type is read from it, so a kind added
 * here is a kind every switch over actions must handle.
 */
export const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start'), ...where, keyFactor: id }),
  z.object({
    kind: z.literal('answer'),
    ...where,
    question: id,
    status: z.enum(answerStatuses),
    revision: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('explain'),
    ...where,
    question: id,
    revision: z.number().int().nonnegative(),
  }),
  z.object({ kind: z.literal('back'), ...where, question: id }),
  z.object({ kind: z.literal('rate'), ...where, keyFactor: id, rating: z.enum(keyFactorRatings) }),
  z.object({ kind: z.literal('rateWithLimits'), ...where, keyFactor: id }),
  z.object({ kind: z.literal('skip'), ...where, keyFactor: id }),
  z.object({ kind: z.literal('handOver'), ...where, keyFactor: id }),
  z.object({ kind: z.literal('remindLater'), ...where, keyFactor: id }),
  z.object({ kind: z.literal('resume') }),
  /** Carry-over: last cycle's answers and rating of a key factor are still true. */
  z.object({ kind: z.literal('confirm'), ...where, keyFactor: id }),
  /** Carry-over, question by question: the same answer as last time. */
  z.object({
    kind: z.literal('same'),
    ...where,
    question: id,
    revision: z.number().int().nonnegative(),
  }),
  z.object({ kind: z.literal('sameRating'), ...where, keyFactor: id }),
  /** Action plans: a new measure (optionally for a department and framework item), and an item's actions. */
  z.object({ kind: z.literal('actionNew'), department: id.optional(), serves: id.optional() }),
  z.object({ kind: z.literal('actionEdit'), item: id }),
  z.object({ kind: z.literal('actionDone'), item: id }),
  z.object({ kind: z.literal('actionNote'), item: id }),
  z.object({ kind: z.literal('actionMove'), item: id }),
  z.object({ kind: z.literal('actionSnooze'), item: id, days: z.number().int().min(1).max(365) }),
  /** Peer review of a department's answers: the revision is the one the reviewer saw. */
  z.object({
    kind: z.literal('reviewAccept'),
    ...where,
    question: id,
    revision: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('reviewRequestChanges'),
    ...where,
    question: id,
    revision: z.number().int().nonnegative(),
  }),
  /** The revisions seen, in question order: an answer changed since is left for another look. */
  z.object({
    kind: z.literal('reviewAcceptAll'),
    ...where,
    keyFactor: id,
    revisions: z.array(z.number().int().nonnegative()).max(50),
  }),
  z.object({ kind: z.literal('reviewReopen'), ...where, question: id }),
  /** What waits for the reviewer, sent to their chat (from App Home). */
  z.object({ kind: z.literal('reviewOpen') }),
  /** Administration by coordinators: a department's contacts, and its place in the open cycle. */
  z.object({ kind: z.literal('adminContactAdd'), department: id }),
  z.object({ kind: z.literal('adminContactRemove'), department: id }),
  z.object({ kind: z.literal('adminOpenCycle'), department: id }),
  /** A key factor that went back to its department, handed on to one of its contacts. */
  z.object({ kind: z.literal('adminHandTo'), department: id, keyFactor: id, person: id }),
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionKind = Action['kind'];

/** Reads an action back from a button or form; undefined for anything that is not a Tasa action. */
export function parseAction(value: unknown): Action | undefined {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const parsed = actionSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** What a button's value carries: the action as JSON. */
export const encodeAction = (action: Action): string => JSON.stringify(action);
