import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Address } from '../../src/chat/address.ts';
import type { ChatPort } from '../../src/chat/port.ts';
import type { MessageView } from '../../src/chat/views.ts';
import { decorate } from '../../src/delivery/decorate.ts';
import { createDeliveryScope } from '../../src/delivery/scope.ts';
import { sendOnce } from '../../src/delivery/send-once.ts';
import type { OutboxItem } from '../../src/outbox/items.ts';
import { createOutbox } from '../../src/outbox/outbox.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { slackPort } from '../../src/slack/port.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api.ts';

const contact: Address = { platform: 'slack', kind: 'person', id: 'U1' };
const view = (text: string): MessageView => ({
  text,
  blocks: [{ type: 'text', text }],
});
const never = new Promise<never>(() => undefined);
const claimTtlMs = 60_000;

/**
 * A replica that dies while sending: the platform has the message, the
 * outbox never hears back. The next replica must not send it again.
 */
describe('a message a dead replica had already handed to the platform', () => {
  let fake: FakeSlackApi;
  let store: Store;
  // Slack stamps messages with its own (real) time, and Tasa looks back from its clock's reading.
  const clock = fixedClock(new Date());

  beforeEach(async () => {
    fake = await startFakeSlackApi();
    store = openStore({ url: 'memory:', dataDir: '.', namespace: 'once', clock });
  });
  afterEach(async () => {
    await fake.close();
    await store.close();
  });

  const slack = (): ChatPort =>
    slackPort(
      new WebClient('xoxb-test', { slackApiUrl: `${fake.url}/api/`, logLevel: LogLevel.ERROR }),
    );

  /** A replica's outbox whose deliveries post a summary and a reply in its thread, as a roll-up does. */
  function replica(platform: ChatPort, dies: 'after the summary' | 'never') {
    const logger = memoryLogger();
    const scope = createDeliveryScope();
    const port = decorate(platform, sendOnce(scope, logger));
    const outbox = createOutbox({
      store,
      clock,
      logger,
      scope,
      sendClaimTtlMs: claimTtlMs,
      deliver: async (item: OutboxItem) => {
        const week = item.kind === 'rollup' ? item.payload.week : '';
        const summary = await port.send(item.to, view(`Summary ${week}`));
        if (dies === 'after the summary') await never;
        await port.send(item.to, view(`Detail ${week}`), { thread: summary });
        return 'sent';
      },
    });
    return { outbox, logger };
  }

  const enqueueOne = (outbox: ReturnType<typeof replica>['outbox']) =>
    outbox.enqueue('rollup:2027-W10', [
      {
        key: 'channel',
        kind: 'rollup',
        to: contact,
        payload: { cycle: '2027-Q1', week: '2027-W10', today: '2027-03-12' },
      },
    ]);

  it('is found on Slack and not posted again; the rest of the delivery follows in its thread', async () => {
    const dying = replica(slack(), 'after the summary');
    await enqueueOne(dying.outbox);
    void dying.outbox.drain();
    await until(() => fake.messagesTo('U1').length === 1);

    // The dead replica's claim lapses; a survivor picks the item up.
    clock.set(new Date(clock.now().getTime() + claimTtlMs + 1_000));
    const survivor = replica(slack(), 'never');
    expect(await survivor.outbox.drain()).toEqual({ sent: 1, skipped: 0, failed: 0 });

    const posted = fake.messagesTo('U1');
    expect(posted.map((c) => c.args.text)).toEqual(['Summary 2027-W10', 'Detail 2027-W10']);
    const summary = [...fake.messages.values()].find((m) => m.text === 'Summary 2027-W10');
    expect(posted[1]?.args.thread_ts).toBe(summary?.ts);
    expect(survivor.logger.lines.map((l) => l.message)).toContain(
      'message had reached the platform before a restart; not sent again',
    );
    expect(await survivor.outbox.backlog()).toBe(0);
  });

  it('is sent when the dead replica had not reached Slack yet', async () => {
    const unreachable: ChatPort = { ...slack(), send: () => never };
    const dying = replica(unreachable, 'never');
    await enqueueOne(dying.outbox);
    void dying.outbox.drain();
    await until(
      async () =>
        (await store.get<OutboxItem>('outbox:item:rollup:2027-W10:channel'))?.startedAt !==
        undefined,
    );

    clock.set(new Date(clock.now().getTime() + claimTtlMs + 1_000));
    const survivor = replica(slack(), 'never');
    await survivor.outbox.drain();
    expect(fake.messagesTo('U1').map((c) => c.args.text)).toEqual([
      'Summary 2027-W10',
      'Detail 2027-W10',
    ]);
  });

  it('is sent again on a platform that cannot be asked what it has: at least once, never lost', async () => {
    const blind: ChatPort = { ...slack(), findSent: undefined };
    const dying = replica(blind, 'after the summary');
    await enqueueOne(dying.outbox);
    void dying.outbox.drain();
    await until(() => fake.messagesTo('U1').length === 1);

    clock.set(new Date(clock.now().getTime() + claimTtlMs + 1_000));
    await replica(blind, 'never').outbox.drain();
    expect(fake.messagesTo('U1').map((c) => c.args.text)).toEqual([
      'Summary 2027-W10',
      'Summary 2027-W10',
      'Detail 2027-W10',
    ]);
  });

  it('carries no readable ids: the key Slack keeps is an opaque hash', async () => {
    const { outbox } = replica(slack(), 'never');
    await enqueueOne(outbox);
    await outbox.drain();
    const metadata = [...fake.messages.values()].map((m) => JSON.stringify(m.metadata));
    expect(metadata).toHaveLength(2);
    for (const text of metadata) {
      expect(text).toContain('tasa_delivery');
      expect(text).not.toMatch(/rollup|2027|U1/);
    }
  });
});

async function until(done: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
