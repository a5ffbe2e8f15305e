import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { InvokeBody } from '../../render/invoke-responses.ts';

/**
 * How long an invoke waits for its answer from the core. Teams shows a
 * spinner meanwhile and gives up after some seconds; what the core does
 * after the answer (the next question, other people's cards) goes on.
 */
export const answerWithinMs = 4_000;

/** The invoke's HTTP answer: the body as given, or none (a dialog closes). */
export async function respond(context: TurnContext, body: InvokeBody | undefined): Promise<void> {
  await context.sendActivity(
    Activity.fromObject({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, ...(body ? { body } : {}) },
    }),
  );
}

/** Resolves when the first of these settles, or after `ms`. */
export async function firstOf(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([
      late,
      ...promises.map((p) =>
        p.then(
          () => undefined,
          () => undefined,
        ),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
