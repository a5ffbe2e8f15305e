import { expect } from 'vitest';
import type { MessageView } from '../../src/chat/views.ts';
import { announceReviews } from '../../src/reviews/schedule.ts';
import { cityConfig, createWorld, parsedConfig, type World } from '../helpers/world.ts';

/** The small city with a peer city's officer as reviewer; the coordinator reviews too. */
export const reviewedCity = (extra = '') =>
  parsedConfig(`${cityConfig}reviewers: [ { slack: UREV, name: Riikka Arvioija } ]\n${extra}`);

export function createReviewWorld(options: { extra?: string; now?: string } = {}) {
  const world = createWorld({
    config: reviewedCity(options.extra),
    ...(options.now ? { now: options.now } : {}),
  });
  const jobDeps = {
    store: world.store,
    outbox: world.core.outbox,
    calendar: world.core.calendar,
    logger: world.logger,
    directory: world.core.directory,
    config: world.config,
  };
  return {
    ...world,
    /** The day's scheduled peer review run: reviewers are told what departments completed. */
    announce: (day: string) => announceReviews(jobDeps, day),
    /** Someone types a command; the reply as the platform would show it. */
    async command(id: string, text: string): Promise<MessageView> {
      const outcome = await world.inbound.receive({
        kind: 'command',
        actor: { platform: 'slack', id },
        text,
      });
      if (outcome.kind !== 'reply') throw new Error(`no reply to “${text}”`);
      return outcome.message;
    },
  };
}

export type ReviewWorld = ReturnType<typeof createReviewWorld>;

/** Opens 2027-Q1 and gives each contact their first check-in. */
export async function openAndCheckIn(world: World, ...people: string[]) {
  expect((await world.open({ name: '2027-Q1', dueDate: '2027-02-15' })).ok).toBe(true);
  for (const id of people)
    expect(await world.engine.deliverCheckIn(`slack:${id}`, '2027-Q1', '2027-01-04')).toBe('sent');
}

/** A contact starts the key factor in front of them and answers its questions with these labels. */
export async function answerKeyFactor(world: World, id: string, labels: readonly string[]) {
  const contact = world.person(id);
  await contact.click('Start');
  for (const label of labels) await contact.click(label);
}

/** The texts of every message a person got, newest last. */
export const textsTo = (world: World, id: string): string[] =>
  world
    .person(id)
    .messages()
    .map((m) => world.chat.text(m.view));
